import Foundation
import Testing

@testable import CourtesyCore

@Suite("Evaluation")
struct EvaluationTests {
    @Test("CSV: quotes, doubled quotes, embedded newlines, CRLF and bare CR")
    func csv() throws {
        let text = "a,b,c\r\n1,\"two, \"\"2\"\"\",\"multi\nline\"\n3,bare\rcr,\n\"last\",x,y"
        let records = try CSVReader.records(Array(text.utf8))
        #expect(records.count == 4)
        #expect(records[1] == ["1", "two, \"2\"", "multi\nline"])
        #expect(records[2] == ["3", "bare\rcr", ""])
        #expect(records[3] == ["last", "x", "y"])
        #expect(throws: EvaluationError.malformedCSV(line: 2, reason: "unterminated quoted field")) {
            try CSVReader.records(Array("a\n\"open,b\nc".utf8))
        }
    }

    @Test("metrics from a known confusion matrix")
    func metrics() {
        var evaluation = ToneEvaluation()
        for _ in 0..<8 { evaluation.record(expected: .apology, predicted: .apology) }
        for _ in 0..<2 { evaluation.record(expected: .apology, predicted: .thanks) }
        for _ in 0..<3 { evaluation.record(expected: .thanks, predicted: .thanks) }
        evaluation.record(expected: .thanks, predicted: .neutral)
        for _ in 0..<4 { evaluation.record(expected: .neutral, predicted: .neutral) }
        #expect(evaluation.total == 18)
        #expect(abs(evaluation.accuracy - 15.0 / 18) < 1e-9)
        let thanks = evaluation.scores(for: .thanks)
        #expect(abs(thanks.precision - 0.6) < 1e-9)
        #expect(abs(thanks.recall - 0.75) < 1e-9)
        #expect(evaluation.complaintsThanked == 2)
        #expect(abs(evaluation.complaintsThankedShare - 0.2) < 1e-9)
        let report = evaluation.report(title: "t")
        #expect(report.contains("negative texts thanked: 2 of 10 (20.00%)"))
        let json = String(decoding: evaluation.jsonBytes(), as: UTF8.self)
        #expect(json.contains(#""negativeThanked":2"#))
    }

    @Test("the airline loader explains a missing file")
    func missingFile() {
        #expect(throws: EvaluationError.unreadable(path: "/nonexistent/airline.csv", reason: "no such file")) {
            try AirlineSentimentCorpus.load(path: "/nonexistent/airline.csv")
        }
    }
}
