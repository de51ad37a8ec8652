import Crypto

/// The signature a receiver checks to know a post came from Courtesy: HMAC-SHA256 of the request body with
/// the shared secret, sent as `Courtesy-Signature: sha256=<lower-case hex>`.
///
/// The body is the reply event exactly as it was approved, so a post sent again carries the same body,
/// signature and `Idempotency-Key`.
package struct WebhookSignature: Sendable {
    /// The header that carries the signature.
    package static let header = "Courtesy-Signature"
    /// The header that carries the reply's id, the same on every attempt.
    package static let idempotencyHeader = "Idempotency-Key"

    private let secret: [UInt8]

    /// Signs with `secret`, which must not be empty.
    package init(secret: [UInt8]) throws(PublishConfigurationError) {
        guard !secret.isEmpty else { throw PublishConfigurationError("the webhook secret is empty") }
        self.secret = secret
    }

    /// The secret in a secret file's bytes: without the trailing newline editors and `echo` leave.
    package static func secret(fromFile bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        return bytes
    }

    /// The header value for `body`.
    package func value(for body: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret))
        return "sha256=" + Self.hex(Array(mac))
    }

    /// Whether `value` is the signature of `body`, compared in constant time.
    package func isValid(_ value: String, for body: [UInt8]) -> Bool {
        let expected = Array(self.value(for: body).utf8)
        let given = Array(value.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
