/// The priority settings resolved once into plain numbers, so scoring a mention needs no
/// dictionary look-ups by name.
struct PriorityWeights {
    var complaint = 0
    var question = 0
    var veryNegative = 0
    var threatPublic = 0
    var threatLegal = 0
    var threatCancel = 0
    var threatRegulator = 0
    var safety = 0
    var vulnerable = 0
    var shouting = 0
    var profanity = 0
    var repeatedPunctuation = 0
    var verified = 0
    var repeatMention = 0
    var repeatMentionMax = 0
    var waitedMinutes = 0
    var waitedHours = 0
    var waitedDays = 0
    var sharedWidely = 0
    var urgentAt = 70
    var highAt = 40
    var normalAt = 15
    var replyWithinUrgent = 900
    var replyWithinHigh = 3600
    var replyWithinNormal = 14_400
    var replyWithinLow = 86_400

    /// The points of a serious concern.
    func points(for concern: Concerns) -> Int {
        switch concern {
        case .legal: threatLegal
        case .regulator: threatRegulator
        case .publicEscalation: threatPublic
        case .safety: safety
        case .vulnerable: vulnerable
        default: 0
        }
    }

    init(_ settings: ClassifierConfiguration.PrioritySettings) throws(ClassifierConfigurationError) {
        let known: Set<String> = [
            "complaint", "question", "veryNegative", "threatPublic", "threatLegal", "threatCancel", "threatRegulator",
            "safety", "vulnerable", "shouting",
            "profanity", "repeatedPunctuation", "verified", "repeatMention", "repeatMentionMax", "waitedMinutes",
            "waitedHours", "waitedDays", "sharedWidely",
        ]
        for name in settings.weights.keys where !known.contains(name) {
            throw ClassifierConfigurationError.invalid(
                path: "configuration", reason: "priority.weights has an unknown signal \"\(name)\"")
        }
        let weights = settings.weights
        complaint = weights["complaint", default: 0]
        question = weights["question", default: 0]
        veryNegative = weights["veryNegative", default: 0]
        threatPublic = weights["threatPublic", default: 0]
        threatLegal = weights["threatLegal", default: 0]
        threatCancel = weights["threatCancel", default: 0]
        threatRegulator = weights["threatRegulator", default: 0]
        safety = weights["safety", default: 0]
        vulnerable = weights["vulnerable", default: 0]
        shouting = weights["shouting", default: 0]
        profanity = weights["profanity", default: 0]
        repeatedPunctuation = weights["repeatedPunctuation", default: 0]
        verified = weights["verified", default: 0]
        repeatMention = weights["repeatMention", default: 0]
        repeatMentionMax = weights["repeatMentionMax", default: 0]
        waitedMinutes = weights["waitedMinutes", default: 0]
        waitedHours = weights["waitedHours", default: 0]
        waitedDays = weights["waitedDays", default: 0]
        sharedWidely = weights["sharedWidely", default: 0]
        urgentAt = settings.levels["urgent", default: urgentAt]
        highAt = settings.levels["high", default: highAt]
        normalAt = settings.levels["normal", default: normalAt]
        for level in PriorityLevel.allCases {
            guard let seconds = settings.replyWithinSeconds[level.rawValue], seconds > 0 else {
                throw ClassifierConfigurationError.invalid(
                    path: "configuration", reason: "priority.replyWithinSeconds needs a positive \"\(level.rawValue)\"")
            }
            switch level {
            case .urgent: replyWithinUrgent = seconds
            case .high: replyWithinHigh = seconds
            case .normal: replyWithinNormal = seconds
            case .low: replyWithinLow = seconds
            }
        }
    }

    /// The reply window of a level, in seconds.
    func replyWithin(_ level: PriorityLevel) -> Int {
        switch level {
        case .urgent: replyWithinUrgent
        case .high: replyWithinHigh
        case .normal: replyWithinNormal
        case .low: replyWithinLow
        }
    }
}
