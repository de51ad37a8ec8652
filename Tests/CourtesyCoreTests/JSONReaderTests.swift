import Testing

@testable import CourtesyCore

@Suite("JSON reader")
struct JSONReaderTests {
    private func skip(_ text: String, maxDepth: Int = 32) throws(EventDecodingError) {
        try JSONReader.read(Array(text.utf8), maxDepth: maxDepth) { (reader) throws(EventDecodingError) in
            try reader.skipValue()
            try reader.expectEnd()
        }
    }

    private func string(_ bytes: [UInt8]) throws(EventDecodingError) -> String {
        try JSONReader.read(bytes) { (reader) throws(EventDecodingError) -> String in
            let value = try reader.readString()
            try reader.expectEnd()
            return value
        }
    }

    private func failure(_ body: () throws(EventDecodingError) -> Void) -> EventDecodingError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("well-formed documents are accepted")
    func accepts() throws {
        try skip(#"{"a":[1,-0,2.5e10,true,false,null,{"b":"c"}],"d":{}} "#)
        try skip("[]")
        try skip(" \"plain\" ")
    }

    @Test(
        "malformed documents are rejected",
        arguments: [
            "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{a:1}", "01", "1.", "-", "1e", "+1", "tru", "nul", "[1 2]",
            "{\"a\":1} x", "", "{\"a\":", "[", "\"open", ".5",
        ])
    func rejects(_ text: String) {
        #expect(failure { () throws(EventDecodingError) in try skip(text) } != nil)
    }

    @Test("deep nesting stops at the limit")
    func deepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = failure { () throws(EventDecodingError) in try skip(deep, maxDepth: 32) }
        #expect(error?.kind == .tooDeep(limit: 32))
        #expect(failure { () throws(EventDecodingError) in try skip("[[[1]]]", maxDepth: 3) } == nil)
    }

    @Test("truncated input reports the end")
    func truncated() {
        let error = failure { () throws(EventDecodingError) in try skip(#"{"text":"hel"#) }
        #expect(error?.kind == .unexpectedEnd)
        #expect(error?.offset == 12)
    }

    @Test("escapes decode, surrogate pairs included")
    func escapes() throws {
        let decoded = try string(Array(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#.utf8))
        #expect(decoded == "a\"b\\c/d\u{8}\u{c}\n\r\té😀")
    }

    @Test(
        "bad escapes and lone surrogates are rejected",
        arguments: [#""\q""#, #""\u12G4""#, #""\ud83d""#, #""\ude00x""#, #""\ud83d\u0041""#])
    func badEscapes(_ text: String) {
        let error = failure { () throws(EventDecodingError) in _ = try string(Array(text.utf8)) }
        #expect(error != nil)
        if case .syntax = error?.kind {
        } else if error?.kind == .unexpectedEnd {
        } else {
            Issue.record("unexpected error \(String(describing: error))")
        }
    }

    @Test("invalid UTF-8 is rejected with its offset")
    func invalidUTF8() {
        let cases: [[UInt8]] = [
            [0x22, 0x61, 0xFF, 0x22],  // not a lead byte
            [0x22, 0x61, 0xC0, 0xAF, 0x22],  // overlong
            [0x22, 0x61, 0xED, 0xA0, 0x80, 0x22],  // UTF-8 encoded surrogate
            [0x22, 0x61, 0xE2, 0x82, 0x22],  // truncated sequence
            [0x22, 0x61, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
        ]
        for bytes in cases {
            let error = failure { () throws(EventDecodingError) in _ = try string(bytes) }
            #expect(error?.kind == .invalidUTF8)
            #expect(error?.offset == 2)
        }
    }

    @Test("unescaped control characters are rejected")
    func controlCharacters() {
        let error = failure { () throws(EventDecodingError) in _ = try string([0x22, 0x61, 0x0A, 0x22]) }
        #expect(error?.description.contains("U+000A") == true)
    }

    @Test("huge numbers are well-formed but not integers")
    func hugeNumbers() throws {
        let huge = "1" + String(repeating: "0", count: 400)
        try skip(huge)
        try skip("1e999999999")
        let error = failure { () throws(EventDecodingError) in
            _ = try JSONReader.read(Array(huge.utf8)) { (reader) throws(EventDecodingError) -> Int in
                try reader.readInt()
            }
        }
        #expect(error?.kind == .invalidValue("integer out of range"))
        let extremes = try JSONReader.read(Array("[-9223372036854775808,9223372036854775807]".utf8)) {
            (reader) throws(EventDecodingError) -> [Int] in
            try reader.beginArray()
            var first = true
            var values: [Int] = []
            while try reader.nextElement(first: &first) {
                values.append(try reader.readInt())
            }
            return values
        }
        #expect(extremes == [Int.min, Int.max])
    }
}

@Suite("JSON reader: platform names")
struct JSONReaderPlatformTests {
    @Test("The byte table of platform names lists every platform under its raw value")
    func platformTable() {
        #expect(Set(JSONReader.platforms) == Set(Platform.allCases))
        #expect(JSONReader.platforms.count == Platform.allCases.count)
        for (platform, name) in zip(JSONReader.platforms, JSONReader.platformNames) {
            #expect(platform.rawValue == name.description)
        }
    }
}
