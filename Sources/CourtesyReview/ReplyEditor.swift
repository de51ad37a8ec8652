/// Lets a person rewrite a reply: ``ExternalEditor`` opens `$EDITOR`; tests script one.
package protocol ReplyEditor: Sendable {
    /// The text after the person edited `text`, as they left it.
    func edit(_ text: String) async throws(ReviewError) -> String
}
