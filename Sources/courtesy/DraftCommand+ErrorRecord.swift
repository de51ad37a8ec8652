import CourtesyCore

extension DraftCommand {
    /// Appends the error record that stands in for a line that could not be drafted:
    /// `{"error":{"line":N,"reason":"...","message":"...","field":"...","offset":N}}`, where
    /// `field` and `offset` (a byte offset within the line) appear only when known.
    static func appendErrorRecord(line: Int, error: ResponderError, to bytes: inout [UInt8]) {
        JSONWriter.appending(to: &bytes) { writer in
            writer.beginObject()
            writer.key("error")
            writer.beginObject()
            writer.key("line")
            writer.int(line)
            writer.key("reason")
            writer.string(error.reason.rawValue)
            writer.key("message")
            writer.string(error.message)
            writer.optionalString("field", error.field)
            if let offset = error.offset {
                writer.key("offset")
                writer.int(offset)
            }
            writer.endObject()
            writer.endObject()
        }
    }
}
