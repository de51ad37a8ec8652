import Foundation
import Testing

@testable import CourtesyCore

private func check(_ changes: [String: String?]) throws -> TemplateCheckReport {
    var files = TemporaryTemplates.completeEnglish()
    for (path, content) in changes { files[path] = content }
    return try TemporaryTemplates.with(files) { TemplateLinter.check(directory: $0) }
}

private func errors(_ report: TemplateCheckReport) -> [TemplateProblem] {
    report.problems.filter { $0.severity == .error }
}

@Suite("Template check")
struct TemplateLinterTests {
    @Test("A complete set passes")
    func completeSetPasses() throws {
        let report = try check([:])
        #expect(report.passed, "\(report.problems)")
        #expect(report.fileCount == 6)
        #expect(report.variantCount == 24)
    }

    @Test("Unknown variables are errors at their line, and loading refuses them")
    func unknownVariable() throws {
        let text =
            TemporaryTemplates.variants(.question, count: 3)
            + "\n---\nHello {{customer_name}}!\n\nBye {{#brand}}{{brand}}{{/brand}}"
        let report = try check(["en/question.mustache": text])
        let found = errors(report).filter { $0.message.contains("unknown variable") }
        #expect(found.map(\.line) == [7, 9, 9, 9], "\(report.problems)")
        #expect(found.allSatisfy { $0.file == "en/question.mustache" })
        #expect(
            found.first?.description.hasPrefix("en/question.mustache:7: error: unknown variable \"customer_name\"")
                == true)
        var files = TemporaryTemplates.completeEnglish()
        files["en/question.mustache"] = text
        try TemporaryTemplates.with(files) { directory in
            #expect {
                try TemplateLibrary.load(from: directory)
            } throws: { error in
                "\(error)".contains("customer_name")
            }
        }
    }

    @Test("Partials, delimiters, pragmas, dotted names and unguarded values are refused")
    func forbiddenTags() throws {
        let cases: [(String, String)] = [
            ("Sorry {{> footer}}", "not allowed"),
            ("Sorry {{=<% %>=}}", "not allowed"),
            ("Sorry {{% CONTENT_TYPE: HTML}}", "not allowed"),
            ("Sorry {{customer.name}}", "unknown variable"),
            ("Sorry {{uppercased(customer)}}", "unknown variable"),
            ("Sorry {{customer}}", "outside {{#customer}}"),
            ("Sorry {{^customer}}{{customer}}{{/customer}}", "outside {{#customer}}"),
            ("Sorry {{#customer}}{{agent}}{{/customer}}", "outside {{#agent}}"),
            ("Sorry {{#customer}}x{{/agent}}", "closes the section"),
            ("Sorry {{#customer}}never closed", "cannot parse"),
            ("Sorry {{customer", "never closed"),
        ]
        for (variant, message) in cases {
            let text = TemporaryTemplates.variants(.complaint, count: 4) + "\n---\n" + variant
            let report = try check(["en/complaint.mustache": text])
            #expect(
                errors(report).contains { $0.message.contains(message) && $0.line == 9 },
                "\(variant): \(report.problems)")
        }
    }

    @Test("Missing intents, too few variants, duplicates and a missing tone are errors")
    func coverageAndVariants() throws {
        let missing = try check(["en/other.mustache": nil, "en/other.x.mustache": TemporaryTemplates.variants(.other)])
        #expect(
            errors(missing).contains {
                $0.message.contains("no other template for facebook, instagram, review, email, chat")
            })

        let few = try check(["en/question.mustache": TemporaryTemplates.variants(.question, count: 2)])
        #expect(errors(few).contains { $0.file == "en/question.mustache" && $0.message.contains("2 variant(s)") })

        let duplicate =
            TemporaryTemplates.variants(.compliment) + "\n---\n"
            + TemporaryTemplates.variants(.compliment, count: 1)
        let dup = try check(["en/compliment.mustache": duplicate])
        #expect(errors(dup).contains { $0.line == 9 && $0.message.contains("duplicate of the variant at line 1") })

        let cheerful =
            TemporaryTemplates.variants(.complaint) + "\n---\nGreat news {{#customer}}{{customer}}{{/customer}}!"
        let tone = try check(["en/complaint.mustache": cheerful])
        #expect(errors(tone).contains { $0.line == 9 && $0.message.contains("does not apologise") })

        let noSpanish = try check(["es/complaint.mustache": TemporaryTemplates.variants(.complaint)])
        #expect(errors(noSpanish).contains { $0.file == "es" && $0.message.contains("no question template") })

        let noEnglish = try TemporaryTemplates.with(["es/other.mustache": TemporaryTemplates.variants(.other)]) {
            TemplateLinter.check(directory: $0)
        }
        #expect(errors(noEnglish).contains { $0.message.contains("English templates are required") })
    }

    @Test("Bad file names, platforms and topic phrases are reported")
    func fileProblems() throws {
        let report = try check([
            "en/complaint.tiktok.mustache": TemporaryTemplates.variants(.complaint),
            "en/praise.mustache": TemporaryTemplates.variants(.compliment),
            "en/topics.json": "{\"delivery\": \"@everyone {{agent}}\", \"billing\": 3}",
            "en/notes.txt": "scratch",
            "EN/other.mustache": TemporaryTemplates.variants(.other),
        ])
        let messages = report.problems.map(\.description)
        #expect(messages.contains { $0.hasPrefix("en/complaint.tiktok.mustache: error: unknown platform \"tiktok\"") })
        #expect(messages.contains { $0.hasPrefix("en/praise.mustache: error: the file name must be") })
        #expect(messages.contains { $0.contains("en/topics.json: error: \"delivery\": the phrase may hold only") })
        #expect(messages.contains { $0.contains("en/topics.json: error: \"billing\": the phrase must be a string") })
        #expect(messages.contains { $0.hasPrefix("en/notes.txt: warning: ignored") })
        #expect(messages.contains { $0.hasPrefix("EN: warning: ignored") })
    }

    @Test("Comment-only headers are not variants and line numbers count them")
    func fileSplitting() {
        let file = TemplateFile(text: "{{! header }}\n{{! more }}\n---\n\nFirst\n---\nSecond\nline\n---\n")
        #expect(file.chunks.map(\.line) == [5, 7])
        #expect(file.chunks.map(\.text) == ["\nFirst", "Second\nline"])
    }
}

