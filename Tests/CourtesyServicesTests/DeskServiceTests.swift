import CourtesyCore
import CourtesyDeskAPI
import CourtesyKafka
import Foundation
import Logging
import Testing

@testable import CourtesyServices

@Suite("The desk service against the embedded broker", .timeLimit(.minutes(2)))
struct DeskServiceTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["COURTESY_TEST_LOG"] == nil ? .critical : .debug
        return logger
    }()

    private static let sam = Approver(name: "Sam Rivera", role: .approver)
    private static let kim = Approver(name: "Kim Lee", role: .approver)

    private func draft(_ index: Int, author: Int, minutesAgo: Int = 5) -> Draft {
        let now = Timestamp.now()
        let mentionId = "m-\(index)"
        return Draft(
            id: Draft.identifier(platform: .x, mentionId: mentionId), mentionId: mentionId, platform: .x,
            brand: "acme", conversation: "x:\(author)", customer: Draft.Customer(name: "Jane", handle: "jane\(author)"),
            agent: Draft.Agent(id: "a1", name: "Sam"), intent: .complaint, tone: .apology, topics: ["delivery"],
            priority: Priority(level: index.isMultiple(of: 5) ? .urgent : .normal, score: 10, reasons: ["complaint"]),
            language: .english, reviewReason: nil, text: "Sorry about the wait, Jane. ^Sam",
            template: Draft.TemplateChoice(name: "en/complaint.x", variant: 1),
            createdAt: now.adding(seconds: -60 * minutesAgo), replyBy: now.adding(seconds: 3600 - 60 * index),
            excerpt: "@acme my parcel is late")
    }

    private func publish(_ drafts: [Draft], kafka: KafkaConfiguration) async throws {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        for draft in drafts {
            try await producer.sendAndAwait(
                KafkaProducerMessage(
                    topic: "courtesy.drafts", key: Array(draft.conversation.utf8), value: draft.jsonBytes()))
        }
        await producer.shutdown()
    }

    /// Every message `topic` holds now.
    private func contents(of topic: String, kafka: KafkaConfiguration) async throws -> [[UInt8]] {
        let reader = try await KafkaTopicReader(
            configuration: KafkaTopicReaderConfiguration(kafka: kafka, topics: [topic]), logger: logger)
        let values = try await reader.readToEnd().map { Array($0.value) }
        await reader.shutdown()
        return values
    }

    /// Starts a desk and waits until it has rebuilt its queue.
    private func startDesk(
        kafka: KafkaConfiguration, configuration: DeskServiceConfiguration = DeskServiceConfiguration()
    ) async throws -> (DeskService, Task<Void, any Error>) {
        let desk = DeskService(kafka: kafka, configuration: configuration, logger: logger)
        let running = Task { try await desk.run() }
        let deadline = ContinuousClock.now + .seconds(20)
        while await !desk.isReady() {
            guard ContinuousClock.now < deadline else {
                throw DeskAPIError(.unavailable, "the desk never became ready")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return (desk, running)
    }

    private func stop(_ desk: (DeskService, Task<Void, any Error>)) async throws {
        desk.0.stop()
        try await desk.1.value
    }

    @Test("after a restart the desk rebuilds the same queue, decisions stand and each approval has one reply")
    func rebuildAfterRestart() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let drafts = (0..<30).map { draft($0, author: $0 % 12) }
        try await publish(drafts, kafka: kafka)

        let first = try await startDesk(kafka: kafka)
        let before = try await first.0.list(filter: DeskFilter(), limit: 1_000)
        #expect(before.pending == 30)
        // Drafts 0..11 are the only ones of their authors below 12; 12 and 24 share author 0 with draft 0.
        let approved = try await first.0.decide(drafts[0].id, .approve(), by: Self.sam, scope: .conversation)
        #expect(approved.decisions.map(\.action) == [.approve, .answered, .answered])
        _ = try await first.0.decide(
            drafts[1].id, .approve(text: "Jane, we're on it. ^Sam"), by: Self.sam, scope: .draft)
        _ = try await first.0.decide(drafts[2].id, .reject(reason: "spam"), by: Self.kim, scope: .draft)
        let remaining = try await first.0.list(filter: DeskFilter(), limit: 1_000)
        #expect(remaining.pending == 25)
        try await stop(first)

        let second = try await startDesk(kafka: kafka)
        let after = try await second.0.list(filter: DeskFilter(), limit: 1_000)
        #expect(after.drafts.map(\.id) == remaining.drafts.map(\.id))
        await #expect(throws: DeskAPIError.self) {
            try await second.0.decide(drafts[1].id, .approve(), by: Self.kim, scope: .draft)
        }
        // What was sent, rebuilt from the log: the text of an approval or an edit, none for the others.
        #expect(try await second.0.show(drafts[1].id).decision?.text == "Jane, we're on it. ^Sam")
        #expect(try await second.0.show(drafts[1].id).decision?.action == .edit)
        #expect(try await second.0.show(drafts[0].id).decision?.text == drafts[0].text)
        #expect(try await second.0.show(drafts[2].id).decision?.text == nil)
        #expect(try await second.0.show(drafts[12].id).decision?.action == .answered)
        #expect(try await second.0.show(drafts[12].id).decision?.text == nil)
        do {
            _ = try await second.0.decide(drafts[1].id, .approve(), by: Self.kim, scope: .draft)
        } catch {
            #expect(error.decision?.text == "Jane, we're on it. ^Sam")
        }
        do {
            _ = try await second.0.decide(drafts[2].id, .approve(), by: Self.sam, scope: .draft)
            Issue.record("a second decision on a rejected draft was accepted")
        } catch {
            #expect(error.code == .conflict)
            #expect(error.message.contains("rejected by Kim Lee"))
        }
        try await stop(second)

        let decisions = try await contents(of: "courtesy.decisions", kafka: kafka).map { try Decision(json: $0) }
        #expect(decisions.count == 5)
        let replies = try await contents(of: "courtesy.replies", kafka: kafka).map { try Reply(json: $0) }
        #expect(Set(replies.map(\.id)) == [drafts[0].id, drafts[1].id])
        #expect(replies.count == 2)
        #expect(replies.first { $0.id == drafts[1].id }?.text == "Jane, we're on it. ^Sam")
    }

    @Test("the publisher's outcomes reach show and list; a reply takes its account from the desk's accounts file")
    func publications() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let drafts = (0..<3).map { draft($0, author: $0) }
        try await publish(drafts, kafka: kafka)
        let accounts = try ReplyAccounts(parsing: "acme/x @acme_help\n", source: "accounts")
        let desk = try await startDesk(kafka: kafka, configuration: DeskServiceConfiguration(accounts: accounts))
        for draft in drafts.prefix(2) {
            let result = try await desk.0.decide(draft.id, .approve(), by: Self.sam, scope: .draft)
            #expect(result.reply != nil)
        }
        let replies = try await contents(of: "courtesy.replies", kafka: kafka).map { try Reply(json: $0) }
        #expect(replies.count == 2 && replies.allSatisfy { $0.account == "@acme_help" && $0.brand == "acme" })
        #expect(try await desk.0.show(drafts[0].id).publication == nil, "queued for posting until the publisher says")

        // What a publisher records: the first posted, the first posted again after a crash, the second refused.
        // All on one partition, in this order, so once the refusal is seen the repost has been read before it.
        let now = Timestamp.now()
        let outcomes = [
            Publication(
                replyId: drafts[0].id, platform: .x, conversation: drafts[0].conversation, brand: "acme",
                outcome: .posted, status: 201, postId: "p-1", reason: nil, attempts: 2, approvedAt: now, at: now),
            Publication(
                replyId: drafts[0].id, platform: .x, conversation: drafts[0].conversation, brand: "acme",
                outcome: .posted, status: 200, postId: "p-2", reason: nil, attempts: 1, approvedAt: now,
                at: now.adding(seconds: 5)),
            Publication(
                replyId: drafts[1].id, platform: .x, conversation: drafts[1].conversation, brand: "acme",
                outcome: .failed, status: 422, postId: nil, reason: "HTTP 422: too long", attempts: 1,
                approvedAt: now, at: now),
        ]
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        for publication in outcomes {
            try await producer.sendAndAwait(
                KafkaProducerMessage(
                    topic: "courtesy.publications", partition: 0, key: Array(publication.replyId.utf8),
                    value: publication.jsonBytes()))
        }
        await producer.shutdown()
        let deadline = ContinuousClock.now + .seconds(10)
        while try await desk.0.list(filter: DeskFilter(), limit: 10).failedToPost != 1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        let list = try await desk.0.list(filter: DeskFilter(), limit: 10)
        #expect(list.posted == 1 && list.failedToPost == 1)
        let posted = try await desk.0.show(drafts[0].id).publication
        #expect(posted?.outcome == "posted" && posted?.postId == "p-1", "the first post stands")
        #expect(try await desk.0.show(drafts[1].id).publication?.reason == "HTTP 422: too long")
        try await stop(desk)
    }

    @Test("an approval whose reply never appeared gets it published once, even across restarts")
    func owedReplyIsPublishedOnce() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let pending = draft(1, author: 1)
        try await publish([pending], kafka: kafka)
        // As if a desk stopped between recording the decision and publishing its reply.
        var queue = DeskQueue()
        queue.apply(draft: pending)
        let outcome = try queue.decide(pending.id, .approve(), by: Self.sam, at: Timestamp.now().adding(seconds: -60))
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        try await producer.sendAndAwait(
            KafkaProducerMessage(
                topic: "courtesy.decisions", key: Array(pending.id.utf8), value: outcome.decisions[0].jsonBytes()))
        await producer.shutdown()

        var configuration = DeskServiceConfiguration()
        configuration.replyRecoveryDelay = .seconds(1)
        configuration.housekeepingInterval = .milliseconds(200)
        for _ in 0..<2 {
            let desk = try await startDesk(kafka: kafka, configuration: configuration)
            #expect(try await desk.0.list(filter: DeskFilter(), limit: 10).pending == 0)
            try await Task.sleep(for: .seconds(1))
            try await stop(desk)
        }
        let replies = try await contents(of: "courtesy.replies", kafka: kafka).map { try Reply(json: $0) }
        #expect(replies.map(\.id) == [pending.id])
        #expect(replies.first?.approvedBy == "Sam Rivera")
    }

    @Test("a decision the desk cannot read back keeps its draft decided across restarts: no second approval or reply")
    func unreadableDecisionKeepsDraftDecided() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let oversized = draft(1, author: 1)
        let garbled = draft(2, author: 2)
        let unkeyed = draft(3, author: 3)
        try await publish([oversized, garbled, unkeyed], kafka: kafka)
        // As an earlier desk recorded them: an edit over the text limit, and bytes that are no decision
        // at all under the draft's key; garbage without a draft id for a key closes nothing.
        let tooLong = Decision(
            draft: oversized, action: .edit, text: String(repeating: "A", count: 17_000), approver: "Sam Rivera",
            reason: nil, decidedAt: .now())
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        for (key, value) in [
            (oversized.id, tooLong.jsonBytes()), (garbled.id, Array(#"{"schema":"courtesy.decision/v1","#.utf8)),
            (unkeyed.conversation, Array("not a decision".utf8)),
        ] {
            try await producer.sendAndAwait(
                KafkaProducerMessage(topic: "courtesy.decisions", key: Array(key.utf8), value: value))
        }
        await producer.shutdown()

        for _ in 0..<2 {
            let desk = try await startDesk(kafka: kafka)
            let list = try await desk.0.list(filter: DeskFilter(), limit: 10)
            #expect(list.drafts.map(\.id) == [unkeyed.id])
            #expect(try await desk.0.summary().decided == 2)
            for closed in [oversized, garbled] {
                do {
                    _ = try await desk.0.decide(closed.id, .approve(), by: Self.kim, scope: .draft)
                    Issue.record("a draft whose decision cannot be read was approved again")
                } catch {
                    #expect(error.code == .conflict)
                    #expect(error.message.contains("its decision cannot be read back"))
                }
                #expect(try await desk.0.show(closed.id).status == "decided-unreadable")
            }
            try await stop(desk)
        }
        #expect(try await contents(of: "courtesy.decisions", kafka: kafka).count == 3)
        #expect(try await contents(of: "courtesy.replies", kafka: kafka).isEmpty)
    }

    @Test("two approvers deciding one customer's drafts at once: one wins, the other is told who")
    func concurrentDecisions() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let drafts = [draft(1, author: 7), draft(2, author: 7)]
        try await publish(drafts, kafka: kafka)
        let desk = try await startDesk(kafka: kafka)
        func attempt(_ draft: Draft, by approver: Approver) async -> Result<DeskAPI.DecisionResult, DeskAPIError> {
            do throws(DeskAPIError) {
                return .success(try await desk.0.decide(draft.id, .approve(), by: approver, scope: .conversation))
            } catch {
                return .failure(error)
            }
        }
        async let first = attempt(drafts[0], by: Self.sam)
        async let second = attempt(drafts[1], by: Self.kim)
        let results = await [first, second]
        let failures = results.compactMap { result -> DeskAPIError? in
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(failures.count == 1)
        #expect(failures.first?.code == .conflict)
        #expect(
            failures.first?.message.contains("by Sam Rivera") == true
                || failures.first?.message.contains("by Kim Lee") == true)
        try await stop(desk)
        let replies = try await contents(of: "courtesy.replies", kafka: kafka)
        #expect(replies.count == 1)
    }

    @Test("with the broker down a decision is refused as unavailable and the draft stays pending")
    func brokerDown() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let pending = draft(1, author: 1)
        try await publish([pending], kafka: kafka)
        var configuration = DeskServiceConfiguration()
        configuration.deliveryTimeout = .seconds(2)
        let desk = try await startDesk(kafka: kafka, configuration: configuration)
        for broker in cluster.brokerIDs { try cluster.setBrokerDown(broker) }
        let started = ContinuousClock.now
        do {
            _ = try await desk.0.decide(pending.id, .approve(), by: Self.sam, scope: .draft)
            Issue.record("a decision was accepted with no broker to record it")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("no reply was published"))
        }
        // Within the configured 2 s delivery timeout and its retries, not the default 15 s.
        #expect(ContinuousClock.now - started < .seconds(14))
        #expect(try await desk.0.list(filter: DeskFilter(), limit: 10).pending == 1)
        for broker in cluster.brokerIDs { try cluster.setBrokerUp(broker) }
        try await stop(desk)
    }
}
