/// An event read strictly from UTF-8 JSON: the size limit is checked first, then the object, then that
/// nothing but whitespace follows it.
package protocol StrictJSONDecodable {
    /// Reads the event's object at the reader's position.
    init(reader: inout JSONReader, limits: EventLimits) throws(EventDecodingError)
}

extension StrictJSONDecodable {
    /// Decodes an event from UTF-8 JSON.
    package init(json bytes: [UInt8], limits: EventLimits = .standard) throws(EventDecodingError) {
        self = try JSONReader.withBuffer(bytes) { (buffer) throws(EventDecodingError) -> Self in
            try Self(json: buffer, limits: limits)
        }
    }

    /// Decodes an event from UTF-8 JSON held in `buffer`.
    package init(json buffer: UnsafeRawBufferPointer, limits: EventLimits = .standard) throws(EventDecodingError) {
        guard buffer.count <= limits.maxEventBytes else {
            throw EventDecodingError(.eventTooLarge(size: buffer.count, limit: limits.maxEventBytes))
        }
        var reader = JSONReader(bytes: buffer, maxDepth: limits.maxDepth)
        try self.init(reader: &reader, limits: limits)
        try reader.expectEnd()
    }
}
