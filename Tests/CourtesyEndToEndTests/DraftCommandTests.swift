import Foundation
import Testing

/// A mention event as one JSON line.
private func mentionLine(id: String, text: String, displayName: String = "Jane Doe") -> String {
    """
    {"schema":"courtesy.mention/v1","id":"\(id)","platform":"x","brand":"acme",\
    "author":{"id":"a\(id)","handle":"h\(id)","displayName":"\(displayName)","followers":10},\
    "text":"\(text)","createdAt":"2026-01-14T10:00:00Z"}
    """
}

/// Writes `bytes` to a new temporary file and returns its path.
private func temporaryFile(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mentions-\(UUID().uuidString).jsonl")
    try Data(bytes).write(to: url)
    return url
}

/// The JSON objects of the output, one per line.
private func records(_ output: String) throws -> [[String: Any]] {
    try output.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any])
    }
}

@Suite("courtesy draft", .timeLimit(.minutes(1)))
struct DraftCommandTests {
    @Test("Good lines give drafts in input order; bad lines give error records with their line number; exit 1")
    func mixedInput() async throws {
        var input = Array(mentionLine(id: "1", text: "my parcel is 3 days late, not happy").utf8) + [0x0A]
        input += Array(#"{"schema":"courtesy.mention/v1","id":"2","platform":"x"}"#.utf8) + [0x0A]
        input += [0x0A]  // a blank line is skipped, but still counted
        input += Array(mentionLine(id: "4", text: "caf\u{E9}").utf8).map { $0 == 0xC3 ? 0xFF : $0 } + [0x0A]
        input += Array(("{\"schema\":\"" + String(repeating: "x", count: 70_000) + "\"}").utf8) + [0x0A]
        input += Array(mentionLine(id: "6", text: "thank you so much, the crew were amazing").utf8)
        let file = try temporaryFile(input)
        defer { try? FileManager.default.removeItem(at: file) }

        let result = try await Process.run(Tool.courtesy, ["draft", "--now", "2026-01-14T10:30:00Z", file.path])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains("3 of 5 lines failed"))
        let lines = try records(result.output)
        try #require(lines.count == 5)
        #expect(lines[0]["mentionId"] as? String == "1")
        #expect(lines[0]["schema"] as? String == "courtesy.draft/v1")
        let missing = try #require(lines[1]["error"] as? [String: Any])
        #expect(missing["line"] as? Int == 2)
        #expect(missing["reason"] as? String == "missing-field")
        #expect((missing["message"] as? String)?.isEmpty == false)
        let invalid = try #require(lines[2]["error"] as? [String: Any])
        #expect(invalid["line"] as? Int == 4)
        #expect(invalid["reason"] as? String == "invalid-utf8")
        #expect(invalid["field"] as? String == "text")
        let huge = try #require(lines[3]["error"] as? [String: Any])
        #expect(huge["line"] as? Int == 5)
        #expect(huge["reason"] as? String == "oversized")
        #expect(lines[4]["mentionId"] as? String == "6")
        #expect(lines[4]["tone"] as? String == "thanks")
    }

    @Test("All good from standard input: exit 0, and the same output every run with --now")
    func standardInput() async throws {
        let input =
            (1...20).map { mentionLine(id: "\($0)", text: "where is my order number \($0)?") }
            .joined(separator: "\n") + "\n"
        let first = try await Process.run(Tool.courtesy, ["draft", "--now", "2026-01-14T10:30:00Z"], input: input)
        let second = try await Process.run(Tool.courtesy, ["draft", "--now", "2026-01-14T10:30:00Z"], input: input)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output == second.output)
        let lines = try records(first.output)
        #expect(lines.map { $0["mentionId"] as? String } == (1...20).map { "\($0)" })
    }

    @Test("A configuration problem stops the command with status 2 before any output")
    func configurationError() async throws {
        let missing = try await Process.run(
            Tool.courtesy, ["draft", "--roster", "/nonexistent/agents.json"], input: mentionLine(id: "1", text: "hi"))
        #expect(missing.status == 2)
        #expect(missing.output.isEmpty)
        #expect(missing.error.contains("roster"))
        let badTime = try await Process.run(Tool.courtesy, ["draft", "--now", "yesterday"], input: "")
        #expect(badTime.status == 2)
    }
}
