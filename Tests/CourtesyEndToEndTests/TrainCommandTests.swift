import Foundation
import Testing

@Suite("courtesy train, and --tone-model on eval and draft", .serialized, .timeLimit(.minutes(2)))
struct TrainCommandTests {
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ToneCorpus/tone-corpus.es.tsv")

    private static let mention =
        #"{"schema":"courtesy.mention/v1","id":"1","platform":"x","brand":"acme","author":{"id":"7"},"#
        + #""text":"mi pedido llegó roto y nadie responde","createdAt":"2026-01-14T10:00:00Z"}"#

    private func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("train writes a model and prints held-out figures beside the rules'; eval and draft use it")
    func trainEvalDraft() async throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("tone.model").path
        let trained = try await Process.run(
            Tool.courtesy, ["train", "--corpus", Self.corpus.path, "--output", model], timeout: .seconds(90))
        #expect(trained.status == 0, "\(trained.error)")
        #expect(trained.output.contains("wrote \(model): tone model "))
        #expect(trained.output.contains("Model on the") && trained.output.contains("Rules on the same"))
        #expect(trained.error.contains("epoch 6"), "progress goes to standard error")

        let evaluated = try await Process.run(
            Tool.courtesy, ["eval", "--corpus", Self.corpus.path, "--tone-model", model], timeout: .seconds(60))
        #expect(evaluated.status == 0, "\(evaluated.error)")
        #expect(evaluated.output.contains("texts it was trained on left out, figures on the"))
        #expect(evaluated.output.contains("rules on the same texts: macro-F1"))

        let drafted = try await Process.run(
            Tool.courtesy, ["draft", "--tone-model", model], input: Self.mention + "\n", timeout: .seconds(60))
        #expect(drafted.status == 0, "\(drafted.error)")
        #expect(drafted.output.contains(#""toneModel":""#))
        let rules = try await Process.run(Tool.courtesy, ["draft"], input: Self.mention + "\n", timeout: .seconds(60))
        #expect(rules.status == 0 && !rules.output.contains("toneModel"))
    }

    @Test("a missing, corrupt or foreign model stops draft with exit 2 and the reason; nothing is drafted")
    func badModels() async throws {
        let folder = try directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notAModel = folder.appendingPathComponent("corpus-copy.model")
        try FileManager.default.copyItem(at: Self.corpus, to: notAModel)
        let cases: [(String, String)] = [
            (folder.appendingPathComponent("missing.model").path, "cannot read the tone model"),
            (notAModel.path, "is not a Courtesy tone model"),
        ]
        for (path, message) in cases {
            let drafted = try await Process.run(
                Tool.courtesy, ["draft", "--tone-model", path], input: Self.mention + "\n", timeout: .seconds(60))
            #expect(drafted.status == 2, "\(path)")
            #expect(drafted.error.contains(message), "\(drafted.error)")
            #expect(drafted.output.isEmpty)
        }
    }

    @Test("train and decisions export refuse what they cannot use, saying why")
    func refusals() async throws {
        let none = try await Process.run(Tool.courtesy, ["train", "--output", "/nonexistent/x.model"])
        #expect(none.status != 0 && none.error.contains("give at least one of --airline, --corpus or --decisions"))
        let malformed = try await Process.run(
            Tool.courtesy, ["train", "--decisions", Self.corpus.path, "--output", "/nonexistent/x.model"])
        #expect(malformed.status == 2 && malformed.error.contains("line 1"), "\(malformed.error)")
        let unwritable = try await Process.run(
            Tool.courtesy, ["train", "--corpus", Self.corpus.path, "--output", "/nonexistent/dir/x.model", "--quiet"],
            timeout: .seconds(90))
        #expect(
            unwritable.status == 2 && unwritable.error.contains("cannot write the tone model"), "\(unwritable.error)")
        let export = try await Process.run(Tool.courtesy, ["decisions", "export", "--output", "/tmp/never.jsonl"])
        #expect(export.status != 0 && export.error.contains("give --bootstrap"), "\(export.error)")
    }
}
