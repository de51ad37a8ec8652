extension Classifier {
    /// Scores urgency from reach, threats, anger, waiting, repetition and intent.
    /// - Parameter concerns: the mention's serious concerns, which keep it at high or above.
    func prioritise(
        _ analysis: TextAnalysis, intent: Intent, concerns: Concerns, signals: TextSignals, author: Mention.Author?,
        engagement: Mention.Engagement?, recentMentions: Int
    ) -> Priority {
        let settings = configuration.priority
        let weights = self.weights
        // Reasons are kept in order as they are found, most points first (equal points in the order
        // found), so the result is the one array the caller keeps: no tuples to sort and map.
        var reasons = PriorityReasons()
        func add(_ points: Int, _ text: @autoclosure () -> String) {
            if points > 0 {
                reasons.insert(points, text())
            }
        }

        if let author {
            if let step = settings.reach.first(where: { author.followers >= $0.followers }), step.points > 0 {
                reasons.insert(step.points, "large audience (\(Self.abbreviate(author.followers)) followers)")
            }
            if author.verified {
                add(weights.verified, "verified account")
            }
        }
        if let engagement, engagement.shares >= settings.sharedWidelyAt {
            add(weights.sharedWidely, "widely shared (\(Self.abbreviate(engagement.shares)) shares)")
        }
        if !analysis.threats.isEmpty {
            // Read from the roles, not `concerns`: a threat in praise still counts, as it always has.
            for kind in Concerns.kinds where analysis.threats.contains(kind.role) {
                add(weights.points(for: kind.concern), kind.reason)
            }
            if analysis.threats.contains(.threatCancel) {
                add(weights.threatCancel, "threatens to cancel or leave")
            }
        }
        if analysis.profanity > 0 {
            add(weights.profanity, "profanity")
        }
        let letters = signals.upperLetters + signals.lowerLetters
        if signals.shoutedWords >= 2 || letters >= 12 && signals.upperLetters * 10 >= letters * 6 {
            add(weights.shouting, "shouting (capitals)")
        }
        if signals.repeatedPunctuation > 0 {
            add(weights.repeatedPunctuation, "repeated punctuation")
        }
        if analysis.waitedSeconds >= 86_400 {
            add(weights.waitedDays, "says they waited \(Self.describe(seconds: analysis.waitedSeconds))")
        } else if analysis.waitedSeconds >= 3600 {
            add(weights.waitedHours, "says they waited \(Self.describe(seconds: analysis.waitedSeconds))")
        } else if analysis.waitedSeconds >= 600 {
            add(weights.waitedMinutes, "says they waited \(Self.describe(seconds: analysis.waitedSeconds))")
        }
        if recentMentions > 0 {
            let points = min(weights.repeatMention * min(recentMentions, 1000), weights.repeatMentionMax)
            if points > 0 {
                let noun = recentMentions == 1 ? "mention" : "mentions"
                reasons.insert(points, "\(recentMentions) recent \(noun) in this conversation")
            }
        }
        switch intent {
        case .complaint:
            add(weights.complaint, "complaint")
            if analysis.sentiment <= settings.veryNegativeBelow {
                add(weights.veryNegative, "very negative")
            }
        case .question:
            add(weights.question, "question")
        case .compliment, .other:
            break
        }

        let score = reasons.score
        let level: PriorityLevel
        if score >= weights.urgentAt {
            level = .urgent
        } else if score >= weights.highAt || !concerns.isEmpty {
            // A serious situation is never normal or low, whatever the weights add up to.
            level = .high
        } else if score >= weights.normalAt {
            level = .normal
        } else {
            level = .low
        }
        return Priority(level: level, score: score, reasons: reasons.texts)
    }

    /// "950", "12k", "1.2M".
    static func abbreviate(_ count: Int) -> String {
        if count >= 1_000_000 {
            let tenths = count / 100_000
            return tenths % 10 == 0 ? "\(tenths / 10)M" : "\(tenths / 10).\(tenths % 10)M"
        }
        if count >= 10_000 {
            return "\(count / 1000)k"
        }
        return "\(count)"
    }

    /// "45 minutes", "3 hours", "2 days", "2 weeks".
    static func describe(seconds: Int) -> String {
        let units: [(Int, String)] = [(604_800, "week"), (86_400, "day"), (3600, "hour"), (60, "minute")]
        for (length, name) in units where seconds >= length && (seconds % length == 0 || length <= 3600) {
            let amount = seconds / length
            return "\(amount) \(name)\(amount == 1 ? "" : "s")"
        }
        return "\(seconds) seconds"
    }
}
