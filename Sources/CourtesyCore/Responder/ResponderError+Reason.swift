extension ResponderError {
    /// The machine-readable kind of a ``ResponderError``: stable, kebab-case, meant for dead-letter
    /// headers, error records and metric labels.
    package enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The event is not well-formed JSON (syntax error or truncated input).
        case malformedJSON = "malformed-json"
        /// A string holds bytes that are not UTF-8.
        case invalidUTF8 = "invalid-utf8"
        /// The event, or its text, is larger than the configured limits.
        case oversized
        /// Objects and arrays are nested deeper than the limit.
        case tooDeep = "too-deep"
        /// The `schema` field names a schema the responder does not read.
        case unknownSchema = "unknown-schema"
        /// A required field is absent.
        case missingField = "missing-field"
        /// A field appears twice in one object.
        case duplicateField = "duplicate-field"
        /// A field holds a value of the wrong JSON type.
        case wrongType = "wrong-type"
        /// A field has the right type but a value that is not allowed (an unknown platform, an empty id).
        case invalidValue = "invalid-value"
        /// The templates have no reply for the intent, platform and language (a configuration problem).
        case noTemplate = "no-template"
        /// Every variant of the reply is longer than the platform allows (a configuration problem).
        case replyTooLong = "reply-too-long"

        /// The reason for a decoding error.
        package init(_ kind: EventDecodingError.Kind) {
            switch kind {
            case .syntax, .unexpectedEnd: self = .malformedJSON
            case .invalidUTF8: self = .invalidUTF8
            case .tooDeep: self = .tooDeep
            case .eventTooLarge, .textTooLong: self = .oversized
            case .missingField: self = .missingField
            case .duplicateField: self = .duplicateField
            case .typeMismatch: self = .wrongType
            case .invalidValue: self = .invalidValue
            case .unknownSchema: self = .unknownSchema
            }
        }

        /// Whether the event itself is at fault: retrying it can never succeed, so it belongs in the
        /// dead-letter topic. `false` for configuration problems (templates) that a fix can cure.
        package var isBadInput: Bool {
            switch self {
            case .noTemplate, .replyTooLong: false
            default: true
            }
        }
    }
}
