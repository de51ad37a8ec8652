/// What an approver chose after editing a reply (``ReplyComposer/compose(_:startingFrom:)``).
package enum ComposedReply: Sendable, Hashable {
    /// Send this text; `nil` sends the draft as it is (the approver changed nothing).
    case send(String?)
    /// Send nothing; `edited` is the approver's last text, to offer again, if they wrote one.
    case cancelled(edited: String?)
    /// The input ended before the approver chose; `edited` as for ``cancelled(edited:)``.
    case endOfInput(edited: String?)
}
