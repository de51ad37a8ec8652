import Foundation

/// A language's words for what the customer told us: the noun that goes with each kind of identifier
/// ("order {value}"), the phrases that would ask for one (for `courtesy templates check`), and how to
/// say when the customer last wrote ("yesterday", "on Monday"). Read from the language's `facts.json`.
struct TemplateFactPhrases: Sendable, Hashable {
    /// How to refer to an identifier, by kind, with `{value}` where the identifier goes.
    let references: [Fact.Kind: String]
    /// Lowercase phrases that ask the customer for an identifier of each kind ("order number").
    let asks: [Fact.Kind: [String]]
    /// The earlier contact was the same day, the day before, within the week, or longer ago.
    let today: String
    let yesterday: String
    /// With `{weekday}`.
    let weekday: String
    /// With `{day}` and `{month}`.
    let date: String
    /// Monday first.
    let weekdays: [String]
    /// January first.
    let months: [String]
    /// What to ask for when an identifier is needed, by ``Industry/ordinal`` (nil for the default), and for
    /// a mention whose industry is not evident: the `askFor` value.
    let askFor: [String?]
    let askForByDefault: String
    /// Lowercase phrases that move a conversation to private messages ("direct message", "dm"), matched as
    /// whole words: never in a reply on a private channel, where the customer already is.
    let directMessage: [String]

    /// What to ask for in `industry`'s words, or the language's default.
    func askFor(industry: Industry?) -> String {
        industry.flatMap { askFor[$0.ordinal] } ?? askForByDefault
    }

    /// The reference to `value`, an identifier of `kind`, or `nil` when the language has no noun for it.
    func reference(kind: Fact.Kind, value: String) -> String? {
        references[kind].map { Self.fill($0, "{value}", with: value) }
    }

    /// When the customer last wrote (`earlier`), seen from the mention being answered (`now`), in UTC days.
    func previous(earlier: Timestamp, now: Timestamp) -> String {
        let day = Self.day(of: now)
        let earlierDay = Self.day(of: earlier)
        switch day - earlierDay {
        case ...0: return today
        case 1: return yesterday
        case 2...6:
            // 1970-01-01 was a Thursday, the fourth day of a week that starts on Monday.
            let index = Int((earlierDay + 3) % 7 + 7) % 7
            return Self.fill(weekday, "{weekday}", with: weekdays[index])
        default:
            let (_, month, dayOfMonth) = Self.civil(fromDays: earlierDay)
            return Self.fill(Self.fill(date, "{day}", with: String(dayOfMonth)), "{month}", with: months[month - 1])
        }
    }

    /// `phrase` with every `placeholder` replaced by `value`. On every draft that names an identifier, so
    /// found by comparing bytes: Foundation's `replacingOccurrences`, and even the standard library's generic
    /// `firstRange(of:)`, cost microseconds a draft.
    static func fill(_ phrase: String, _ placeholder: String, with value: String) -> String {
        var phraseBytes = phrase
        var placeholderBytes = placeholder
        let filled = phraseBytes.withUTF8 { text in
            placeholderBytes.withUTF8 { needle -> [UInt8]? in
                var filled: [UInt8] = []
                var copied = 0
                while let found = UTF8Scalar.firstIndex(of: needle, in: text, from: copied) {
                    if filled.isEmpty { filled.reserveCapacity(text.count + value.utf8.count) }
                    filled.append(contentsOf: text[copied..<found])
                    filled.append(contentsOf: value.utf8)
                    copied = found + needle.count
                }
                guard copied > 0 else { return nil }
                filled.append(contentsOf: text[copied...])
                return filled
            }
        }
        return filled.map { String(decoding: $0, as: UTF8.self) } ?? phrase
    }

    /// The longest text ``previous(earlier:now:)`` can give, for length checks.
    var longestPrevious: String {
        let candidates =
            [today, yesterday]
            + weekdays.map { weekday.replacingOccurrences(of: "{weekday}", with: $0) }
            + months.map {
                date.replacingOccurrences(of: "{day}", with: "30").replacingOccurrences(of: "{month}", with: $0)
            }
        return candidates.max { $0.count < $1.count } ?? ""
    }

