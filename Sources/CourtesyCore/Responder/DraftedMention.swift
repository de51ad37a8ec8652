/// What drafting one mention gave besides the draft's bytes: for the caller's metrics and memory.
package struct DraftedMention: Sendable {
    /// How the mention was classified.
    package let classification: Classification
    /// The stable hash of the conversation key, `platform:authorId` (``StableHash/hash(_:)``).
    package let conversation: UInt64
    /// The contact to remember, when the draft was made with a memory.
    package let contact: ConversationContact?
    /// The conversation key, `platform:authorId`, when the draft was made with a memory: the key of the
    /// conversation's changelog record.
    package let conversationKey: String?
    /// How many earlier contacts of the conversation the draft took into account (its `previousContacts`).
    package let previousContacts: Int
}
