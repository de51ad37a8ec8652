/// What makes a mention serious, beyond its tone: each is answered with an apology and a named next
/// step (the `serious` templates), a priority of at least high with the reason named, and most are
/// flagged for a person to read before anything is sent.
public struct Concerns: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A lawyer, a lawsuit, a court or small claims.
    public static let legal = Concerns(rawValue: 1 << 0)
    /// A regulator, an ombudsman or a consumer-protection body.
    public static let regulator = Concerns(rawValue: 1 << 1)
    /// The press, reviews or followers: going public.
    public static let publicEscalation = Concerns(rawValue: 1 << 2)
    /// A danger to safety or health: fire, injury, a medical need.
    public static let safety = Concerns(rawValue: 1 << 3)
    /// A customer who may need extra care: disability, illness, bereavement, a baby, hardship.
    public static let vulnerable = Concerns(rawValue: 1 << 4)

    /// The concerns a person must read before a reply is sent, and why, most pressing first.
    var reviewReason: String? {
        if contains(.safety) { return "reports a danger to safety or health" }
        if contains(.legal) { return "threatens legal action" }
        if contains(.regulator) { return "takes it to a regulator" }
        if contains(.vulnerable) { return "may be a vulnerable customer" }
        return nil
    }
}
