import CourtesyLocking
import CourtesyReview
import Foundation

/// A person's answers, given up front; nil once they run out, like the end of standard input.
final class ScriptedInput: ReviewInput {
    private let state: Locked<(lines: [String], prompts: [String])>

    init(_ lines: [String]) {
        state = Locked((lines, []))
    }

    func readLine(prompt: String) async -> String? {
        state.withLock { state in
            state.prompts.append(prompt)
            return state.lines.isEmpty ? nil : state.lines.removeFirst()
        }
    }

    /// The prompts shown, in order.
    var prompts: [String] { state.withLock { $0.prompts } }
    /// The answers not read.
    var unread: [String] { state.withLock { $0.lines } }
}

/// Everything the loop wrote.
final class RecordingOutput: ReviewOutput {
    private let state = Locked<(lines: [String], json: [Data])>(([], []))

    func line(_ text: String) {
        state.withLock { $0.lines.append(text) }
    }

    func json(_ data: Data) {
        state.withLock { $0.json.append(data) }
    }

    var lines: [String] { state.withLock { $0.lines } }
    var text: String { lines.joined(separator: "\n") }
    var documents: [Data] { state.withLock { $0.json } }
}

/// An editor that rewrites the text with `transform`, counting its uses.
final class ScriptedEditor: ReplyEditor {
    private let transform: @Sendable (String) -> String
    private let uses = Locked(0)

    init(_ transform: @escaping @Sendable (String) -> String) {
        self.transform = transform
    }

    func edit(_ text: String) async throws(ReviewError) -> String {
        uses.withLock { $0 += 1 }
        return transform(text)
    }

    var count: Int { uses.withLock { $0 } }
}
