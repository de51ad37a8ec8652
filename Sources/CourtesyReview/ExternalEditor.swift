import CourtesyLocking
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens the person's editor on a temporary file holding the reply (an ``EditFile``) and reads the file
/// back when the editor exits.
package struct ExternalEditor: ReplyEditor {
    /// A shell command; the file's path is appended as its last argument, so `code --wait` works.
    package var command: String

    package init(command: String) {
        self.command = command
    }

    /// The editor `environment` names: `$EDITOR`, else `$VISUAL`, else `vi`.
    package static func command(environment: [String: String]) -> String {
        for name in ["EDITOR", "VISUAL"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    package func edit(_ text: String) async throws(ReviewError) -> String {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("courtesy-reply-\(UUID().uuidString).txt")
        // The reply may be unpublished customer correspondence: the file is its owner's alone.
        let contents = text.hasSuffix("\n") ? text : text + "\n"
        guard PrivateFile.writeNew(path: file.path, bytes: Array(contents.utf8)) else {
            throw ReviewError(
                .failure, "cannot write a temporary file for the editor in \(file.deletingLastPathComponent().path)")
        }
        defer { try? FileManager.default.removeItem(at: file) }

        let status = try await run(path: file.path)
        guard status == 0 else {
            throw ReviewError(.failure, "the editor (\(command)) exited with status \(status): nothing approved")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ReviewError(.failure, "the editor (\(command)) left no file behind: nothing approved")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the command through the shell on `path`, with the terminal, and returns its exit status.
    ///
    /// Foundation's `Process` starts children in a process group of their own, which the terminal does
    /// not treat as the foreground: a full-screen editor then cannot read the keyboard (vim exits
    /// with "Error reading input"). `posix_spawn` without `POSIX_SPAWN_SETPGROUP` keeps the editor in
    /// this process's group, with its standard input, output and error.
    private func run(path: String) async throws(ReviewError) -> Int32 {
        let arguments = ["/bin/sh", "-c", command + " \"$1\"", "editor", path]
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw ReviewError(.failure, "cannot start the editor \(command): \(String(cString: strerror(spawned)))")
        }
        let child = pid
        // waitpid blocks: a thread of its own keeps that off the cooperative pool.
        let status = await BlockingWork.run("editor-wait") { () -> Int32 in
            var status: Int32 = 0
            while waitpid(child, &status, 0) == -1 && errno == EINTR {}
            return status
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
