/// The headers a dead letter carries: why the message was refused, and where it came from.
///
/// The dead letter's value is the original message's bytes, unchanged; its key is the original key.
public enum DeadLetterHeader {
    /// The machine-readable reason, e.g. `malformed-json`, `missing-field`, `oversized`.
    public static let reason = "courtesy.error.reason"
    /// A one-line explanation for a person.
    public static let message = "courtesy.error.message"
    /// The field at fault, when known (a dotted path such as `author.id`).
    public static let field = "courtesy.error.field"
    /// The topic, partition and offset the original message was read from.
    public static let sourceTopic = "courtesy.source.topic"
    public static let sourcePartition = "courtesy.source.partition"
    public static let sourceOffset = "courtesy.source.offset"
    /// The service that refused it.
    public static let service = "courtesy.service"
}
