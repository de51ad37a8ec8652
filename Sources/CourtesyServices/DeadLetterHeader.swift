/// The headers a dead letter carries: why the message was refused, and where it came from.
///
/// The dead letter's value is the original message's bytes, unchanged, and its key the original key, unless
/// together they would not fit in one message (see docs/responder.md): the value is then the original's
/// first 4 KiB, and the ``truncated``, ``originalSize`` and ``originalSHA256`` headers say so.
package enum DeadLetterHeader {
    /// The machine-readable reason, e.g. `malformed-json`, `missing-field`, `oversized`.
    package static let reason = "courtesy.error.reason"
    /// A one-line explanation for a person.
    package static let message = "courtesy.error.message"
    /// The field at fault, when known (a dotted path such as `author.id`).
    package static let field = "courtesy.error.field"
    /// The topic, partition and offset the original message was read from.
    package static let sourceTopic = "courtesy.source.topic"
    package static let sourcePartition = "courtesy.source.partition"
    package static let sourceOffset = "courtesy.source.offset"
    /// The service that refused it.
    package static let service = "courtesy.service"
    /// For a reply the publisher's receiver refused: the HTTP status of its answer.
    package static let httpStatus = "courtesy.http.status"
    /// `true` when the value (and perhaps the key) is a prefix of the original, which did not fit.
    package static let truncated = "courtesy.original.truncated"
    /// The original value's size in bytes, and its SHA-256 in lower-case hex, when ``truncated``.
    package static let originalSize = "courtesy.original.size"
    package static let originalSHA256 = "courtesy.original.sha256"
    /// The original key's size and SHA-256, when the key too was longer than the prefix kept.
    package static let originalKeySize = "courtesy.original.key.size"
    package static let originalKeySHA256 = "courtesy.original.key.sha256"
}
