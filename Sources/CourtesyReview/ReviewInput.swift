/// Where the review loop reads a person's answers.
package protocol ReviewInput: Sendable {
    /// Shows `prompt` and returns the next line without its newline, or nil at the end of the input.
    func readLine(prompt: String) async -> String?
}
