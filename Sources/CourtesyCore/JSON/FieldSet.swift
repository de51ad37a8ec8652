/// The known fields already read from one object, to reject duplicates.
struct FieldSet {
    private var bits: UInt64 = 0

    /// Records field number `index`; throws if it was already recorded.
    mutating func insert(_ index: Int, _ field: String, at offset: Int) throws(EventDecodingError) {
        let bit: UInt64 = 1 << UInt64(index)
        guard bits & bit == 0 else { throw EventDecodingError(.duplicateField, field: field, offset: offset) }
        bits |= bit
    }
}
