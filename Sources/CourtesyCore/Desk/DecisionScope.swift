/// Which drafts an approval answers.
package enum DecisionScope: Sendable, Hashable {
    /// The draft named, and every other draft of its conversation still pending: one reply answers
    /// the customer, and the others are recorded as `answered` by it.
    case conversation
    /// The draft named only.
    case draft
}
