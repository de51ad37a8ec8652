extension DraftScorecard {
    /// Drafts each mention in order, as the responder does (remembering earlier contacts of each
    /// conversation, drafted at the mention's own time), and judges every draft; then ``finish()``.
    /// - Parameter mentions: each mention with what it is known to be, or `nil`.
    package mutating func draftAndScore(_ mentions: [(mention: Mention, expected: Intent?)], with responder: Responder)
    {
        if names == nil { names = responder.names }
        var memory = ConversationMemory()
        var output: [UInt8] = []
        for (position, item) in mentions.enumerated() {
            output.removeAll(keepingCapacity: true)
            let event = item.mention.jsonBytes()
            let result = event.withUnsafeBytes { buffer in
                Result { () throws(ResponderError) -> DraftedMention in
                    try responder.appendDraft(
                        json: buffer, to: &output, memory: (memory, 0, Int64(position)), at: item.mention.createdAt)
                }
            }
            let drafted: DraftedMention
            switch result {
            case .success(let value): drafted = value
            case .failure(let error):
                recordFailure(mention: item.mention, error: error)
                continue
            }
            if let contact = drafted.contact {
                memory.remember(contact, conversation: drafted.conversation, partition: 0)
            }
            do throws(EventDecodingError) {
                let draft = try Draft(json: output)
                score(
                    mention: item.mention, classification: drafted.classification, draft: draft,
                    expected: item.expected)
            } catch {
                // A draft the responder wrote and cannot read back is a fault of its own, not of the input.
                recordFailure(mention: item.mention, error: ResponderError(decoding: error))
            }
        }
        finish()
    }
}
