import Foundation

/// Opens the person's editor on a temporary file holding the reply and reads it back when the editor
/// exits.
public struct ExternalEditor: ReplyEditor {
    /// A shell command; the file's path is appended as its last argument, so `code --wait` works.
    public var command: String

    public init(command: String) {
        self.command = command
    }

    /// The editor `environment` names: `$EDITOR`, else `$VISUAL`, else `vi`.
    public static func command(environment: [String: String]) -> String {
        for name in ["EDITOR", "VISUAL"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    public func edit(_ text: String) async throws(ReviewError) -> String {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("courtesy-reply-\(UUID().uuidString).txt")
        // The reply may be unpublished customer correspondence: only its owner may read the file.
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw ReviewError(
                .failure, "cannot write a temporary file for the editor in \(file.deletingLastPathComponent().path)")
        }
        defer { try? FileManager.default.removeItem(at: file) }

        let status: Int32
        do {
            status = try await run(path: file.path)
        } catch {
            throw ReviewError(.failure, "cannot start the editor \(command): \(error)")
        }
        guard status == 0 else {
            throw ReviewError(.failure, "the editor (\(command)) exited with status \(status): nothing approved")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ReviewError(.failure, "the editor (\(command)) left no file behind: nothing approved")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the command through the shell on `path`, with the terminal, and returns its exit status.
    private func run(path: String) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "editor", path]
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                continuation.resume(returning: process.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
