/// What applying one event did to a ``DeskQueue``; for logs and metrics, never needed for correctness.
package enum DeskChange: Sendable, Hashable {
    /// A new draft is now pending.
    case queued
    /// A decision closed a pending draft.
    case decided
    /// A decision arrived before its draft; it is kept, and the draft will not be queued.
    case decidedBeforeDraft
    /// A draft arrived after its decision, so it was not queued.
    case draftAlreadyDecided
    /// The same draft or decision again: nothing changed.
    case duplicate
    /// A different, later decision on a draft already decided: ignored, the first wins.
    case laterDecisionIgnored(DecisionRecord)
    /// A decision on a draft whose first decision cannot be read back: ignored, the draft stays
    /// closed by the unreadable one.
    case unreadableDecisionStands(UnreadableDecision)
}
