import Testing

@testable import CourtesyCore

@Suite("Timestamps")
struct TimestampTests {
    @Test("RFC 3339 parses to UTC milliseconds")
    func parsing() throws {
        #expect(Timestamp(rfc3339: "1970-01-01T00:00:00Z")?.millisecondsSinceEpoch == 0)
        #expect(Timestamp(rfc3339: "2015-02-24T11:15:59Z")?.millisecondsSinceEpoch == 1_424_776_559_000)
        #expect(Timestamp(rfc3339: "2015-02-24T11:15:59.5-08:00")?.millisecondsSinceEpoch == 1_424_805_359_500)
        #expect(Timestamp(rfc3339: "2024-02-29T23:59:59.123456Z")?.rfc3339 == "2024-02-29T23:59:59.123Z")
        #expect(Timestamp(rfc3339: "1969-12-31T23:59:59.999Z")?.millisecondsSinceEpoch == -1)
    }

    @Test(
        "invalid date-times are rejected",
        arguments: [
            "", "2015-02-24", "2015-02-24T11:15:59", "2015-13-01T00:00:00Z", "2015-02-29T00:00:00Z",
            "2015-02-24T24:00:00Z", "2015-02-24T11:15:59.Z", "2015-02-24T11:15:59Zjunk", "yesterday",
        ])
    func invalid(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("formatting is stable and round-trips")
    func formatting() throws {
        let timestamp = try #require(Timestamp(rfc3339: "2031-07-04T05:06:07.089Z"))
        #expect(timestamp.rfc3339 == "2031-07-04T05:06:07.089Z")
        #expect(Timestamp(rfc3339: timestamp.rfc3339) == timestamp)
        #expect(timestamp.adding(seconds: 900).rfc3339 == "2031-07-04T05:21:07.089Z")
    }
}
