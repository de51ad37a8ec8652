/// What became of an approved reply at the platform: the `courtesy.publication/v1` event, which
/// `courtesy publish` writes to `courtesy.publications`, keyed by the reply's id, once the receiver has
/// answered for good.
///
/// A reply posted twice (a publisher that crashed after posting and before recording) has two
/// publications with one reply id; the receiver saw the same idempotency key both times.
package struct Publication: Sendable, Hashable {
    /// The schema identifier this type reads and writes.
    package static let schema = "courtesy.publication/v1"

    /// How posting ended.
    package enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The receiver accepted the reply (a 2xx answer).
        case posted
        /// The receiver refused it for good (a 4xx answer other than 408 and 429); the reply went to the
        /// replies' dead-letter topic.
        case failed
    }

    /// The reply's id (its draft's id): the idempotency key the receiver was given.
    package var replyId: String
    /// Where the reply went.
    package var platform: Platform
    /// The conversation key, `platform:authorId`.
    package var conversation: String
    /// The brand replying, when the reply named it.
    package var brand: String?
    /// How posting ended.
    package var outcome: Outcome
    /// The receiver's HTTP status.
    package var status: Int
    /// The id the receiver gave the post, when its answer named one (`id` or `postId` in a JSON body).
    package var postId: String?
    /// Why posting failed, for `failed`.
    package var reason: String?
    /// How many requests it took, this one included.
    package var attempts: Int
    /// When the reply was approved.
    package var approvedAt: Timestamp
    /// When the outcome was recorded.
    package var at: Timestamp

    /// Creates a publication from its fields.
    package init(
        replyId: String, platform: Platform, conversation: String, brand: String?, outcome: Outcome, status: Int,
        postId: String?, reason: String?, attempts: Int, approvedAt: Timestamp, at: Timestamp
    ) {
        self.replyId = replyId
        self.platform = platform
        self.conversation = conversation
        self.brand = brand
        self.outcome = outcome
        self.status = status
        self.postId = postId
        self.reason = reason
        self.attempts = attempts
        self.approvedAt = approvedAt
        self.at = at
    }
}

extension Publication: StrictJSONDecodable {
    /// Reads a publication object at the reader's position; `brand`, `postId` and `reason` may be absent,
    /// unknown fields are skipped.
    package init(reader: inout JSONReader, limits: EventLimits = .standard) throws(EventDecodingError) {
        var schema: String?
        var replyId: String?
        var platform: Platform?
        var conversation: String?
        var brand: String?
        var outcome: Outcome?
        var status: Int?
        var postId: String?
        var reason: String?
        var attempts: Int?
        var approvedAt: Timestamp?
        var at: Timestamp?
        var seen = FieldSet()

        try reader.beginEventObject()
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            switch field {
            case .schema?:
                try reader.readSchema("courtesy.publication/v1", field: key)
                schema = Publication.schema
            case .replyId?: replyId = try reader.readNonEmptyString(field: key)
            case .platform?: platform = try reader.readPlatform(field: key)
            case .conversation?: conversation = try reader.readNonEmptyString(field: key)
            case .brand?: brand = try reader.readOptionalString(field: key)
            case .outcome?: outcome = try reader.readEnum(Outcome.self, field: key)
            case .status?: status = try reader.readCount(field: key)
            case .postId?: postId = try reader.readOptionalString(field: key)
            case .reason?: reason = try reader.readOptionalString(field: key)
            case .attempts?: attempts = try reader.readCount(field: key)
            case .approvedAt?: approvedAt = try reader.readTimestamp(field: key)
            case .at?: at = try reader.readTimestamp(field: key)
            case nil: try reader.skipValue(field: key)
            }
        }
        func missing(_ field: String) -> EventDecodingError { EventDecodingError(.missingField, field: field) }
        guard schema != nil else { throw missing("schema") }
        guard let replyId else { throw missing("replyId") }
        guard let platform else { throw missing("platform") }
        guard let conversation else { throw missing("conversation") }
        guard let outcome else { throw missing("outcome") }
        guard let status else { throw missing("status") }
        guard let attempts else { throw missing("attempts") }
        guard let approvedAt else { throw missing("approvedAt") }
        guard let at else { throw missing("at") }
        self.init(
            replyId: replyId, platform: platform, conversation: conversation, brand: brand, outcome: outcome,
            status: status, postId: postId, reason: reason, attempts: attempts, approvedAt: approvedAt, at: at)
    }

    /// The members of a publication event, in the order events are written in.
    enum Field: String, CaseIterable {
        case schema, replyId, platform, conversation, brand, outcome, status, postId, reason, attempts, approvedAt, at
    }

    private static let fields = JSONFieldTable<Field>()

    /// The event as compact JSON, members in a fixed order.
    package func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 384 + (reason?.utf8.count ?? 0))
        writer.beginObject()
        writer.key("schema")
        writer.string(Publication.schema)
        writer.key("replyId")
        writer.string(replyId)
        writer.key("platform")
        writer.string(platform.rawValue)
        writer.key("conversation")
        writer.string(conversation)
        writer.optionalString("brand", brand)
        writer.key("outcome")
        writer.string(outcome.rawValue)
        writer.key("status")
        writer.int(status)
        writer.optionalString("postId", postId)
        writer.optionalString("reason", reason)
        writer.key("attempts")
        writer.int(attempts)
        writer.key("approvedAt")
        writer.timestamp(approvedAt)
        writer.key("at")
        writer.timestamp(at)
        writer.endObject()
        return writer.bytes
    }
}
