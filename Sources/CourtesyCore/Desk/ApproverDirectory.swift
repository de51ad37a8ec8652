/// The people who may use the desk, found by their personal bearer token.
///
/// Built from configuration that holds the SHA-256 of each token, never the token (see
/// ``ApproverToken/sha256Hex(of:)`` and docs/desk.md for the format).
package struct ApproverDirectory: Sendable {
    private let credentials: [ApproverCredential]

    /// Creates a directory from approvers and the hex SHA-256 of their tokens.
    /// - Throws: ``ApproverDirectoryError`` for an empty list, an empty, duplicate or unprintable name, a hash
    ///   that is not 64 hex digits (or is the hash of the empty token), or a token shared by two people.
    package init(_ entries: [(approver: Approver, tokenSHA256: String)]) throws(ApproverDirectoryError) {
        guard !entries.isEmpty else { throw ApproverDirectoryError.noApprovers }
        var credentials: [ApproverCredential] = []
        var names: Set<String> = []
        for (index, entry) in entries.enumerated() {
            let name = entry.approver.name
            guard name.contains(where: { !$0.isWhitespace }) else {
                throw ApproverDirectoryError.invalidValue(
                    path: "approvers[\(index)].name", problem: "must not be empty")
            }
            // The name goes into every decision and log line: no line breaks, controls or bidi tricks.
            guard !name.unicodeScalars.contains(where: Self.isHidden) else {
                throw ApproverDirectoryError.invalidValue(
                    path: "approvers[\(index)].name", problem: "must not contain control or invisible format characters"
                )
            }
            guard names.insert(name).inserted else { throw ApproverDirectoryError.duplicateName(name) }
            guard let digest = ApproverToken.digest(hex: entry.tokenSHA256) else {
                throw ApproverDirectoryError.invalidValue(
                    path: "approvers[\(index)].tokenSHA256",
                    problem: "must be 64 hex digits, the SHA-256 of the token (courtesy desk hash-token)")
            }
            guard digest != ApproverToken.emptyTokenDigest else {
                throw ApproverDirectoryError.invalidValue(
                    path: "approvers[\(index)].tokenSHA256", problem: "is the hash of an empty token")
            }
            if let other = credentials.first(where: { $0.digest == digest }) {
                throw ApproverDirectoryError.sharedToken(first: other.approver.name, second: name)
            }
            credentials.append(ApproverCredential(approver: entry.approver, digest: digest))
        }
        self.credentials = credentials
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// Everyone in the directory, in configuration order.
    package var approvers: [Approver] {
        credentials.map(\.approver)
    }

    /// The approver whose token this is, or `nil`.
    ///
    /// The token is hashed and the digest compared with every stored digest, in full, in constant
    /// time: the time taken does not depend on which stored digest matches, how many bytes match,
    /// or whether any does.
    package func authenticate(token: String) -> Approver? {
        guard !token.isEmpty else { return nil }
        let presented = ApproverToken.digest(of: token)
        var found = 0
        var matched: UInt8 = 0
        for (index, credential) in credentials.enumerated() {
            let difference = ApproverToken.difference(presented, credential.digest)
            // 1 when the digests are equal, else 0, without a branch on the data.
            let equal = UInt8(truncatingIfNeeded: ((UInt16(difference) &- 1) >> 8) & 1)
            let mask = 0 &- Int(equal)
            found = (found & ~mask) | (index & mask)
            matched |= equal
        }
        return matched == 1 ? credentials[found].approver : nil
    }
}
