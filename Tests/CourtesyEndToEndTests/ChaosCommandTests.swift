import Foundation
import Testing

@Suite("courtesy-lab chaos: the loop under faults", .timeLimit(.minutes(3)))
struct ChaosCommandTests {
    @Test("a short run under every kind of fault: nothing lost, nothing doubled, every decision recorded and posted")
    func shortRun() async throws {
        let result = try await Process.run(
            Tool.courtesyLab, ["chaos", "--duration", "24", "--rate", "60", "--fault-interval", "2", "--json"],
            timeout: .seconds(170))
        let last = try #require(result.output.split(separator: "\n").last, "no output; stderr: \(result.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        let mentions = try #require(report["mentions"] as? Int)
        #expect(mentions > 500)
        #expect(report["drafts"] as? Int == mentions)
        #expect(report["duplicates"] as? Int == 0)
        #expect(report["lost"] as? Int == 0)
        #expect(report["draftsWithTwoTexts"] as? Int == 0, "a draft replayed with another text")
        #expect(report["repeatContacts"] is Int, "drafts naming earlier contacts are counted")
        #expect(report["decisionsLost"] as? Int == 0)
        #expect(report["repliesDuplicated"] as? Int == 0)
        #expect(report["deskAgrees"] as? Bool == true)
        #expect((report["faults"] as? Int ?? 0) >= 9, "every kind of fault at least once")
        #expect((report["approvals"] as? Int ?? 0) > 0)
        #expect((report["poisonRecords"] as? Int ?? 0) >= 2, "a poison record every 10 s")
        #expect(report["poisonMissing"] as? Int == 0, "every poison record dead-lettered")
        #expect((report["oversizedEdits"] as? Int ?? 0) > 0)
        #expect(report["oversizedEditsRefused"] as? Int == report["oversizedEdits"] as? Int)
        #expect(report["decisionsUnreadable"] as? Int == 0)
        #expect((report["posted"] as? Int ?? 0) > 0, "the publisher posted approved replies")
        #expect(report["postsDuplicatedByKey"] as? Int == 0)
        #expect(report["repliesNotPosted"] as? Int == 0)
        #expect(report["passed"] as? Bool == true)
        #expect(result.status == 0, "\(result.error)")
    }
}
