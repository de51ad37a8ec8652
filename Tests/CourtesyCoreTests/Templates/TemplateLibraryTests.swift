import Foundation
import Mustache
import Testing

@testable import CourtesyCore

private let library = try! TemplateLibrary.bundled()

private func request(
    _ intent: Intent = .complaint, _ platform: Platform = .x, language: String = "en", customer: String? = "Jane",
    agent: String? = "Ana", topics: [String] = [], seed: String = "x:1"
) -> ReplyRequest {
    request(
        kind: ReplyKind(intent), platform, language: language, customer: customer, agent: agent, topics: topics,
        seed: seed)
}

private func request(
    kind: ReplyKind, _ platform: Platform = .x, language: String = "en", customer: String? = "Jane",
    agent: String? = "Ana", topics: [String] = [], seed: String = "x:1"
) -> ReplyRequest {
    ReplyRequest(
        kind: kind, platform: platform, language: language, customerName: customer, agentName: agent,
        topics: topics, seed: seed)
}

@Suite("Reply templates")
struct TemplateLibraryTests {
    @Test("The shipped templates pass the check with no errors or warnings")
    func shippedTemplatesPass() throws {
        let directory = try #require(TemplateLibrary.bundledDirectory)
        let report = TemplateLinter.check(directory: directory)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.languages == ["de", "en", "es", "fr", "pt"])
    }

    @Test("Every reply kind, platform and language renders clean text, with and without names")
    func everyCombinationRenders() throws {
        for language in ["en", "es"] {
            for intent in ReplyKind.allCases {
                for platform in Platform.allCases {
                    for (customer, agent) in [("Jane", "Ana"), (nil, nil), ("Jane", nil), (nil, "Ana")] {
                        for seed in ["m1", "m2", "m3", "m4", "m5", "m6"] {
                            let reply = try library.render(
                                request(
                                    kind: intent, platform, language: language, customer: customer, agent: agent,
                                    topics: ["delivery"], seed: seed))
                            let text = reply.text
                            #expect(reply.language == language)
                            #expect(reply.template.hasPrefix("\(language)/\(intent.rawValue)"))
                            #expect(text.count <= platform.replyLengthLimit)
                            #expect(!text.contains("{{") && !text.contains("  ") && !text.contains(" ,"))
                            #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines))
                            #expect(!text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
                            if let customer { #expect(text.contains(customer), "\(reply.template) \(text)") }
                            if let agent { #expect(text.contains(agent), "\(reply.template) \(text)") }
                            if platform != .email { #expect(!text.contains("\n")) }
                        }
                    }
                }
            }
        }
    }

    @Test("Complaints apologise and compliments thank, in English and Spanish")
    func tone() throws {
        for seed in (0..<40).map({ "mention-\($0)" }) {
            let complaint = try library.render(request(.complaint, .facebook, seed: seed)).text.lowercased()
            #expect(complaint.contains("sorry") || complaint.contains("apolog"))
            #expect(!complaint.contains("like or a share"))
            let compliment = try library.render(request(.compliment, .instagram, seed: seed)).text.lowercased()
            #expect(compliment.contains("thank"))
            let queja = try library.render(request(.complaint, .x, language: "es", seed: seed)).text.lowercased()
            #expect(
                ["siento", "sentimos", "lamento", "lamentamos", "disculpa", "perdón", "perdona"].contains {
                    queja.contains($0)
                })
            let elogio = try library.render(request(.compliment, .x, language: "es", seed: seed)).text.lowercased()
            #expect(elogio.contains("gracias"))
        }
    }

    @Test("The variant follows the seed: the same mention gets the same words, others get different ones")
    func deterministicVariants() throws {
        var variants = Set<Int>()
        let reloadedLibrary = try TemplateLibrary.bundled()
        for index in 0..<200 {
            let seed = "x:mention-\(index)"
            let first = try library.render(request(.complaint, .facebook, seed: seed))
            let again = try library.render(request(.complaint, .facebook, seed: seed))
            let reloaded = try reloadedLibrary.render(request(.complaint, .facebook, seed: seed))
            #expect(first == again)
            #expect(first == reloaded)
            variants.insert(first.variant)
        }
        #expect(variants.count >= TemplateLibrary.minimumVariants)
        #expect(variants.allSatisfy { $0 >= 1 })
    }

    @Test("Platform files take precedence and other platforms use the default file")
    func lookupFallback() throws {
        #expect(try library.render(request(.complaint, .x)).template == "en/complaint.x")
        #expect(try library.render(request(.complaint, .email)).template == "en/complaint.email")
        #expect(try library.render(request(.complaint, .facebook)).template == "en/complaint")
        #expect(try library.render(request(.question, .chat, language: "es")).template == "es/question.chat")
        #expect(try library.render(request(.question, .review, language: "es")).template == "es/question")
        let italian = try library.render(request(.question, .x, language: "it"))
        #expect(italian.language == "en")
        #expect(italian.template == "en/question.x")
        #expect(try library.render(request(.question, .x, language: "fr")).template == "fr/question.x")
        #expect(try library.render(request(.question, .x, language: "ES")).language == "es")
    }

    @Test("Topics turn into phrases in the reply's language")
    func topicPhrases() throws {
        let seeds = (0..<40).map { "t-\($0)" }
        let english = try seeds.map {
            try library.render(request(.complaint, .facebook, topics: ["Delivery"], seed: $0)).text
        }
        #expect(english.contains { $0.contains("your delivery") })
        let spanish = try seeds.map {
            try library.render(
                request(.complaint, .facebook, language: "es", topics: ["unknown", "billing"], seed: $0)
            ).text
        }
        #expect(spanish.contains { $0.contains("tu factura") })
        #expect(library.topicPhrase(for: ["nothing"], language: "en") == nil)
    }

    @Test(
        "Nothing a customer writes reaches the reply as a mention, link, tag or control character",
        arguments: [
            "{{agent}}", "{{{agent}}}", "{{#customer}}x{{/customer}}", "@everyone", "@here", "#boycott",
            "http://x.co", "https://evil.example/path", "www.evil.com", "Jane\u{202E}eoD", "\u{202E}Jane",
            "Ja\u{200B}ne", "Jane\u{2066}", "Jane\nDoe", "Jane\r\n@everyone", "Jane\u{0000}", "Jane\u{001B}[31m",
            "<script>alert(1)</script>", "Jane <b>", "Jane {{", "Jane }}", "\u{E000}", "Jane\u{E001}",
            "@\u{200B}everyone", "＠everyone", "Jane:http", "j@ne", "Jane\u{FEFF}", "Jane\t\tDoe",
        ])
    func injection(_ hostile: String) throws {
        for platform in [Platform.x, .facebook, .email] {
            let reply = try library.render(request(.complaint, platform, customer: hostile, agent: hostile))
            let text = reply.text
            #expect(!text.contains("{{") && !text.contains("}}") && !text.contains("{") && !text.contains("}"))
            #expect(!text.contains("@") && !text.contains("#") && !text.contains("http") && !text.contains("www"))
            #expect(!text.contains("<") && !text.contains(">"))
            #expect(
                !text.unicodeScalars.contains {
                    ($0.properties.generalCategory == .control && $0 != "\n")
                        || $0.properties.generalCategory == .format
                        || $0.properties.generalCategory == .privateUse
                }, "\(text.debugDescription)")
            if platform != .email { #expect(!text.contains("\n")) }
        }
    }

    @Test("Sanitised names keep letters, single spaces, hyphens and apostrophes")
    func sanitiser() {
        #expect(ReplyValueSanitiser.name("Jane") == "Jane")
        #expect(ReplyValueSanitiser.name("Anne-Marie O'Neil") == "Anne-Marie O'Neil")
        #expect(ReplyValueSanitiser.name("José") == "José")
        #expect(ReplyValueSanitiser.name("Мария") == "Мария")
        #expect(ReplyValueSanitiser.name("Jane\u{202E}eoD") == "JaneeoD")
        #expect(ReplyValueSanitiser.name("Jane @everyone") == "Jane")
        #expect(ReplyValueSanitiser.name("{{agent}}") == nil)
        #expect(ReplyValueSanitiser.name("@everyone") == nil)
        #expect(ReplyValueSanitiser.name("http://x.co") == nil)
        #expect(ReplyValueSanitiser.name("Jane\n\nDoe") == "Jane Doe")
        #expect(ReplyValueSanitiser.name("Jane’s") == "Jane's")
        #expect(ReplyValueSanitiser.name("--Jane--") == "Jane")
        #expect(ReplyValueSanitiser.name("   ") == nil)
        #expect(ReplyValueSanitiser.name(nil) == nil)
        #expect(ReplyValueSanitiser.name("Bartholomew Maximilianus Fitzgerald") == "Bartholomew Maximilianus")
        #expect(ReplyValueSanitiser.name("www.evil.com Jane") == "Jane")
        #expect(ReplyValueSanitiser.name("J.R. Smith") == "Smith")
        #expect(ReplyValueSanitiser.name(String(repeating: "a", count: 30)) == nil)
        #expect(ReplyValueSanitiser.name("Jane ") == "Jane")
    }

    @Test("Replies are plain text: nothing is HTML-escaped")
    func noHTMLEscaping() throws {
        try TemporaryTemplates.with(TemporaryTemplates.completeEnglish()) { directory in
            let custom = try TemplateLibrary.load(from: directory)
            let reply = try custom.render(
                request(.complaint, .facebook, customer: "O'Brien", agent: "D'Arcy", topics: ["delivery"], seed: "a"))
            #expect(reply.text.contains("O'Brien"))
            #expect(reply.text.contains("D'Arcy"))
            #expect(reply.text.contains("your fish & chips order"))
            #expect(!reply.text.contains("&amp;") && !reply.text.contains("&#39;") && !reply.text.contains("&quot;"))
        }
        let shipped = try library.render(request(.compliment, .facebook, customer: "O'Brien", seed: "q"))
        #expect(shipped.text.contains("O'Brien"))
        #expect(!shipped.text.contains("&"))
    }

    @Test("Compiled rendering is exactly what swift-mustache renders, for every shipped variant")
    func compiledMatchesMustache() throws {
        var values = TemplateValues()
        values.customer = "O'Brien"
        values.agent = "Ana-María"
        values.topic = "your bill"
        values.order = "#48213"
        values.booking = "QXKZTP"
        values.flight = "SK1807"
        values.tracking = "1Z999AA10123456784"
        values.case = "#99120"
        values.duration = "5 days"
        values.amount = "$49.99"
        values.reference = "order #48213"
        values.previous = "on Monday"
        values.repeated = true
        values.askFor = "your booking reference"
        values.safety = true
        values.staff = "Farah"
        for sets in library.files.values {
            for set in sets.values {
                for variant in set.variants {
                    let template = try MustacheTemplate(string: TemplateCompiler.textPragma + variant.source)
                    for index in variant.forms.indices {
                        let mask = variant.mask(forFormIndex: index)
                        var context: [String: String] = [:]
                        var present = TemplateValues()
                        for variable in TemplateVariable.allCases
                        where mask & variable.bit != 0 || variable.isAlwaysPresent {
                            // A flag is a section only, so any non-empty text stands for "present".
                            context[variable.rawValue] = variable.isFlag ? "yes" : values[variable]
                            present[variable] = values[variable]
                        }
                        let direct = TemplateCompiler.normalise(template.render(context))
                        let compiled = variant.forms[index].render(present)
                        #expect(compiled == direct, "\(set.file):\(variant.line) mask \(mask)")
                    }
                }
            }
        }
    }

    @Test("Over the platform limit, a shorter variant of the same template is chosen; none fitting is an error")
    func lengthLimits() throws {
        let long = String(repeating: "very long words ", count: 16)
        var files = TemporaryTemplates.completeEnglish()
        files["en/complaint.x.mustache"] = [
            "Sorry {{#customer}}{{customer}}{{/customer}}, \(long)the end.",
            "Sorry {{#customer}}{{customer}}{{/customer}}, short one.",
            "Sorry {{#customer}}{{customer}}{{/customer}}, \(long)again.",
            "Sorry {{#customer}}{{customer}}{{/customer}}, \(long)and again.",
        ].joined(separator: "\n---\n")
        files["en/question.x.mustache"] = (1...4).map { "Hello \($0) \(long)\(long)" }.joined(separator: "\n---\n")
        try TemporaryTemplates.with(files) { directory in
            let custom = try TemplateLibrary.load(from: directory)
            let name = "Bartholomew-Maximilianus"
            // A seed that starts at the first (long) variant.
            let seed = try #require((0..<1000).map { "s\($0)" }.first { StableHash.hash($0) % 4 == 0 })
            let short = try custom.render(request(.complaint, .x, customer: "Jo", seed: seed))
            #expect(short.variant == 1)
            #expect(short.text.count <= 280)
            let fitted = try custom.render(request(.complaint, .x, customer: name, seed: seed))
            #expect(fitted.variant == 2)
            #expect(fitted.text == "Sorry \(name), short one.")
            #expect(throws: TemplateError.self) {
                try custom.render(request(.question, .x, seed: seed))
            }
            // The same text on Facebook (8,000 characters) keeps the first variant.
            #expect(try custom.render(request(.question, .facebook, seed: seed)).template == "en/question")
            let report = TemplateLinter.check(directory: directory)
            #expect(report.problems.contains { $0.file == "en/question.x.mustache" && $0.severity == .error })
            #expect(
                report.problems.contains {
                    $0.file == "en/complaint.x.mustache" && $0.line == 1 && $0.severity == .error
                })
        }
    }

    @Test("Templates are found at --templates, then COURTESY_TEMPLATES, then ./templates, then the bundle")
    func location() {
        let exists: (String) -> Bool = { $0 == "/srv/app/templates" }
        #expect(
            TemplateLibrary.locate(
                option: "/opt/t", environment: ["COURTESY_TEMPLATES": "/env/t"], currentDirectory: "/srv/app",
                directoryExists: exists) == .directory("/opt/t"))
        #expect(
            TemplateLibrary.locate(
                option: nil, environment: ["COURTESY_TEMPLATES": "/env/t"], currentDirectory: "/srv/app",
                directoryExists: exists) == .directory("/env/t"))
        #expect(
            TemplateLibrary.locate(option: nil, environment: [:], currentDirectory: "/srv/app", directoryExists: exists)
                == .directory("/srv/app/templates"))
        #expect(
            TemplateLibrary.locate(
                option: nil, environment: ["COURTESY_TEMPLATES": ""], currentDirectory: "/elsewhere",
                directoryExists: exists) == .bundled)
    }
}