@Suite("Template compiler: whitespace that sections leave behind")
struct TemplateNormaliseTests {
    @Test(
        "Runs of spaces, spaces before punctuation, blank lines at the ends or in pairs are tidied",
        arguments: [
            ("\n\n  Hello ,  world .\n\n\n\nBye  \n\n", "Hello, world.\n\nBye"),
            ("a\t\tb", "a b"),
            (" ¡Hola !  ¿Qué tal ?", "¡Hola! ¿Qué tal?"),
            ("x \n \ny", "x\n\ny"),
            ("Thanks (really ) .", "Thanks (really)."),
            ("", ""),
        ])
    func normalise(input: String, expected: String) {
        #expect(TemplateCompiler.normalise(input) == expected)
    }
}

@Suite("Template check: every industry's phrases in every language")
struct TemplateIndustryCheckTests {
    @Test("a language without the default language's industry phrases, or with some missing, fails the check")
    func industryPhrases() throws {
        var files = TemporaryTemplates.completeEnglish()
        for (path, text) in files where path.hasPrefix("en/") {
            files["es/" + path.dropFirst(3)] = text
        }
        files["en/topics.airline.json"] = #"{"delivery": "your flight", "baggage": "your bag"}"#
        let missingFile = try TemporaryTemplates.with(files) { TemplateLinter.check(directory: $0) }
        #expect(missingFile.problems.contains { $0.file == "es/topics.airline.json" && $0.message.contains("missing") })
        files["es/topics.airline.json"] = #"{"delivery": "tu vuelo"}"#
        let missingTopic = try TemporaryTemplates.with(files) { TemplateLinter.check(directory: $0) }
        #expect(
            missingTopic.problems.contains { $0.file == "es/topics.airline.json" && $0.message.contains("baggage") })
        files["es/topics.airline.json"] = #"{"delivery": "tu vuelo", "baggage": "tu maleta"}"#
        let complete = try TemporaryTemplates.with(files) { TemplateLinter.check(directory: $0) }
        #expect(!complete.problems.contains { $0.file.hasSuffix("topics.airline.json") }, "\(complete.problems)")
    }
}
