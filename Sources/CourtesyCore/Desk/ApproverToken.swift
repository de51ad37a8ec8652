import Crypto

/// Personal bearer tokens: how they are made, hashed for the configuration, and compared.
///
/// The desk's configuration holds only the SHA-256 of each token, in hex. Tokens themselves are
/// never stored, logged, or put in an error or a description.
package enum ApproverToken {
    /// The SHA-256 of `token`'s UTF-8 bytes in lowercase hex: what the configuration stores
    /// (what `courtesy desk hash-token` prints). The bytes are hashed exactly as given; strip a
    /// trailing newline before calling when the token was read from a file or a terminal.
    package static func sha256Hex(of token: String) -> String {
        hex(digest(of: token))
    }

    /// The fewest characters a token may have: as many as ``generate()`` writes (256 bits as 64 hex
    /// digits). A shorter one could be guessed sooner than the desk's rate limits protect against.
    package static let minimumLength = 64

    /// Whether `token` is long enough to go in the approvers file (``minimumLength``).
    package static func isLongEnough(_ token: String) -> Bool {
        token.unicodeScalars.count >= minimumLength
    }

    /// A new token: 256 bits from the system's secure random generator, as 64 hex digits.
    package static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Whether two byte strings are equal, in a time that depends only on their lengths: every byte
    /// is compared, with no exit at the first difference. Strings of different lengths are unequal,
    /// after the same walk over the longer one.
    package static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        difference(lhs, rhs) == 0
    }

    /// Zero when the byte strings are equal, non-zero otherwise, computed without data-dependent branches.
    ///
    /// Generic so that a test can hand it collections that record every byte read, and check by
    /// structure, not by timing, that every byte of both is read whatever their contents.
    static func difference<Left: RandomAccessCollection<UInt8>, Right: RandomAccessCollection<UInt8>>(
        _ lhs: Left, _ rhs: Right
    ) -> UInt8 where Left.Index == Int, Right.Index == Int {
        var difference: UInt8 = lhs.count == rhs.count ? 0 : 1
        let length = max(lhs.count, rhs.count)
        for offset in 0..<length {
            // The bounds checks depend on the lengths only, which are public (a digest is 32 bytes).
            let leftByte = offset < lhs.count ? lhs[lhs.startIndex + offset] : 0
            let rightByte = offset < rhs.count ? rhs[rhs.startIndex + offset] : 0
            difference |= leftByte ^ rightByte
        }
        return difference
    }

    /// The 32-byte SHA-256 digest of `token`'s UTF-8 bytes.
    static func digest(of token: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// The SHA-256 of the empty string, which no configuration may hold.
    static let emptyTokenDigest = digest(of: "")

    /// The 32 bytes written as 64 hex digits (either case), or `nil`.
    static func digest(hex text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for pair in stride(from: 0, to: 64, by: 2) {
            guard let high = nibble(utf8[pair]), let low = nibble(utf8[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let alphabet = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(alphabet[Int(byte >> 4)])
            output.append(alphabet[Int(byte & 0xF)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
