import Testing

@testable import CourtesyCore

@Suite("JSON writer")
struct JSONWriterTests {
    private func written(_ value: String) -> String {
        var writer = JSONWriter()
        writer.string(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("quotes, backslashes and control characters are escaped")
    func escaping() {
        #expect(written("a\"b\\c") == #""a\"b\\c""#)
        #expect(written("line\nnext\r\t") == #""line\nnext\r\t""#)
        #expect(written("\u{0}\u{1F}\u{8}\u{C}") == #""\u0000\u001f\b\f""#)
    }

    @Test("U+2028 and U+2029 are escaped, other text is left alone")
    func lineSeparators() {
        #expect(written("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        #expect(written("café 😀 — ok") == "\"café 😀 — ok\"")
    }

    @Test("everything written reads back")
    func roundTrip() throws {
        let samples = ["", "plain", "quote\" slash\\ nul\u{0} sep\u{2028}", "emoji 👩‍👩‍👧 and \u{7F}"]
        for sample in samples {
            let bytes = Array(written(sample).utf8)
            let back = try JSONReader.read(bytes) { (reader) throws(EventDecodingError) -> String in
                try reader.readString()
            }
            #expect(back == sample)
        }
    }

    @Test("objects, arrays, numbers and separators")
    func structure() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.int(-42)
        writer.key("b")
        writer.beginArray()
        writer.int(0)
        writer.bool(true)
        writer.null()
        writer.beginObject()
        writer.endObject()
        writer.endArray()
        writer.key("c")
        writer.decimal(0.125, fractionDigits: 2)
        writer.key("d")
        writer.int(Int.min)
        writer.endObject()
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == #"{"a":-42,"b":[0,true,null,{}],"c":0.13,"d":-9223372036854775808}"#)
    }
}
