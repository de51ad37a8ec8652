import Foundation
import HostileCorpus
import Testing

@Suite("Hostile input through courtesy draft", .timeLimit(.minutes(2)))
struct HostileDraftCommandTests {
    @Test("one output line per input line: a safe draft or an error record naming the line and its reason")
    func corpus() async throws {
        let corpus = HostileMention.corpus + [HostileMention.tenMegabyteText]
        var input: [UInt8] = []
        for hostile in corpus {
            input += hostile.bytes + [0x0A]
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).jsonl")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let started = ContinuousClock.now
        let result = try await Process.run(
            Tool.courtesy, ["draft", "--now", "2026-01-14T10:30:00Z", file.path], timeout: .seconds(90))
        #expect(ContinuousClock.now - started < .seconds(60), "no hang")
        let refused = corpus.filter { $0.expected != .draft }.count
        #expect(result.status == 1, "\(result.error.prefix(2_000))")
        #expect(result.error.contains("\(refused) of \(corpus.count) lines failed"), "\(result.error.prefix(2_000))")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == corpus.count, "\(lines.count) output lines for \(corpus.count) input lines")
        for (index, (line, hostile)) in zip(lines, corpus).enumerated() {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(hostile.name)")
            switch hostile.expected {
            case .draft:
                #expect(object["schema"] as? String == "courtesy.draft/v1", "\(hostile.name): \(line.prefix(300))")
                let text = object["text"] as? String ?? ""
                let name = (object["customer"] as? [String: Any])?["name"] as? String
                let problems = DraftSafety.problems(text: text, customerName: name)
                #expect(problems.isEmpty, "\(hostile.name): \(problems) in \(text)")
            case .refused(let reason):
                let error = try #require(object["error"] as? [String: Any], "\(hostile.name): \(line.prefix(300))")
                #expect(error["line"] as? Int == index + 1, "\(hostile.name)")
                #expect(error["reason"] as? String == reason, "\(hostile.name): \(error)")
                #expect((error["message"] as? String)?.isEmpty == false)
            }
        }
    }
}
