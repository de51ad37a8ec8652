/// What makes a mention serious, beyond its tone: each is answered with an apology and a named next
/// step (the `serious` templates), a priority of at least high with the reason named, and most are
/// flagged for a person to read before anything is sent.
package struct Concerns: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A lawyer, a lawsuit, a court or small claims.
    package static let legal = Concerns(rawValue: 1 << 0)
    /// A regulator, an ombudsman or a consumer-protection body.
    package static let regulator = Concerns(rawValue: 1 << 1)
    /// The press, reviews or followers: going public.
    package static let publicEscalation = Concerns(rawValue: 1 << 2)
    /// A danger to safety or health: fire, injury, a medical need.
    package static let safety = Concerns(rawValue: 1 << 3)
    /// A customer who may need extra care: disability, illness, bereavement, a baby, hardship.
    package static let vulnerable = Concerns(rawValue: 1 << 4)

    /// Each concern, the lexicon role that shows it, the reason a draft gives for it, and whether a person
    /// must read the mention first; most pressing first.
    static let kinds: [(concern: Concerns, role: LexiconEntry.Roles, reason: String, needsReview: Bool)] = [
        (.safety, .safety, "reports a danger to safety or health", true),
        (.legal, .threatLegal, "threatens legal action", true),
        (.regulator, .threatRegulator, "takes it to a regulator", true),
        (.vulnerable, .vulnerable, "may be a vulnerable customer", true),
        (.publicEscalation, .threatPublic, "threatens to go public", false),
    ]

    /// The concerns among a mention's threat roles.
    init(threats: LexiconEntry.Roles) {
        self = []
        for kind in Self.kinds where threats.contains(kind.role) { insert(kind.concern) }
    }

    /// Why a person must read the mention before a reply is sent, the most pressing concern's reason; nil
    /// when none of the concerns needs it.
    var reviewReason: String? {
        Self.kinds.first { $0.needsReview && contains($0.concern) }?.reason
    }
}
