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

/// An editor that rewrites the file with `transform`, keeping each file it was given.
final class ScriptedEditor: ReplyEditor {
    private let transform: @Sendable (String) -> String
    private let given = Locked<[String]>([])

    init(_ transform: @escaping @Sendable (String) -> String) {
        self.transform = transform
    }

    /// An editor that replaces the reply above the edit file's marker with each of `replies` in turn,
    /// leaving the rest of the file as it was; the last one again when they run out.
    convenience init(replies: [String]) {
        let next = Locked(replies)
        self.init { file in
            let reply = next.withLock { $0.count > 1 ? $0.removeFirst() : ($0.first ?? "") }
            guard let marker = file.range(of: EditFile.marker) else { return reply }
            return reply + "\n\n" + file[marker.lowerBound...]
        }
    }

    func edit(_ text: String) async throws(ReviewError) -> String {
        given.withLock { $0.append(text) }
        return transform(text)
    }

    var count: Int { given.withLock { $0.count } }
    /// The files the editor was opened on, in order.
    var files: [String] { given.withLock { $0 } }
}
