import CourtesyCore

/// Times as a person reading a queue thinks of them: "in 12m", "3m overdue", "5m ago".
package enum RelativeTime {
    /// A deadline seen from `now`: `in 12m`, `due now`, `3m overdue`.
    package static func until(_ deadline: Timestamp, now: Timestamp) -> String {
        let seconds = Int((deadline.millisecondsSinceEpoch - now.millisecondsSinceEpoch) / 1000)
        if seconds == 0 { return "due now" }
        return seconds > 0 ? "in \(span(seconds))" : "\(span(-seconds)) overdue"
    }

    /// A past moment seen from `now`: `5m ago`, `just now`; a future one as `in 5m`.
    package static func since(_ moment: Timestamp, now: Timestamp) -> String {
        let seconds = Int((now.millisecondsSinceEpoch - moment.millisecondsSinceEpoch) / 1000)
        if seconds == 0 { return "just now" }
        return seconds > 0 ? "\(span(seconds)) ago" : "in \(span(-seconds))"
    }

    /// A positive number of seconds in the two largest units that matter: `45s`, `12m`, `1h 05m`,
    /// `2d 03h`.
    package static func span(_ seconds: Int) -> String {
        let minutes = seconds / 60
        let hours = minutes / 60
        let days = hours / 24
        if seconds < 60 { return "\(seconds)s" }
        if minutes < 60 { return "\(minutes)m" }
        if hours < 24 { return "\(hours)h \(twoDigits(minutes % 60))m" }
        return "\(days)d \(twoDigits(hours % 24))h"
    }

    /// `text` (RFC 3339) as a deadline from `now`, or as it is when it does not parse.
    package static func until(rfc3339 text: String, now: Timestamp) -> String {
        Timestamp(rfc3339: text).map { until($0, now: now) } ?? TerminalText.oneLine(text)
    }

    /// `text` (RFC 3339) as a past moment from `now`, or as it is when it does not parse.
    package static func since(rfc3339 text: String, now: Timestamp) -> String {
        Timestamp(rfc3339: text).map { since($0, now: now) } ?? TerminalText.oneLine(text)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
