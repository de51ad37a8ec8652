/// Lets a person rewrite a reply: ``ExternalEditor`` opens `$EDITOR`; tests script one.
package protocol ReplyEditor: Sendable {
    /// The text after the person edited `text`, as they left it.
    func edit(_ text: String) async throws(ReviewError) -> String
}

extension ReplyEditor {
    /// The reply to approve after editing `original`, without surrounding white space.
    ///
    /// An empty or unchanged result throws ``ReviewExitCode/invalidInput``: nothing is sent.
    package func editReply(_ original: String) async throws(ReviewError) -> String {
        try Self.approvableText(original: original, edited: try await edit(original))
    }

    /// `edited` without surrounding white space, or an error when it is empty or says what
    /// `original` said.
    package static func approvableText(original: String, edited: String) throws(ReviewError) -> String {
        let text = edited.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            throw ReviewError(.invalidInput, "the edited reply is empty: nothing approved")
        }
        if text == original.trimmingCharacters(in: .whitespacesAndNewlines) {
            throw ReviewError(
                .invalidInput,
                "the reply was not changed: nothing approved (approve without --edit to send the draft as it is)")
        }
        return text
    }
}
