/// A name the reader matches member names (and values such as platforms) against: UTF-8 bytes that live
/// as long as the program.
package protocol JSONName {
    var utf8Start: UnsafePointer<UInt8> { get }
    var utf8CodeUnitCount: Int { get }
}

extension StaticString: JSONName {}

/// A member name of a ``JSONFieldTable``, in the table's one allocation.
package struct JSONMemberName: JSONName, @unchecked Sendable {
    package let utf8Start: UnsafePointer<UInt8>
    package let utf8CodeUnitCount: Int
}

/// The members of one kind of JSON object, each named once: the cases of a `String` enumeration, whose raw
/// values are the member names, listed in the order events are written in (the reader compares the next one
/// first). A schema change is a case added or renamed there, and the `switch` that reads it.
///
/// Tables are made once (`static let`) and never freed.
package struct JSONFieldTable<Field: RawRepresentable & CaseIterable & Sendable>: Sendable
where Field.RawValue == String {
    let fields: [Field]
    let names: [JSONMemberName]
    /// Each field's path for errors: `author.handle` inside `author`.
    let paths: [String]
    let parent: String?

    /// - Parameter parent: the path of the object these members belong to, when it is nested.
    package init(within parent: String? = nil) {
        fields = Array(Field.allCases)
        self.parent = parent
        paths = fields.map { field in parent.map { "\($0).\(field.rawValue)" } ?? field.rawValue }
        let bytes = fields.flatMap { Array($0.rawValue.utf8) }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        storage.initialize(from: bytes, count: bytes.count)
        var start = 0
        names = fields.map { field in
            let count = field.rawValue.utf8.count
            defer { start += count }
            return JSONMemberName(utf8Start: UnsafePointer(storage + start), utf8CodeUnitCount: count)
        }
    }
}

/// The members already read from one object, to refuse one given twice.
struct FieldSet {
    private var bits: UInt64 = 0

    /// Records the member at `index` of its table; throws if it was already recorded.
    mutating func insert(_ index: Int, _ field: String, at offset: Int) throws(EventDecodingError) {
        let bit: UInt64 = 1 << UInt64(index)
        guard bits & bit == 0 else { throw EventDecodingError(.duplicateField, field: field, offset: offset) }
        bits |= bit
    }
}

extension JSONReader {
    /// Reads the next member name of the current object, or consumes the `}` and returns `nil`.
    ///
    /// A member the table names comes back as its field, refused when `seen` holds it already; another
    /// as `nil`, for the caller to skip. `key` is the member's path, for errors. `expected` is the position
    /// compared first, and becomes the one after this member.
    mutating func nextMember<Field>(
        first: inout Bool, in table: JSONFieldTable<Field>, seen: inout FieldSet, expected: inout Int
    ) throws(EventDecodingError) -> (field: Field?, key: String)? {
        guard let index = try nextKey(first: &first, among: table.names, expecting: expected, field: table.parent)
        else { return nil }
        expected = index + 1
        guard index >= 0 else { return (nil, table.parent.map { $0 + "." + lastKey } ?? lastKey) }
        let key = table.paths[index]
        try seen.insert(index, key, at: offset)
        return (table.fields[index], key)
    }
}
