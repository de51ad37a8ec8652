import CourtesyCommandSupport
import CourtesyCore
import CourtesyDeskAPI
import CourtesyKafka
import CourtesyLocking
import CourtesyReview
import CourtesyServices
import Foundation
import Logging

/// The loop under test: an embedded cluster in this process, two responders, a desk and a publisher as
/// children, an approver, a webhook receiver that fails on purpose, and the faults.
final class ChaosRig: Sendable {
    /// Partitions enough that a soak's events fit the embedded broker's 5 MiB per partition.
    /// Courtesy's topics as `courtesy topics create` makes them, with 16 partitions for the busy ones (the
    /// conversations' changelog as many as the mentions, which it is co-partitioned with).
    static let topics = CourtesyTopics.all(mentionPartitions: 16).map { topic in
        (topic.name, topic.partitions >= 12 ? 16 : topic.partitions)
    }

    let cluster: EmbeddedKafkaCluster
    let bootstrap: String
    let deskURL: String
    private let directory: URL
    private let token: String
    private let responders: [ChildProcess]
    private let desk: ChildProcess
    private let publisher: ChildProcess
    let receiver: ChaosReceiver
    private let logger: Logger
    private let say: @Sendable (String) -> Void
    private let faults = Locked<[String: Int]>([:])
    private let approved = Locked<Set<String>>([])
    private let oversizedEdits = Locked<(tried: Int, refused: Int)>((0, 0))
    private let samples = Locked<[ChaosSample]>([])

