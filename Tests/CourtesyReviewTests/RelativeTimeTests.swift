import CourtesyCore
import CourtesyReview
import Testing

@Suite("Relative times", .timeLimit(.minutes(1)))
struct RelativeTimeTests {
    @Test(
        "deadlines read as 'in …' or '… overdue'",
        arguments: [
            (720, "in 12m"), (-180, "3m overdue"), (0, "due now"), (45, "in 45s"), (-59, "59s overdue"),
            (3_900, "in 1h 05m"), (-7_200, "2h 00m overdue"), (183_600, "in 2d 03h"), (60, "in 1m"),
        ])
    func until(_ seconds: Int, _ expected: String) {
        #expect(RelativeTime.until(fixedNow.adding(seconds: seconds), now: fixedNow) == expected)
    }

    @Test("past moments read as '… ago'")
    func since() {
        #expect(RelativeTime.since(fixedNow.adding(seconds: -300), now: fixedNow) == "5m ago")
        #expect(RelativeTime.since(fixedNow, now: fixedNow) == "just now")
        #expect(RelativeTime.since(fixedNow.adding(seconds: 90), now: fixedNow) == "in 1m")
    }

    @Test("RFC 3339 text is parsed; text that is not a time is shown as it is")
    func fromText() {
        #expect(RelativeTime.until(rfc3339: "2026-11-23T18:12:30Z", now: fixedNow) == "in 12m")
        #expect(RelativeTime.until(rfc3339: "2026-11-23T18:57:00.000+01:00", now: fixedNow) == "3m overdue")
        #expect(RelativeTime.until(rfc3339: "soon", now: fixedNow) == "soon")
    }
}
