import Foundation
import Testing

@Suite("courtesy sample-mentions", .timeLimit(.minutes(1)))
struct SampleMentionsCommandTests {
    @Test("Prints --count mention events, one a line, the same for the same seed and start")
    func jsonLines() async throws {
        let arguments = ["sample-mentions", "--count", "300", "--seed", "5", "--start", "2026-01-14T10:00:00Z"]
        let result = try await Process.run(Tool.courtesy, arguments)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 300)
        #expect(result.output.hasSuffix("\n"))
        var ids: Set<String> = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["schema"] as? String == "courtesy.mention/v1")
            let id = try #require(object["id"] as? String)
            let platform = try #require(object["platform"] as? String)
            ids.insert(platform + ":" + id)
            #expect((object["text"] as? String)?.isEmpty == false)
            #expect(object["createdAt"] is String)
            let author = try #require(object["author"] as? [String: Any])
            #expect(author["id"] is String)
        }
        #expect(ids.count == 300)
        let again = try await Process.run(Tool.courtesy, arguments)
        #expect(again.output == result.output)
    }

    @Test("--format kcat prints the conversation key, a tab and the event; the drafts command takes the events")
    func kcatLines() async throws {
        let result = try await Process.run(
            Tool.courtesy, ["sample-mentions", "--count", "200", "--seed", "9", "--format", "kcat"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 200)
        var events: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "\(line)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(fields[1].utf8)) as? [String: Any])
            let platform = try #require(object["platform"] as? String)
            let author = try #require(object["author"] as? [String: Any])
            #expect(fields[0] == platform + ":" + (try #require(author["id"] as? String)))
            events.append(String(fields[1]))
        }
        let drafted = try await Process.run(
            Tool.courtesy, ["draft", "--now", "2026-01-14T10:30:00Z"], input: events.joined(separator: "\n") + "\n")
        #expect(drafted.status == 0, "\(drafted.error)")
        #expect(drafted.output.split(separator: "\n").count == 200)
    }

    @Test("A bad --start or --count is refused with a message")
    func badOptions() async throws {
        let start = try await Process.run(Tool.courtesy, ["sample-mentions", "--start", "yesterday"])
        #expect(start.status != 0)
        #expect(start.error.contains("RFC 3339"))
        let count = try await Process.run(Tool.courtesy, ["sample-mentions", "--count", "-1"])
        #expect(count.status != 0)
    }
}
