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

    @Test("A facts file with a bad line stops the command with status 2 and names the line; a good one is used")
    func factsConfiguration() async throws {
        let bad = try temporaryFile(Array("product \"Galaxy S24\"\nidentifier parcel \"Parcel\" Z[0-9]+\n".utf8))
        defer { try? FileManager.default.removeItem(at: bad) }
        let refused = try await Process.run(
            Tool.courtesy, ["draft", "--facts", bad.path], input: mentionLine(id: "1", text: "hi"))
        #expect(refused.status == 2)
        #expect(refused.output.isEmpty)
        #expect(refused.error.contains("\(bad.path):2:"), "\(refused.error)")
        let good = try temporaryFile(Array("identifier order \"Acme order\" AC-[0-9]{6}\n".utf8))
        defer { try? FileManager.default.removeItem(at: good) }
        let drafted = try await Process.run(
            Tool.courtesy, ["draft", "--facts", good.path, "--now", "2026-01-14T10:30:00Z"],
            input: mentionLine(id: "1", text: "my parcel AC-123456 is 3 days late, not happy"))
        #expect(drafted.status == 0, "\(drafted.error)")
        let line = try #require(try records(drafted.output).first)
        let facts = try #require(line["facts"] as? [[String: Any]])
        #expect(facts.contains { $0["kind"] as? String == "order" && $0["value"] as? String == "AC-123456" })
        #expect((line["text"] as? String)?.contains("AC-123456") == true, "\(line)")
    }

    @Test("The memory applies across lines: a customer's second line knows the first; --memory-contacts 0 forgets")
    func memoryAcrossLines() async throws {
        let first = mentionLine(id: "1", text: "order #70412 still hasn't arrived, not happy")
        let other = mentionLine(id: "2", text: "my parcel is 3 days late, not happy")
        // The same author as line 1 (author id a1), two minutes later.
        let again = mentionLine(id: "3", text: "still nothing, this is the second time I'm asking")
            .replacingOccurrences(of: "\"a3\"", with: "\"a1\"")
            .replacingOccurrences(of: "10:00:00Z", with: "10:02:00Z")
        let input = [first, other, again].joined(separator: "\n") + "\n"
        let remembered = try await Process.run(Tool.courtesy, ["draft", "--now", "2026-01-14T10:30:00Z"], input: input)
        #expect(remembered.status == 0, "\(remembered.error)")
        let lines = try records(remembered.output)
        try #require(lines.count == 3)
        #expect(lines[0]["previousContacts"] == nil)
        #expect(lines[1]["previousContacts"] == nil)
        let contacts = try #require(lines[2]["previousContacts"] as? [[String: Any]])
        #expect(contacts.map { $0["id"] as? String } == ["1"])
        let text = try #require(lines[2]["text"] as? String)
        #expect(text.contains("#70412") || text.contains("earlier today"), "\(text)")
        #expect(!text.lowercased().contains("order number"), "\(text)")
        let forgetful = try await Process.run(
            Tool.courtesy, ["draft", "--now", "2026-01-14T10:30:00Z", "--memory-contacts", "0"], input: input)
        #expect(try records(forgetful.output)[2]["previousContacts"] == nil)
    }
}
