import Foundation

/// A JSON document as a tree: how the files people write (rosters, template tables, the review
/// configuration) are read, and how the lab's figures are written. Foundation's `JSONDecoder` and
/// `JSONEncoder` do the parsing and printing; the reader of each file walks the tree strictly, naming the
/// member at fault. Events on the hot path use ``JSONReader`` and ``JSONWriter`` instead, and fixed shapes
/// (the classifier's configuration, librdkafka's statistics) plain `Codable` types.
package enum JSONTree: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// Parses a whole document.
    /// - Throws: `DecodingError` when `data` is not JSON.
    package init(parsing data: Data) throws {
        self = try JSONDecoder().decode(JSONTree.self, from: data)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        // Not finite has no JSON: null, so that one odd ratio never makes a whole line invalid.
        case .number(let value): value.isFinite ? try container.encode(value) : try container.encodeNil()
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The tree as one line of JSON with sorted keys, so that two runs diff cleanly.
    package var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The members, when this is an object.
    package var object: [String: JSONTree]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The elements, when this is an array.
    package var array: [JSONTree]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The text, when this is a string (never a number or a boolean written as one).
    package var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    package var isNull: Bool { self == .null }

    /// The elements, when this is an array of strings only.
    package var strings: [String]? {
        array.flatMap { elements in
            let texts = elements.compactMap(\.string)
            return texts.count == elements.count ? texts : nil
        }
    }

    /// The members, when this is an object whose every value is a string.
    package var stringMembers: [String: String]? {
        object.flatMap { members in
            let texts = members.compactMapValues(\.string)
            return texts.count == members.count ? texts : nil
        }
    }
}

extension JSONTree: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int64) { self = .integer(value) }
    package init(floatLiteral value: Double) { self = .number(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONTree...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONTree)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONTree {
    /// A whole number as an integer, anything else as a number: how figures print.
    package static func figure(_ value: Double) -> JSONTree {
        value.isFinite && value.rounded() == value && abs(value) < 1e15 ? .integer(Int64(value)) : .number(value)
    }

    package static func figure(_ value: Int) -> JSONTree { .integer(Int64(value)) }
}

extension JSONTree {
    /// What went wrong decoding JSON, with the path of the member at fault: for error messages.
    package static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(
                separator: ".")
            return joined.isEmpty ? "top level" : joined
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \"\(key.stringValue)\" in \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