    init(logger: Logger, say: @escaping @Sendable (String) -> Void) throws {
        self.logger = logger
        self.say = say
        cluster = try EmbeddedKafkaCluster(brokers: 3)
        bootstrap = cluster.bootstrapServers
        for (topic, partitions) in Self.topics {
            try cluster.createTopic(topic, partitions: partitions)
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-chaos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        token = ApproverToken.generate()
        let approvers = directory.appendingPathComponent("approvers.json")
        let hash = ApproverToken.sha256Hex(of: token)
        try Data(#"{"approvers":[{"name":"Chaos Approver","role":"approver","tokenSHA256":"\#(hash)"}]}"#.utf8)
            .write(to: approvers)
        // The desk refuses an approvers file others may write, whatever the umask made of it.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: approvers.path)
        let port = try PortCheck.freePort()
        deskURL = "http://127.0.0.1:\(port)"
        let kafka = ["--bootstrap", cluster.bootstrapServers, "--kafka-property", "heartbeat.interval.ms=500"]
        let logs = directory
        responders = (1...2).map { index in
            ChildProcess(
                name: "responder-\(index)",
                arguments: ["responder", "--http-host", "127.0.0.1", "--http-port", "0", "--session-timeout", "6"]
                    + kafka,
                logDirectory: logs)
        }
        desk = ChildProcess(
            name: "desk",
            arguments: [
                "desk", "--approvers", approvers.path, "--http-host", "127.0.0.1", "--http-port", String(port),
                "--bootstrap", cluster.bootstrapServers,
            ],
            logDirectory: directory)
        receiver = try ChaosReceiver(logger: logger)
        publisher = ChildProcess(
            name: "publisher",
            arguments: [
                "publish", "--webhook", receiver.webhook, "--timeout", String(ChaosReceiver.publisherTimeoutSeconds),
                "--http-host", "127.0.0.1", "--http-port", "0", "--session-timeout", "6",
            ] + kafka,
            logDirectory: directory)
    }

    private var children: [ChildProcess] { responders + [desk, publisher] }

    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Starting and stopping

    func start() async throws {
        try desk.start()
        for responder in responders { try responder.start() }
        try publisher.start()
        guard await Readiness.wait(for: deskURL, timeout: .seconds(30)) else {
            throw ChaosError("the desk did not become ready; see its log")
        }
        for responder in responders {
            let deadline = ContinuousClock.now + .seconds(30)
            while responder.line(after: "metrics: ") == nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    func stopAll() async {
        for child in children {
            await child.stop()
        }
        receiver.stop()
    }

    /// Every broker up, no injected errors, every process running and none frozen.
    func heal() async {
        for broker in cluster.brokerIDs {
            try? cluster.setBrokerUp(broker)
        }
        for request in [KafkaRequest.produce, .fetch, .offsetCommit] {
            cluster.clearInjectedErrors(for: request)
        }
        for child in children {
            child.signal(SIGCONT)
            if !child.isRunning { try? child.start() }
        }
    }

    // MARK: The run

    /// What ``drive(duration:rate:faultInterval:seed:)`` sent and the broker acknowledged.
    struct Sent {
        /// The ids of the sample mentions, each of which must be drafted.
        var mentions: [String]
        /// The ids of the poison records, each of which must be dead-lettered.
        var poisonRecords: [String]
    }

    /// The size of a poison record: Apache Kafka's default largest message.
    static let poisonRecordBytes = 1_048_588
    /// Delivery tokens at or above this are poison records'.
    private static let poisonTokens: UInt64 = 1 << 40

    /// Sends mentions at `rate` for `duration`, and a poison record every 10 s, while an approver
    /// approves (now and then with an edit too large to record) and faults happen.
    func drive(duration: Duration, rate: Int, faultInterval: Double?, seed: UInt64) async throws -> Sent {
        let acknowledged = Locked<Set<UInt64>>([])
        var kafka = KafkaConfiguration(bootstrapServers: bootstrap, clientID: "courtesy-chaos", statisticsInterval: nil)
        // Poison records are larger than a producer sends by default, as a connector with a raised limit sends them.
        kafka.properties["message.max.bytes"] = String(2 * Self.poisonRecordBytes)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger) {
            reports in
            let delivered = reports.filter { $0.error == nil }.map(\.token)
            acknowledged.withLock { $0.formUnion(delivered) }
        }
        var ids: [String] = []
        var poisonIds: [String] = []
        var lastPoison = ContinuousClock.now - .seconds(8)
        var samples = try SampleMentions(seed: seed, start: .now())
        samples.meanSecondsBetweenMentions = 1 / Double(rate)
        // Customers write again within the run, so that the responders' memory is under the faults too.
        samples.followUpSeconds = 2...15
        let started = ContinuousClock.now
        let end = started + duration
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let faultInterval { group.addTask { await self.causeFaults(every: faultInterval, until: end) } }
            group.addTask { await self.approve(until: end) }
            var lastReport = ContinuousClock.now
            // Ten sends a second, each a tenth of the rate.
            while ContinuousClock.now < end {
                let tick = ContinuousClock.now
                for _ in 0..<max(1, rate / 10) {
                    let mention = samples.nextMention()
                    try await producer.send(
                        KafkaProducerMessage(
                            topic: "courtesy.mentions", key: Array(mention.conversationKey.utf8),
                            value: mention.jsonBytes()),
                        token: UInt64(ids.count))
                    ids.append(mention.id)
                }
                if ContinuousClock.now - lastPoison >= .seconds(10) {
                    lastPoison = ContinuousClock.now
                    let id = "poison-\(poisonIds.count + 1)"
                    try await producer.send(
                        KafkaProducerMessage(
                            topic: "courtesy.mentions", key: Array("x:\(id)".utf8),
                            value: Self.poisonRecord(id: id, bytes: Self.poisonRecordBytes)),
                        token: Self.poisonTokens + UInt64(poisonIds.count))
                    poisonIds.append(id)
                }
                if ContinuousClock.now - lastReport >= .seconds(5) {
                    lastReport = ContinuousClock.now
                    let faultCount = faults.withLock { $0.values.reduce(0, +) }
                    say("\(ids.count) mentions sent, \(faultCount) faults, \(approved.withLock { $0.count }) approvals")
                    await sample(sent: ids.count, since: started)
                }
                try await Task.sleep(until: tick + .milliseconds(100))
            }
            try await group.waitForAll()
        }
        await producer.shutdown()
        let delivered = acknowledged.withLock { $0 }
        return Sent(
            mentions: ids.enumerated().filter { delivered.contains(UInt64($0.offset)) }.map(\.element),
            poisonRecords: poisonIds.enumerated().filter { delivered.contains(Self.poisonTokens + UInt64($0.offset)) }
                .map(\.element))
    }

    /// A mention event of `bytes` bytes whose text is "A"s: no responder may draft it, or stop on it.
    static func poisonRecord(id: String, bytes: Int) -> [UInt8] {
        let head =
            #"{"schema":"courtesy.mention/v1","id":"\#(id)","platform":"x","brand":"acme","#
            + #""author":{"id":"\#(id)","handle":"poison"},"createdAt":"2026-01-14T10:00:00Z","text":""#
        let tail = #""}"#
        return Array(head.utf8)
            + [UInt8](repeating: UInt8(ascii: "A"), count: bytes - head.utf8.count - tail.utf8.count)
            + Array(tail.utf8)
    }

    /// The mention id a dead letter's value starts with, when it is a poison record's.
    static func poisonRecordId(in value: [UInt8]) -> String? {
        let text = String(decoding: value.prefix(200), as: UTF8.self)
        guard let start = text.range(of: #""id":"poison-"#), let end = text[start.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return "poison-" + text[start.upperBound..<end]
    }

    /// Notes how far behind the desk is and how much memory each process holds.
    private func sample(sent: Int, since started: ContinuousClock.Instant) async {
        let summary = await deskSummary()
        let sample = ChaosSample(
            seconds: (ContinuousClock.now - started).seconds, sent: sent,
            atDesk: summary.map { $0.pending + $0.decided },
            responderResidentBytes: responders.map(\.residentBytes), deskResidentBytes: desk.residentBytes)
        samples.withLock { $0.append(sample) }
    }

    private func causeFaults(every interval: Double, until end: ContinuousClock.Instant) async {
        var next = 0
        while ContinuousClock.now + .milliseconds(Int64(interval * 1_000)) < end {
            try? await Task.sleep(for: .milliseconds(Int64(interval * 1_000)))
            let fault = ChaosFault.allCases[next % ChaosFault.allCases.count]
            next += 1
            say("fault: \(fault.rawValue)")
            faults.withLock { $0[fault.rawValue, default: 0] += 1 }
            await cause(fault)
        }
    }

    private func cause(_ fault: ChaosFault) async {
        if let (request, errors) = fault.injected {
            cluster.injectErrors(errors, into: request)
            return
        }
        switch fault {
        case .responderKilled:
            let responder = responders[Int.random(in: 0..<responders.count)]
            responder.killNow()
            try? await Task.sleep(for: .seconds(1))
            try? responder.start()
        case .deskKilled:
            desk.killNow()
            try? desk.start()
        case .publisherKilled:
            publisher.killNow()
            try? await Task.sleep(for: .seconds(1))
            try? publisher.start()
        case .brokerDown:
            guard let broker = cluster.brokerIDs.randomElement() else { return }
            try? cluster.setBrokerDown(broker)
            try? await Task.sleep(for: .seconds(2))
            try? cluster.setBrokerUp(broker)
        case .clusterDown:
            for broker in cluster.brokerIDs { try? cluster.setBrokerDown(broker) }
            try? await Task.sleep(for: .seconds(2))
            for broker in cluster.brokerIDs { try? cluster.setBrokerUp(broker) }
        case .consumerStalled:
            let responder = responders[Int.random(in: 0..<responders.count)]
            responder.signal(SIGSTOP)
            // Past the 6 s session timeout; not tied to this task, so it is thawed even if the run ends.
            Task.detached {
                try? await Task.sleep(for: .seconds(8))
                responder.signal(SIGCONT)
            }
        case .produceErrors, .fetchErrors, .commitErrors:
            break
        }
    }

    /// Edits no platform accepts, each once refused with a draft that was then read back as pending:
    /// 17,000 characters, a letter under 20,000 combining marks, 1,500 emoji sequences.
    static let oversizedEdits = [
        String(repeating: "a", count: 17_000), "H" + String(repeating: "\u{301}", count: 20_000),
        String(repeating: "\u{1F469}\u{200D}\u{1F4BB}", count: 1_500),
    ]

    /// After healing, approves until the run holds an approval and an oversized edit, for at most `limit`:
    /// faults can keep the desk down or the drafts late for the whole of a short run on a loaded machine,
    /// and the audit's checks of decisions need some to check.
    func approveIfNoneYet(within limit: Duration) async {
        let done = {
            self.approved.withLock { !$0.isEmpty } && self.oversizedEdits.withLock { $0.tried > 0 }
        }
        guard !done() else { return }
        _ = await Readiness.wait(for: deskURL, timeout: limit)
        await approve(until: ContinuousClock.now + limit, stoppingWhen: done)
    }

    /// Approves the most urgent draft a few times a second, as a busy approver would; every fifth time it
    /// first tries an edit too large to record, which the desk must refuse (or record readably).
    private func approve(until end: ContinuousClock.Instant, stoppingWhen stop: () -> Bool = { false }) async {
        guard let client = try? deskClient() else { return }
        var round = 0
        while ContinuousClock.now < end, !stop() {
            try? await Task.sleep(for: .milliseconds(250))
            guard let list = try? await client.drafts(DeskQuery(limit: 3)), let draft = list.body.drafts.first else {
                continue
            }
            round += 1
            if round % 5 == 0 {
                let edit = Self.oversizedEdits[(round / 5) % Self.oversizedEdits.count]
                do {
                    _ = try await client.approve(id: draft.id, DeskAPI.ApproveRequest(text: edit, scope: "draft"))
                    oversizedEdits.withLock { $0.tried += 1 }
                    _ = approved.withLock { $0.insert(draft.id) }
                    continue
                } catch {
                    if error.exitCode == .invalidInput {
                        oversizedEdits.withLock { $0 = ($0.tried + 1, $0.refused + 1) }
                    }
                }
            }
            if (try? await client.approve(id: draft.id, DeskAPI.ApproveRequest(scope: "draft"))) != nil {
                _ = approved.withLock { $0.insert(draft.id) }
            }
        }
        await client.shutdown()
    }

    /// The desk's summary through a client made for it, or `nil` when the desk does not answer.
    private func deskSummary() async -> DeskAPI.Summary? {
        guard let client = try? deskClient() else { return nil }
        let summary = try? await client.summary().body
        await client.shutdown()
        return summary
    }

    private func deskClient() throws(ReviewError) -> HTTPDeskClient {
        try HTTPDeskClient(
            configuration: ReviewConfiguration(
                deskURL: deskURL, deskURLSource: .flag, token: token, tokenSource: .flag),
            timeout: .seconds(5))
    }

    // MARK: The checks

    /// Waits for the loop to settle, then checks every guarantee against the topics and the desk.
    func settleAndAudit(_ sent: Sent) async throws -> ChaosReport {
        let mentions = sent.mentions
        guard await Readiness.wait(for: deskURL, timeout: .seconds(60)) else {
            throw ChaosError("the desk did not come back after the run; see its log")
        }
        let client = try deskClient()
        defer { Task { await client.shutdown() } }
        let settled = ContinuousClock.now + .seconds(120)
        var lastSummary: DeskAPI.Summary?
        while ContinuousClock.now < settled {
            if let summary = try? await client.summary().body {
                lastSummary = summary
                if summary.pending + summary.decided >= mentions.count { break }
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        say("settled: \(lastSummary.map { "\($0.pending) pending, \($0.decided) decided at the desk" } ?? "no answer")")
        // An approval whose reply was cut off by a kill is published again 30 s after its decision, and a
        // decision the broker stored after the desk gave up waiting reaches the desk when it reads it back:
        // both converge, so the audit looks again until they have, or the deadline passes.
        let repliesDeadline = ContinuousClock.now + .seconds(50)
        var report = try await audit(sent)
        while report.repliesMissing > 0 || report.poisonMissing > 0 || !report.deskAgrees
            || report.repliesNotPosted > 0,
            ContinuousClock.now < repliesDeadline
        {
            try await Task.sleep(for: .seconds(2))
            report = try await audit(sent)
        }
        return report
    }

    private func audit(_ run: Sent) async throws -> ChaosReport {
        let mentions = run.mentions
        let contents = try await readTopics([
            "courtesy.drafts", "courtesy.decisions", "courtesy.replies", "courtesy.mentions.dlq",
        ])
        var report = ChaosReport()
        report.mentions = mentions.count
        report.faults = faults.withLock { $0 }
        report.samples = samples.withLock { $0 }
        let approvedIds = approved.withLock { $0 }
        report.approvals = approvedIds.count
        (report.oversizedEdits, report.oversizedEditsRefused) = oversizedEdits.withLock { $0 }

        var draftsByMention: [String: Set<String>] = [:]
        var textsByDraft: [String: Set<String>] = [:]
        var withEarlierContacts: Set<String> = []
        var draftEvents = 0
        for bytes in contents["courtesy.drafts"] ?? [] {
            guard let draft = try? Draft(json: bytes) else { continue }
            draftEvents += 1
            draftsByMention[draft.mentionId, default: []].insert(draft.id)
            textsByDraft[draft.id, default: []].insert(draft.text)
            if !draft.previousContacts.isEmpty { withEarlierContacts.insert(draft.id) }
        }
        // A draft made again after a crash or a rebalance must say what it said the first time.
        report.draftsWithTwoTexts = textsByDraft.values.filter { $0.count > 1 }.count
        for (id, _) in textsByDraft.filter({ $0.value.count > 1 }).sorted(by: { $0.key < $1.key }).prefix(3) {
            let events = (contents["courtesy.drafts"] ?? []).compactMap { try? Draft(json: $0) }.filter { $0.id == id }
            report.twoTextExamples.append([
                "id": .string(id),
                "drafts": .array(
                    events.map { draft in
                        [
                            "text": .string(draft.text),
                            "template": .string("\(draft.template.name) #\(draft.template.variant)"),
                            "previousContacts": .array(draft.previousContacts.map { .string($0.mentionId) }),
                        ]
                    }),
            ])
        }
        report.repeatContacts = withEarlierContacts.count
        let sent = Set(mentions)
        var draftIds: Set<String> = []
        for id in sent {
            let drafts = draftsByMention[id] ?? []
            if drafts.isEmpty { report.lost += 1 }
            if drafts.count > 1 { report.duplicates += 1 }
            draftIds.formUnion(drafts)
        }
        report.drafts = draftIds.count
        report.redrafted = max(0, draftEvents - draftIds.count)

        var decided: Set<String> = []
        var approvedOnTopic: Set<String> = []
        for bytes in contents["courtesy.decisions"] ?? [] {
            guard let decision = try? Decision(json: bytes) else {
                report.decisionsUnreadable += 1
                continue
            }
            decided.insert(decision.draftId)
            if decision.action == .approve || decision.action == .edit { approvedOnTopic.insert(decision.draftId) }
        }
        report.decisionsLost = approvedIds.subtracting(decided).count

        var replyCounts: [String: Int] = [:]
        for bytes in contents["courtesy.replies"] ?? [] {
            guard let reply = try? Reply(json: bytes) else { continue }
            replyCounts[reply.id, default: 0] += 1
        }
        report.repliesDuplicated = replyCounts.values.filter { $0 > 1 }.count
        report.repliesMissing = approvedOnTopic.filter { replyCounts[$0] == nil }.count
        let posted = receiver.posted
        report.posted = posted.count
        report.postRequests = receiver.requests
        report.postsDuplicatedByKey = receiver.postsDuplicatedByKey
        report.repostedWithSameKey = receiver.repostedWithSameKey
        report.repliesNotPosted = Set(replyCounts.keys).subtracting(posted).count
        var poisonLettered: Set<String> = []
        for bytes in contents["courtesy.mentions.dlq"] ?? [] {
            if let id = Self.poisonRecordId(in: bytes) {
                poisonLettered.insert(id)
            } else {
                report.deadLetters += 1
            }
        }
        report.poisonRecords = run.poisonRecords.count
        report.poisonMissing = Set(run.poisonRecords).subtracting(poisonLettered).count

        if let summary = await deskSummary() {
            report.deskAgrees = summary.pending == draftIds.subtracting(decided).count
        }
        return report
    }

    /// Every message of `topics` as they are now.
    private func readTopics(_ topics: [String]) async throws -> [String: [[UInt8]]] {
        let reader = try await KafkaTopicReader(
            configuration: KafkaTopicReaderConfiguration(
                kafka: KafkaConfiguration(
                    bootstrapServers: bootstrap, clientID: "courtesy-chaos-audit", statisticsInterval: nil),
                topics: topics, groupID: "courtesy-chaos-audit"),
            logger: logger)
        var contents: [String: [[UInt8]]] = [:]
        for message in try await reader.readToEnd() {
            contents[message.topic, default: []].append(Array(message.value))
        }
        await reader.shutdown()
        return contents
    }
}

/// Why `courtesy-lab chaos` could not run its checks.
struct ChaosError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
