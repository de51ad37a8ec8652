import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import CourtesyDeskAPI
import CourtesyKafka
import CourtesyLocking
import CourtesyReview
import CourtesyServices
import Foundation
import Logging
import ServiceLifecycle

/// `courtesy-lab bench desk`: the desk's API latencies at realistic queue sizes, and its rebuild time.
struct BenchDeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "Measure the desk: list and approve latency through its HTTP API, and rebuild time.",
        discussion: """
            Writes drafts to the embedded broker (or --bootstrap) and runs the real DeskService behind its \
            HTTP API in this process. List latency is GET /v1/drafts through the review CLI's HTTP client, \
            with the default limit (100) and the largest (1000), at each --pending size; approve latency \
            is POST /v1/drafts/{id}/approve round trips (the decision and the reply acknowledged by the \
            broker). Rebuild time is a fresh DeskService reading --rebuild drafts from the broker until \
            it is caught up. Figures, not a test: run it more than once.
            """
    )

    @OptionGroup var kafka: KafkaOptions

    @Option(parsing: .upToNextOption, help: "Pending drafts at which list latency is measured, in increasing order.")
    var pending: [Int] = [10_000, 100_000]

    @Option(help: "List requests timed at each size and limit.")
    var lists = 50

    @Option(help: "Approvals timed, one after another.")
    var approvals = 200

    @Option(help: "Drafts in the topic when the rebuild is timed.")
    var rebuild = 1_000_000

    @Option(help: "Partitions of the drafts topic (the embedded broker keeps 5 MiB per partition).")
    var partitions = 96

    @Flag(help: "Print one JSON object as the last line.")
    var json = false

    func validate() throws {
        guard !pending.isEmpty, pending.allSatisfy({ $0 > 0 }), pending == pending.sorted() else {
            throw ValidationError("--pending takes positive sizes in increasing order")
        }
        guard lists > 0, approvals > 0, partitions > 0 else {
            throw ValidationError("--lists, --approvals and --partitions must be positive")
        }
        guard approvals < pending[0], rebuild >= pending[pending.count - 1] else {
            throw ValidationError("--approvals must be below the smallest --pending, --rebuild at least the largest")
        }
    }

    func run() async throws {
        #if DEBUG
            progress("warning: debug build; build with -c release for real figures")
        #endif
        var logger = LogSetup.logger("courtesy.bench")
        logger.logLevel = .warning
        let registry = MetricsSystemSetup.bootstrapPrometheus()
        let connection = try kafka.connect(clientID: "courtesy-bench")
        let run = "bench-\(UInt32.random(in: 0...UInt32.max))"
        let deskConfiguration = DeskServiceConfiguration(
            draftsTopic: "\(run).drafts", decisionsTopic: "\(run).decisions", repliesTopic: "\(run).replies",
            readerGroupID: "\(run)-desk", housekeepingInterval: .seconds(60))
        try connection.embedded?.createTopic(deskConfiguration.draftsTopic, partitions: partitions)
        progress("bench desk: \(connection.description)")

        let drafts = try DraftSource()
        // The drafts are written in large batches, as a busy responder writes them. The 2.0.2 mock answers
        // a fetch with one batch per partition and finds it by walking the partition's batches from the
        // first, so a topic of small batches makes the mock, not the desk, the bottleneck of a rebuild
        // (21 s for 1,000,000 drafts in 5 ms batches, 6 s in these); a real broker returns many batches
        // per fetch. Unless --kafka-property names them.
        var writer = connection.configuration
        for (key, value) in [("batch.num.messages", "100000"), ("batch.size", "4000000")]
        where writer.properties[key] == nil {
            writer.properties[key] = value
        }
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(kafka: writer, linger: .milliseconds(100)), logger: logger)
        var summary = BenchSummary()

        // List and approve, through the HTTP API of a running desk.
        let token = ApproverToken.generate()
        let directory = try ApproverDirectory([
            (Approver(name: "Bench Approver", role: .approver), ApproverToken.sha256Hex(of: token))
        ])
        let desk = DeskService(kafka: connection.configuration, configuration: deskConfiguration, logger: logger)
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let http = OperationalEndpoints(registry: registry) { await desk.isReady() }
            .server(
                host: "127.0.0.1", port: 0, logger: logger,
                routes: DeskRoutes(desk: desk, directory: directory, rateLimits: .unlimited).add,
                onListening: { listening.yield($0) })
        let group = ServiceGroup(services: [http, desk], gracefulShutdownSignals: [], logger: logger)
        let serving = Task { try await group.run() }
        defer { serving.cancel() }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else { throw BenchError("the desk's API did not start") }
        let client = try HTTPDeskClient(
            configuration: ReviewConfiguration(
                deskURL: "http://127.0.0.1:\(port)", deskURLSource: .flag, token: token, tokenSource: .flag))
        defer { Task { await client.shutdown() } }

        var written = 0
        for size in pending {
            progress("writing drafts up to \(size)")
            try await drafts.write(size - written, startingAt: written, to: deskConfiguration.draftsTopic, producer)
            written = size
            try await waitUntilPending(size, client)
            for limit in [DeskAPI.defaultLimit, DeskAPI.maximumLimit] {
                var sample = LatencySample()
                for _ in 0..<lists {
                    let started = ContinuousClock.now
                    _ = try await client.drafts(DeskQuery(limit: limit))
                    sample.add(ContinuousClock.now - started)
                }
                let figures = sample.percentilesMillis([0.5, 0.99]) ?? [0, 0]
                summary["list\(size)Limit\(limit)P50Millis"] = figures[0]
                summary["list\(size)Limit\(limit)P99Millis"] = figures[1]
                progress(
                    String(
                        format: "list of %d pending, limit %d: p50 %.2f ms, p99 %.2f ms", size, limit, figures[0],
                        figures[1]))
            }
        }

        progress("approving \(approvals) drafts one after another")
        let candidates = try await client.drafts(DeskQuery(limit: DeskAPI.maximumLimit)).body.drafts
        var approved = LatencySample()
        var seenConversations: Set<String> = []
        for draft in candidates
        where approved.count < approvals && seenConversations.insert(draft.conversation).inserted {
            let started = ContinuousClock.now
            _ = try await client.approve(id: draft.id, DeskAPI.ApproveRequest())
            approved.add(ContinuousClock.now - started)
        }
        let approveFigures = approved.percentilesMillis([0.5, 0.99]) ?? [0, 0]
        summary["approvals"] = Double(approved.count)
        summary["approveP50Millis"] = approveFigures[0]
        summary["approveP99Millis"] = approveFigures[1]
        progress(String(format: "approve: p50 %.2f ms, p99 %.2f ms", approveFigures[0], approveFigures[1]))
        await group.triggerGracefulShutdown()
        try await serving.value

        // Rebuild: a new desk reads every draft and decision from the broker.
        progress("writing drafts up to \(rebuild)")
        try await drafts.write(rebuild - written, startingAt: written, to: deskConfiguration.draftsTopic, producer)
        await producer.shutdown()
        let rebuilt = RebuildClock()
        let fresh = DeskService(
            kafka: connection.configuration, configuration: deskConfiguration, logger: logger,
            progress: { read, total in rebuilt.progress(read: read, total: total) })
        progress("rebuilding from \(rebuild) drafts")
        let rebuilding = Task { try await fresh.run() }
        defer { rebuilding.cancel() }
        let deadline = ContinuousClock.now + .seconds(60 + rebuild / 10_000)
        while rebuilt.duration == nil {
            if ContinuousClock.now > deadline { throw BenchError("timed out waiting for the rebuild") }
            try await Task.sleep(for: .milliseconds(5))
        }
        fresh.stop()
        try await rebuilding.value
        let rebuildSeconds = rebuilt.duration?.seconds ?? 0
        summary["rebuildDrafts"] = Double(rebuild)
        summary["rebuildEvents"] = Double(rebuilt.total)
        summary["rebuildSeconds"] = rebuildSeconds
        summary["peakRSSBytes"] = Double(ProcessMemory.peakResidentBytes())
        progress(String(format: "rebuild of %d events: %.2f s", rebuilt.total, rebuildSeconds))

        printTable(summary)
        if json { print(summary.line()) }
        withExtendedLifetime(connection) {}
    }

    private func waitUntilPending(_ count: Int, _ client: HTTPDeskClient) async throws {
        let deadline = ContinuousClock.now + .seconds(60 + count / 5_000)
        while true {
            if let list = try? await client.drafts(DeskQuery(limit: 1)).body, list.pending >= count { return }
            if ContinuousClock.now > deadline { throw BenchError("the desk never showed \(count) pending drafts") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private func printTable(_ summary: BenchSummary) {
        func millis(_ key: String) -> String { summary[key].map { String(format: "%.2f ms", $0) } ?? "-" }
        print("Desk (HTTP API through the review client; the embedded broker in this process)")
        for size in pending {
            for limit in [DeskAPI.defaultLimit, DeskAPI.maximumLimit] {
                let key = "list\(size)Limit\(limit)"
                print(
                    "  list, \(size) pending, limit \(limit): p50 \(millis(key + "P50Millis")), p99 \(millis(key + "P99Millis"))"
                )
            }
        }
        print(
            "  approve round trip (\(Int(summary["approvals"] ?? 0)) approvals): p50 \(millis("approveP50Millis")), "
                + "p99 \(millis("approveP99Millis"))")
        print(
            "  rebuild of \(rebuild) drafts (\(Int(summary["rebuildEvents"] ?? 0)) events): "
                + String(format: "%.2f s", summary["rebuildSeconds"] ?? 0))
        print(
            String(
                format: "  peak RSS %.1f MiB (the broker and its topics included)",
                (summary["peakRSSBytes"] ?? 0) / 1_048_576))
    }

    private func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// When the rebuild reported it had read everything, timed from the clock's creation.
private final class RebuildClock: Sendable {
    private let started = ContinuousClock.now
    private let state = Locked<(duration: Duration?, total: Int64)>((nil, 0))

    var duration: Duration? { state.withLock { $0.duration } }
    var total: Int { Int(state.withLock { $0.total }) }

    func progress(read: Int64, total: Int64) {
        let now = ContinuousClock.now
        state.withLock { state in
            state.total = total
            if read >= total, state.duration == nil { state.duration = now - started }
        }
    }
}
