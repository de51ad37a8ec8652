import CourtesyCore
import CourtesyDeskAPI
import CourtesyKafka
import Foundation
import HostileCorpus
import Testing

@testable import CourtesyServices

@Suite("The desk's API and hostile reply text", .timeLimit(.minutes(1)))
struct DeskTextTests {
    private typealias Server = DeskTestServer

    private func body(text: String) throws -> String {
        let data = try JSONEncoder().encode(DeskAPI.ApproveRequest(text: text, scope: "draft"))
        return String(decoding: data, as: UTF8.self)
    }

    @Test("every hostile X edit gets 422 invalid_input and decides nothing; real text is approved, as sent")
    func hostileEditsOverHTTP() async throws {
        try await Server.withDesk(rateLimits: .unlimited) { base, draft, kafka in
            let approve = base.appendingPathComponent("v1/drafts/\(draft.id)/approve")
            for edit in HostileEdit.corpus where edit.platform == "x" && !edit.accepted {
                let answer = try await Server.send(
                    "POST", approve, token: Server.approverToken, body: body(text: edit.text))
                #expect(answer.status == 422 && Server.code(answer.json) == "invalid_input", "\(edit.name)")
                #expect(Server.message(answer.json).hasPrefix("the reply text "), "\(edit.name)")
            }
            let shown = try await Server.send(
                "GET", base.appendingPathComponent("v1/drafts/\(draft.id)"), token: Server.approverToken)
            #expect(shown.json["status"] as? String == "pending")

            let real = try #require(HostileEdit.real.first { $0.name == "edit-emoji" })
            let approved = try await Server.send(
                "POST", approve, token: Server.approverToken, body: body(text: real.text))
            #expect(approved.status == 200)
            let reader = try await KafkaTopicReader(
                configuration: KafkaTopicReaderConfiguration(kafka: kafka, topics: ["courtesy.replies"]),
                logger: Server.quietLogger)
            let replies = try await reader.readToEnd().map { try Reply(json: Array($0.value)) }
            await reader.shutdown()
            #expect(replies.map(\.text) == [real.text])
        }
    }
}
