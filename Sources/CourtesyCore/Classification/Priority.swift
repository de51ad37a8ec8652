/// How urgently a mention needs an answer, and why.
package struct Priority: Sendable, Hashable {
    /// The level the queue sorts by.
    package var level: PriorityLevel
    /// The score the level came from (0 upwards; higher is more urgent).
    package var score: Int
    /// Human-readable reasons, most important first, e.g. `threatens legal action`.
    package var reasons: [String]

    /// Creates a priority.
    package init(level: PriorityLevel, score: Int, reasons: [String]) {
        self.level = level
        self.score = score
        self.reasons = reasons
    }
}