    private static func day(of time: Timestamp) -> Int64 {
        let milliseconds = time.millisecondsSinceEpoch
        return milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds + 1) / 86_400_000 - 1
    }

    /// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's civil-from-days).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension TemplateFactPhrases {
    /// The phrases in a language's `facts.json`; problems are reported and the file is then ignored.
    static func read(_ url: URL, file: String, problems: inout [TemplateProblem]) -> TemplateFactPhrases? {
        func problem(_ message: String) -> TemplateFactPhrases? {
            problems.append(TemplateProblem(file: file, line: nil, message: message))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path),
            let root = (try? JSONTree(parsing: data))?.object
        else {
            return problem("expected a JSON object with references, asks, previous, weekdays and months")
        }
        let known: Set<String> = ["references", "asks", "previous", "weekdays", "months", "askFor", "directMessage"]
        if let unknown = root.keys.sorted().first(where: { !known.contains($0) }) {
            return problem("unknown member \"\(unknown)\"; the members are \(known.sorted().joined(separator: ", "))")
        }
        guard let referenceObject = root["references"]?.object else {
            return problem("\"references\" must be an object of identifier kind → phrase with {value}")
        }
        var references: [Fact.Kind: String] = [:]
        for (name, value) in referenceObject {
            guard let kind = Fact.Kind(rawValue: name), kind.isIdentifier else {
                return problem(
                    "references: \"\(name)\" is not an identifier kind (order, booking, flight, tracking, case)")
            }
            guard let phrase = value.string, phrase.contains("{value}") else {
                return problem("references.\(name): a string with {value} where the identifier goes")
            }
            if let issue = phraseProblem(phrase.replacingOccurrences(of: "{value}", with: "")) {
                return problem("references.\(name): \(issue)")
            }
            references[kind] = phrase
        }
        var asks: [Fact.Kind: [String]] = [:]
        if let askObject = root["asks"] {
            guard let askObject = askObject.object else {
                return problem("\"asks\" must be an object of identifier kind → list of phrases")
            }
            for (name, value) in askObject {
                guard let kind = Fact.Kind(rawValue: name), kind.isIdentifier else {
                    return problem(
                        "asks: \"\(name)\" is not an identifier kind (order, booking, flight, tracking, case)")
                }
                guard let list = value.strings, !list.isEmpty, list.allSatisfy({ !$0.isEmpty }) else {
                    return problem("asks.\(name): a non-empty list of phrases")
                }
                asks[kind] = list.map { $0.lowercased() }
            }
        }
        guard let previous = root["previous"]?.stringMembers,
            let today = previous["today"], let yesterday = previous["yesterday"],
            let weekday = previous["weekday"], weekday.contains("{weekday}"),
            let date = previous["date"], date.contains("{day}"), date.contains("{month}"), previous.count == 4
        else {
            return problem(
                "\"previous\" must be an object with exactly today, yesterday, weekday (with {weekday}) and "
                    + "date (with {day} and {month})")
        }
        guard let weekdays = root["weekdays"]?.strings, weekdays.count == 7 else {
            return problem("\"weekdays\" must list the 7 weekday names, Monday first")
        }
        guard let months = root["months"]?.strings, months.count == 12 else {
            return problem("\"months\" must list the 12 month names, January first")
        }
        guard let askFor = root["askFor"]?.stringMembers, let askForByDefault = askFor["default"] else {
            return problem(
                "\"askFor\" must be an object of industry → what to ask for (\"your order number\"), with a "
                    + "\"default\" for a mention whose industry is not evident")
        }
        if let unknown = askFor.keys.sorted().first(where: { $0 != "default" && Industry(rawValue: $0) == nil }) {
            let industries = Industry.allCases.map(\.rawValue).joined(separator: ", ")
            return problem("askFor: \"\(unknown)\" is not an industry (\(industries), or default)")
        }
        guard let directMessage = root["directMessage"]?.strings, !directMessage.isEmpty else {
            return problem(
                "\"directMessage\" must list the phrases that move a conversation to private messages "
                    + "(\"direct message\", \"dm\"), which replies on private channels must not use")
        }
        for phrase in [today, yesterday, weekday, date] + weekdays + months + askFor.values.sorted() {
            let bare = ["{weekday}", "{day}", "{month}"].reduce(phrase) { $0.replacingOccurrences(of: $1, with: "") }
            if let issue = phraseProblem(bare) { return problem("\"\(phrase)\": \(issue)") }
        }
        return TemplateFactPhrases(
            references: references, asks: asks, today: today, yesterday: yesterday, weekday: weekday, date: date,
            weekdays: weekdays, months: months,
            askFor: Industry.allCases.map { askFor[$0.rawValue] },
            askForByDefault: askForByDefault, directMessage: directMessage.map { $0.lowercased() })
    }

    /// Why a phrase cannot be used in a reply, or nil: the same characters as a topic phrase.
    private static func phraseProblem(_ phrase: String) -> String? {
        guard !phrase.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return TemplateLibrary.topicPhraseProblem(phrase.trimmingCharacters(in: .whitespaces))
    }
}
