import Foundation
import Testing

@testable import CourtesyCore

@Suite("Tone corpus")
struct ToneCorpusTests {
    /// `Tests/ToneCorpus/tone-corpus.tsv`, which ships with the project.
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ToneCorpus/tone-corpus.tsv").path

    @Test("the project's own corpus: every tone well represented, the classifier above its floor")
    func shippedCorpus() throws {
        let items = try ToneCorpus.load(path: Self.path)
        #expect(items.count >= 4000)
        for tone in Tone.allCases {
            #expect(items.filter { $0.tone == tone }.count >= 900, "too few \(tone) messages")
        }
        #expect(Set(items.map(\.text)).count == items.count, "a message appears twice")
        let evaluation = ToneEvaluation(classifying: items, with: try sharedClassifier.get())
        // Written apart from the airline data and never used to tune the rules: a second measure of
        // how they generalise (0.714 macro-F1 and 2.3% of complaints thanked when it was added).
        #expect(evaluation.macroF1 > 0.70)
        #expect(evaluation.complaintsThankedShare < 0.03)
    }

    @Test("lines: tone, tab, text; CRLF and blank lines accepted")
    func parsing() throws {
        let items = try ToneCorpus.parse(
            Array("apology\tmy bag is lost\r\n\nthanks\tgreat crew!\nneutral\tdo you fly to Oslo?".utf8))
        #expect(
            items == [
                LabelledText(text: "my bag is lost", tone: .apology),
                LabelledText(text: "great crew!", tone: .thanks),
                LabelledText(text: "do you fly to Oslo?", tone: .neutral),
            ])
    }

    @Test(
        "a bad line names its number and what is wrong",
        arguments: [
            ("thanks\tok\nnegative\tmy bag", 2, "unknown tone (expected apology, thanks or neutral)"),
            ("apology my bag is lost", 1, "no tab between the tone and the text"),
            ("neutral\t", 1, "empty text"),
            ("neutral\ta\tb", 1, "a second tab in the text"),
        ])
    func malformed(text: String, line: Int, reason: String) {
        #expect(throws: EvaluationError.malformedCorpusLine(line: line, reason: reason)) {
            try ToneCorpus.parse(Array(text.utf8))
        }
    }

    @Test("a missing file and an empty one are errors that say so")
    func unreadable() throws {
        #expect(throws: EvaluationError.unreadable(path: "/nonexistent/corpus.tsv", reason: "no such file")) {
            try ToneCorpus.load(path: "/nonexistent/corpus.tsv")
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID()).tsv")
        try Data("\n\n".utf8).write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: EvaluationError.empty(path: empty.path)) { try ToneCorpus.load(path: empty.path) }
    }
}
