/// Why an event could not be decoded, and where.
///
/// The description is meant for a dead-letter header or an error record: it names the field
/// (as a dotted path such as `author.followers`) and, when known, the byte offset in the input.
package struct EventDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Sendable, Hashable {
        /// The input is not well-formed JSON; the message says what was expected.
        case syntax(String)
        /// The input ended in the middle of a value.
        case unexpectedEnd
        /// A string holds bytes that are not UTF-8, or an escape that does not make a valid scalar.
        case invalidUTF8
        /// Objects and arrays are nested deeper than the limit.
        case tooDeep(limit: Int)
        /// The whole event is larger than the limit, in bytes.
        case eventTooLarge(size: Int, limit: Int)
        /// A required field is absent.
        case missingField
        /// A field appears twice in one object.
        case duplicateField
        /// A field holds a value of the wrong JSON type.
        case typeMismatch(expected: String, found: String)
        /// A field has the right type but a value that is not allowed.
        case invalidValue(String)
        /// The `schema` field names a schema this decoder does not know.
        case unknownSchema(found: String, expected: String)
        /// A text field is longer than the limit, in UTF-8 bytes.
        case textTooLong(size: Int, limit: Int)
    }

    /// What went wrong.
    package var kind: Kind
    /// The dotted path of the field concerned, if any.
    package var field: String?
    /// The byte offset in the input where the problem was found, if known.
    package var offset: Int?

    /// Creates an error.
    package init(_ kind: Kind, field: String? = nil, offset: Int? = nil) {
        self.kind = kind
        self.field = field
        self.offset = offset
    }

    /// A one-line explanation, e.g. `field "author.followers": expected integer, found string at byte 57`.
    package var description: String {
        var message: String
        switch kind {
        case .syntax(let what): message = what
        case .unexpectedEnd: message = "unexpected end of input"
        case .invalidUTF8: message = "invalid UTF-8"
        case .tooDeep(let limit): message = "nesting deeper than \(limit) levels"
        case .eventTooLarge(let size, let limit): message = "event is \(size) bytes, over the limit of \(limit)"
        case .missingField: message = "missing field"
        case .duplicateField: message = "duplicate field"
        case .typeMismatch(let expected, let found): message = "expected \(expected), found \(found)"
        case .invalidValue(let why): message = why
        case .unknownSchema(let found, let expected):
            message = "unknown schema \"\(found)\" (expected \"\(expected)\")"
        case .textTooLong(let size, let limit): message = "\(size) bytes, over the limit of \(limit)"
        }
        if let offset {
            message += " at byte \(offset)"
        }
        guard let field else { return message }
        if case .missingField = kind {
            return "missing field \"\(field)\""
        }
        if case .duplicateField = kind {
            return "duplicate field \"\(field)\"" + (offset.map { " at byte \($0)" } ?? "")
        }
        return "field \"\(field)\": \(message)"
    }
}

extension EventDecodingError {
    /// The error for a recorded text that breaks a rule of ``ReplyTextPolicy``.
    init(_ problem: TextProblem, field: String, offset: Int?) {
        switch problem {
        case .tooManyBytes(let size, let limit):
            self.init(.textTooLong(size: size, limit: limit), field: field, offset: offset)
        default:
            self.init(.invalidValue(problem.description), field: field, offset: offset)
        }
    }
}

extension ReplyTextPolicy {
    /// ``check(reply:platform:)`` for a text read from an event, the error placed at its member.
    static func check(reply text: String, platform: Platform, at offset: Int) throws(EventDecodingError) {
        do throws(TextProblem) {
            try check(reply: text, platform: platform)
        } catch {
            throw EventDecodingError(error, field: "text", offset: offset)
        }
    }
}
