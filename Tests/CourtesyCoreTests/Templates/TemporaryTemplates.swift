import Foundation

@testable import CourtesyCore

/// A templates directory written for one test and removed afterwards.
struct TemporaryTemplates {
    let directory: URL

    /// Writes the files (relative path → content) into a fresh directory.
    init(_ files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-templates-\(UUID())")
        for (path, content) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    /// Runs the body with the directory, then removes it.
    @discardableResult
    static func with<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
        let templates = try TemporaryTemplates(files)
        defer { try? FileManager.default.removeItem(at: templates.directory) }
        return try body(templates.directory)
    }

    /// Four distinct variants that use every variable, in the given intent's tone.
    static func variants(_ intent: Intent, count: Int = 4) -> String {
        variants(kind: ReplyKind(intent), count: count)
    }

    /// Four distinct variants that use every variable, in the given kind's tone.
    static func variants(kind: ReplyKind, count: Int = 4) -> String {
        let opener =
            switch kind {
            case .complaint, .serious: "Sorry"
            case .compliment: "Thank you"
            case .question, .other, .holding: "Hello"
            }
        return (1...count).map {
            "\(opener) {{#customer}}{{customer}}{{/customer}}, number \($0){{#topic}} about {{topic}}{{/topic}}."
                + "{{#agent}} ^{{agent}}{{/agent}}"
        }.joined(separator: "\n---\n")
    }

    /// A `facts.json` with the nouns, the phrases that ask for identifiers, and the words for when.
    static let englishFacts = """
        {"references": {"order": "order {value}", "booking": "booking {value}", "flight": "flight {value}",
          "tracking": "parcel {value}", "case": "case {value}"},
         "asks": {"order": ["order number"], "booking": ["booking reference"], "flight": ["flight number"],
          "tracking": ["tracking number"], "case": ["case number"]},
         "previous": {"today": "earlier today", "yesterday": "yesterday", "weekday": "on {weekday}",
          "date": "on {day} {month}"},
         "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
         "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"],
         "askFor": {"default": "your reference number", "airline": "your booking reference"},
         "directMessage": ["dm", "direct message"]}
        """

    /// A complete, valid English set: every intent with a default file.
    static func completeEnglish() -> [String: String] {
        var files: [String: String] = [
            "en/topics.json": "{\"delivery\": \"your fish & chips order\"}",
            "en/facts.json": englishFacts,
        ]
        for kind in ReplyKind.allCases {
            files["en/\(kind.rawValue).mustache"] = variants(kind: kind)
        }
        return files
    }
}
