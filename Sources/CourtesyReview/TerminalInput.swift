import CourtesyLocking
import Foundation

/// Answers typed on standard input; the prompt goes to standard output, or to standard error when
/// standard output carries JSON.
package struct TerminalInput: ReviewInput {
    /// Whether prompts go to standard error.
    package var promptsToStandardError: Bool

    package init(promptsToStandardError: Bool = false) {
        self.promptsToStandardError = promptsToStandardError
    }

    package func readLine(prompt: String) async -> String? {
        let handle = promptsToStandardError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(prompt.utf8))
        // Waiting for a person blocks: a thread of its own keeps that off the cooperative pool.
        return await BlockingWork.run("terminal-input") { Swift.readLine(strippingNewline: true) }
    }
}
