/// How urgently a mention needs an answer, and why.
public struct Priority: Sendable, Hashable {
    /// The level the queue sorts by.
    public var level: PriorityLevel
    /// The score the level came from (0 upwards; higher is more urgent).
    public var score: Int
    /// Human-readable reasons, most important first, e.g. `threatens legal action`.
    public var reasons: [String]

    /// Creates a priority.
    public init(level: PriorityLevel, score: Int, reasons: [String]) {
        self.level = level
        self.score = score
        self.reasons = reasons
    }
}
