/// An approver and the SHA-256 digest of their token, as the directory holds them.
struct ApproverCredential: Sendable, CustomStringConvertible {
    /// Who the token belongs to.
    var approver: Approver
    /// The 32-byte SHA-256 digest of their token.
    var digest: [UInt8]

    /// The approver only: the digest is left out of every description.
    var description: String { approver.description }
}
