import Foundation

/// Where replies that were written but not sent are kept, so an approver's text is never lost: when
/// someone else decided the draft meanwhile, or the approver left before sending.
///
/// One file per reply, named after the draft id, readable only by its owner, in
/// `$XDG_STATE_HOME/courtesy/unsent`, else `~/.local/state/courtesy/unsent`.
package struct UnsentReplies: Sendable, Hashable {
    /// The directory the files go in; made, readable only by its owner, on the first save.
    package var directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// The directory `environment` and the home directory name, else one under the temporary directory.
    package static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String? = ProcessInfo.processInfo.environment["HOME"]
    ) -> UnsentReplies {
        let state: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = xdg
        } else if let home = homeDirectory, !home.isEmpty {
            state = home + "/.local/state"
        } else {
            state = FileManager.default.temporaryDirectory.path
        }
        return UnsentReplies(directory: state + "/courtesy/unsent")
    }

    /// Saves `text` in a new file named after `draftId` (`d_….txt`, then `d_…-2.txt`…) and returns its
    /// path.
    package func save(_ text: String, draftId: String) throws(ReviewError) -> String {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReviewError(.failure, "cannot make \(directory): \(error.localizedDescription)")
        }
        let name = Self.fileName(draftId)
        for attempt in 1...100 {
            let path = directory + "/" + name + (attempt == 1 ? "" : "-\(attempt)") + ".txt"
            if PrivateFile.writeNew(path: path, bytes: Array((text + "\n").utf8)) { return path }
            guard FileManager.default.fileExists(atPath: path) else { break }
        }
        throw ReviewError(.failure, "cannot write a file in \(directory)")
    }

    /// `draftId` as a file name: letters, digits, `_` and `-` kept, anything else (a `/`, a dot) as `_`.
    static func fileName(_ draftId: String) -> String {
        let safe = String(
            draftId.unicodeScalars.prefix(80).map { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_" || scalar == "-")
                    ? Character(scalar) : "_"
            })
        return safe.isEmpty ? "reply" : safe
    }
}
