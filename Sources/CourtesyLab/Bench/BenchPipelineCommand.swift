import ArgumentParser
import CourtesyBenchCorpus
import CourtesyCommandSupport
import CourtesyCore
import CourtesyKafka
import CourtesyServices
import Foundation
import Logging

/// `courtesy-lab bench pipeline`: the responder service against the broker, next to a passthrough that does
/// the same Kafka work and nothing else.
struct BenchPipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Measure the responder service end to end against the broker, and a passthrough baseline.",
        discussion: """
            Loads --mentions mention events into the embedded broker (or --bootstrap), then: (1) a passthrough \
            consumes them and produces the same bytes with the responder's adapter settings and no domain \
            work; (2) the real ResponderService drafts the same mentions (sustained rate, between its first \
            and last acknowledged draft); (3) mentions are offered at --rate per second while it runs \
            (latency from send to the draft's broker acknowledgement); (4) --mentions more are sent as fast \
            as possible (latency at saturation); (5) `courtesy responder` runs in a process of its own, \
            once over every mention of the run (peak resident memory reading a backlog; with the memory of \
            conversations on, once more without it, for what the memory holds) and once on an empty topic, \
            offered --offered mentions at --rate (peak at a steady load): the service's memory alone, which \
            the bench's own, with the embedded broker and its topics, cannot show. With --conversations N \
            the mentions are spread over N conversations, mention i belonging to conversation i mod N. \
            Figures, not a test: run it more than once.
            """
    )

    @OptionGroup var kafka: KafkaOptions

    @Option(help: "Mentions preloaded for the throughput phases, and sent again at saturation.")
    var mentions = 150_000

    @Option(help: "Offered load of the latency phase, mentions per second.")
    var rate = 10_000

    @Option(help: "Mentions sent in the latency phase (at --rate).")
    var offered = 50_000

    @Option(help: "Partitions of each benchmark topic (the embedded broker keeps 5 MiB per partition).")
    var partitions = 32

    @Option(help: ArgumentHelp("A CSV with a text column whose texts become the mentions.", valueName: "PATH"))
    var corpus: String?

    @Option(help: ArgumentHelp("The agent roster (default: 20 generated agents).", valueName: "FILE"))
    var roster: String?

    @Option(
        help: ArgumentHelp(
            "Distinct conversations the mentions are keyed by: mention i belongs to conversation i mod N (default: the authors of the pool of generated mentions).",
            valueName: "N"))
    var conversations: Int?

    @Option(
        help: ArgumentHelp(
            "Earlier contacts a draft considers, as `courtesy responder --memory-contacts` (0: no memory).",
            valueName: "n"))
    var memoryContacts = ConversationMemory.Settings().contacts

    @Flag(help: "Print one JSON object as the last line.")
    var json = false

    func validate() throws {
        guard mentions > 0, rate > 0, offered > 0, partitions > 0 else {
            throw ValidationError("--mentions, --rate, --offered and --partitions must be positive")
        }
        let most = Int(pow(10, Double(PipelineEvents.conversationDigits)))
        if let conversations, !(1...most).contains(conversations) {
            throw ValidationError("--conversations must be between 1 and \(most), not \(conversations)")
        }
        guard (0...100).contains(memoryContacts) else {
            throw ValidationError("--memory-contacts must be between 0 and 100, not \(memoryContacts)")
        }
    }

    func run() async throws {
        #if DEBUG
            progress("warning: debug build; build with -c release for real figures")
        #endif
        var logger = LogSetup.logger("courtesy.bench")
        logger.logLevel = .warning
        // As in production, so that recording the responder's metrics is part of what is measured.
        _ = MetricsSystemSetup.bootstrapPrometheus()
        var connection = try kafka.connect(clientID: "courtesy-bench")
        if connection.embedded != nil, connection.configuration.properties["fetch.wait.max.ms"] == nil {
            // The 2.0.2 mock broker holds a fetch that finds no data until its wait expires, and does not
            // answer it when data arrives as a real broker does: librdkafka's 500 ms default puts 250 ms on
            // the median, and even 10 ms puts 10-15 ms on the 99th percentile. With 1 ms the consumer asks
            // again at once, which is what a real broker's early answer amounts to.
            connection.configuration.properties["fetch.wait.max.ms"] = "1"
        }
        let pool = try PipelineEvents.make(
            count: min(mentions, 10_000), corpus: corpus, conversations: conversations != nil)
        let run = "bench-\(UInt32.random(in: 0...UInt32.max))"
        let topics = (
            mentions: "\(run).mentions", drafts: "\(run).drafts", deadLetters: "\(run).dlq",
            passthrough: "\(run).passthrough", conversations: "\(run).conversations"
        )
        // The changelog has the mentions' partitions, as the responder requires. Created on any broker (through
        // the admin API on a named one), so that --partitions holds there too.
        _ = try await connection.createTopics(
            [topics.mentions, topics.drafts, topics.passthrough, topics.conversations].map(benchTopic)
                + [benchTopic(topics.deadLetters, partitions: 1)],
            logger: logger)
        progress(
            "bench pipeline: \(mentions) mentions (\(pool.source), \(pool.averageBytes) bytes on average), "
                + "\(conversationCount(pool)) conversations, memory of \(memoryContacts) contacts, "
                + "\(partitions) partitions, \(connection.description), "
                + "fetch.wait.max.ms=\(connection.configuration.properties["fetch.wait.max.ms"] ?? "500")")

        let recorder = PipelineRecorder(capacity: 2 * mentions + offered)
        let loader = try KafkaProducer(
            configuration: KafkaProducerConfiguration(kafka: connection.configuration), logger: logger
        ) { recorder.mentionsDelivered($0) }
        let loaded = ContinuousClock.now
        try await send(mentions, from: pool, to: topics.mentions, through: loader, recorder: recorder, rate: nil)
        try await waitFor("mentions delivered", timeout: .seconds(60 + mentions / 5_000)) {
            recorder.mentionsDeliveredCount >= mentions
        }
        progress("loaded \(mentions) mentions in \(format(ContinuousClock.now - loaded))")
        let loadedRSS = ProcessMemory.residentBytes()

        // (1) The passthrough, on the same preloaded mentions.
        let passthrough = PipelineRecorder(capacity: mentions)
        let passthroughCPU = ProcessCPUClock.now()
        try await runPassthrough(
            connection.configuration, from: topics.mentions, to: topics.passthrough, recorder: passthrough,
            logger: logger)
        let passthroughRate = passthrough.phaseAll().acknowledgedPerSecond
        let passthroughCPUPerMention = (ProcessCPUClock.now() - passthroughCPU) / mentions
        progress(String(format: "passthrough: %.0f mentions/s", passthroughRate))

        // (2) The responder, from the beginning of the same topic.
        let responder = try makeResponder()
        let service = ResponderService(
            kafka: connection.configuration,
            configuration: ResponderServiceConfiguration(
                mentionsTopic: topics.mentions, draftsTopic: topics.drafts, deadLetterTopic: topics.deadLetters,
                conversationsTopic: topics.conversations, memory: ConversationMemory.Settings(contacts: memoryContacts),
                groupID: "\(run)-responder", sessionTimeout: .seconds(6)),
            responder: responder, logger: logger, onAcknowledged: { recorder.outputsAcknowledged($0) })
        let responderCPU = ProcessCPUClock.now()
        let serviceTask = Task { try await service.run() }
        defer { serviceTask.cancel() }
        progress("responder: joining its group and drafting the preloaded mentions")
        try await waitFor("preloaded mentions drafted", timeout: .seconds(60 + mentions / 2_000)) {
            recorder.acknowledged >= mentions
        }
        let sustained = recorder.phase(0..<mentions)
        let responderCPUPerMention = (ProcessCPUClock.now() - responderCPU) / mentions
        progress(String(format: "responder: %.0f mentions/s sustained", sustained.acknowledgedPerSecond))

        // (3) A fixed offered load.
        progress("offering \(offered) mentions at \(rate)/s")
        try await send(offered, from: pool, to: topics.mentions, through: loader, recorder: recorder, rate: rate)
        try await waitFor("offered mentions drafted", timeout: .seconds(60 + offered / 1_000)) {
            recorder.acknowledged >= mentions + offered
        }
        let atRate = recorder.phase(mentions..<(mentions + offered))

        // (4) Saturation: mentions sent as fast as the loader can while the responder drafts them.
        progress("sending \(mentions) mentions as fast as possible")
        try await send(mentions, from: pool, to: topics.mentions, through: loader, recorder: recorder, rate: nil)
        try await waitFor("saturation mentions drafted", timeout: .seconds(60 + mentions / 2_000)) {
            recorder.acknowledged >= 2 * mentions + offered
        }
        let saturated = recorder.phase((mentions + offered)..<(2 * mentions + offered))
        service.stop()
        try await serviceTask.value
        let memory = service.memoryFigures
        await loader.shutdown()
        guard recorder.failed == 0 else { throw BenchError("\(recorder.failed) mentions were not delivered") }
        let benchPeakRSS = ProcessMemory.peakResidentBytes()

        // (5) `courtesy responder` in a process of its own, for the memory of the service alone.
        let processMemory = try await measureResponderProcesses(
            connection.configuration, mentionsTopic: topics.mentions, backlog: 2 * mentions + offered, pool: pool,
            run: run, connection: connection, logger: logger)
        let dropped = try await droppedByBroker(
            connection.configuration, [topics.mentions, topics.drafts, topics.conversations] + processMemory.topics,
            logger)

        var summary = makeSummary(
            sustained: sustained, passthrough: passthroughRate, atRate: atRate, saturated: saturated,
            loadedRSS: loadedRSS, averageBytes: pool.averageBytes)
        summary["peakRSSBytes"] = Double(max(processMemory.backlogPeak, processMemory.atRatePeak))
        summary["peakRSSAtRateBytes"] = Double(processMemory.atRatePeak)
        summary["conversations"] = Double(conversationCount(pool))
        summary["memoryContacts"] = Double(memoryContacts)
        summary["responderRSSBytes"] = Double(processMemory.backlogEnd)
        if let memory {
            summary["memoryConversations"] = Double(memory.conversations)
            summary["memoryForgotten"] = Double(memory.forgotten)
            summary["memoryRecordBytesPerConversation"] =
                Double(memory.recordBytes) / Double(max(memory.conversations, 1))
        }
        if let without = processMemory.backlogEndWithoutMemory {
            summary["responderRSSWithoutMemoryBytes"] = Double(without)
            // The child without memory drafted the same mentions: what is left is the memory.
            let remembered = min(conversationCount(pool), ConversationMemory.Settings().conversations)
            summary["memoryRSSBytesPerConversation"] =
                Double(processMemory.backlogEnd - without) / Double(max(remembered, 1))
        }
        summary["benchProcessPeakRSSBytes"] = Double(benchPeakRSS)
        summary["cpuMicrosPerMention"] = responderCPUPerMention.seconds * 1e6
        summary["passthroughCPUMicrosPerMention"] = passthroughCPUPerMention.seconds * 1e6
        printTable(summary, source: pool.source, dropped: dropped)
        if json { print(summary.line()) }
        withExtendedLifetime(connection) {}
    }

    /// Runs `courtesy responder` (the `courtesy` beside this executable) in processes of its own: one over every mention of
    /// the topic, as after an outage; then a fresh one on an empty topic, offered `--offered` mentions at
    /// `--rate`. In one process the service's memory cannot be told apart from the embedded broker's.
    /// - Returns: each child's peak resident memory.
    private func measureResponderProcesses(
        _ kafka: KafkaConfiguration, mentionsTopic: String, backlog: Int, pool: PipelineEvents, run: String,
        connection: KafkaConnection, logger: Logger
    ) async throws -> ResponderProcessMemory {
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-bench-\(run)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)

        var topics: [String] = []
        func responder(_ name: String, reading mentionsTopic: String, memoryContacts: Int) async throws -> (
            ChildProcess, String
        ) {
            let draftsTopic = "\(run).\(name)-drafts"
            let conversationsTopic = "\(run).\(name)-conversations"
            _ = try await connection.createTopics([draftsTopic, conversationsTopic].map(benchTopic), logger: logger)
            topics += [draftsTopic, conversationsTopic]
            var arguments = [
                "responder", "--bootstrap", kafka.bootstrapServers, "--mentions-topic", mentionsTopic,
                "--drafts-topic", draftsTopic, "--dead-letter-topic", "\(run).\(name)-dlq", "--group",
                "\(run)-\(name)", "--session-timeout", "6", "--http-host", "127.0.0.1", "--http-port", "0",
                "--conversations-topic", conversationsTopic, "--memory-contacts", String(memoryContacts),
            ]
            for (key, value) in kafka.properties.sorted(by: { $0.key < $1.key }) {
                arguments += ["--kafka-property", "\(key)=\(value)"]
            }
            if let roster { arguments += ["--roster", roster] }
            return (ChildProcess(name: name, arguments: arguments, logDirectory: logs), draftsTopic)
        }

        /// Waits until `topic` holds `count` drafts; the child's peak memory by then, and its memory then.
        func peak(of child: ChildProcess, once topic: String, holds count: Int) async throws -> (peak: Int, end: Int) {
            let deadline = ContinuousClock.now + .seconds(60 + count / 2_000)
            var peak = 0
            var drafted: Int64 = 0
            while drafted < count {
                guard child.isRunning else { throw BenchError("courtesy responder exited early; see \(logs.path)") }
                guard ContinuousClock.now < deadline else {
                    throw BenchError("timed out waiting for the responder process")
                }
                try await Task.sleep(for: .milliseconds(500))
                peak = max(peak, child.peakResidentBytes ?? 0)
                let reader = try await KafkaTopicReader(
                    configuration: KafkaTopicReaderConfiguration(kafka: kafka, topics: [topic]), logger: logger)
                // Where the partitions end, not what they still hold: the mock drops the oldest past 5 MiB.
                drafted = reader.endOffsets.values.reduce(0, +)
                await reader.shutdown()
            }
            return (max(peak, child.peakResidentBytes ?? 0), child.residentBytes ?? 0)
        }

        /// A child over every mention of the run, until it has drafted them all.
        func catchUp(_ name: String, memoryContacts: Int) async throws -> (peak: Int, end: Int) {
            let (child, drafts) = try await responder(name, reading: mentionsTopic, memoryContacts: memoryContacts)
            try child.start()
            do {
                let memory = try await peak(of: child, once: drafts, holds: backlog)
                await child.stop()
                return memory
            } catch {
                await child.stop()
                throw error
            }
        }

        var withoutMemory: Int?
        if memoryContacts > 0 {
            progress(
                "responder process: drafting all \(backlog) mentions again without memory, in a process of its own")
            withoutMemory = try await catchUp("backlog-without-memory", memoryContacts: 0).end
        }
        progress("responder process: drafting all \(backlog) mentions again, in a process of its own")
        let (backlogPeak, backlogEnd) = try await catchUp("backlog", memoryContacts: memoryContacts)

        progress("responder process: a fresh one on an empty topic, offered \(offered) mentions at \(rate)/s")
        let steadyMentions = "\(run).steady-mentions"
        _ = try await connection.createTopics([benchTopic(steadyMentions)], logger: logger)
        let (steady, steadyDrafts) = try await responder(
            "steady", reading: steadyMentions, memoryContacts: memoryContacts)
        try steady.start()
        let atRatePeak: Int
        do {
            try await waitUntilReady(steady, logs: logs)
            let recorder = PipelineRecorder(capacity: offered)
            let loader = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger) {
                recorder.mentionsDelivered($0)
            }
            try await send(offered, from: pool, to: steadyMentions, through: loader, recorder: recorder, rate: rate)
            await loader.shutdown()
            guard recorder.failed == 0 else { throw BenchError("\(recorder.failed) mentions were not delivered") }
            atRatePeak = try await peak(of: steady, once: steadyDrafts, holds: offered).peak
        } catch {
            await steady.stop()
            throw error
        }
        await steady.stop()
        try? FileManager.default.removeItem(at: logs)
        progress(
            String(
                format: "responder process: peak RSS %.1f MiB reading the backlog, %.1f MiB at %d/s",
                Double(backlogPeak) / 1_048_576, Double(atRatePeak) / 1_048_576, rate))
        return ResponderProcessMemory(
            backlogPeak: backlogPeak, backlogEnd: backlogEnd, backlogEndWithoutMemory: withoutMemory,
            atRatePeak: atRatePeak, topics: topics)
    }

    /// What the responder processes of phase (5) held.
    private struct ResponderProcessMemory {
        /// The peak reading the backlog, and the resident size once it was drafted.
        let backlogPeak: Int
        let backlogEnd: Int
        /// The resident size of a child without memory once it had drafted the same backlog.
        let backlogEndWithoutMemory: Int?
        let atRatePeak: Int
        /// The topics the children wrote.
        let topics: [String]
    }

    /// How many conversations the mentions are spread over.
    private func conversationCount(_ pool: PipelineEvents) -> Int {
        conversations ?? pool.distinctConversations
    }

    /// Waits for the child's `/readyz` to answer 200: it has joined its group and owns partitions.
    private func waitUntilReady(_ child: ChildProcess, logs: URL) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        var metrics: Substring?
        while metrics == nil, child.isRunning, ContinuousClock.now < deadline {
            metrics = child.line(after: "metrics: ")?.split(separator: " ").first
            if metrics == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard let metrics, child.isRunning else {
            throw BenchError("the responder process never said where it listens; see \(logs.path)")
        }
        let ready = await Readiness.wait(
            for: String(metrics.dropLast("/metrics".count)), timeout: deadline - ContinuousClock.now,
            giveUp: { !child.isRunning })
        guard ready else { throw BenchError("the responder process never became ready; see \(logs.path)") }
    }

    private func makeResponder() throws -> Responder {
        Responder(
            classifier: try Classifier.shipped(), names: try NameExtractor(),
            roster: try roster.map { try AgentRoster.load(from: URL(fileURLWithPath: $0)) }
                ?? CoreBenchCorpus.roster(count: 20),
            templates: try TemplateLibrary.bundled())
    }

    /// Sends `count` events cycling through `pool`, keyed by conversation as a connector would; at `rate`
    /// per second when given (catching up after a late wake-up, so the offered load is the one asked for).
    private func send(
        _ count: Int, from pool: PipelineEvents, to topic: String, through producer: KafkaProducer,
        recorder: PipelineRecorder, rate: Int?
    ) async throws {
        let started = ContinuousClock.now
        let offset = recorder.sent
        for index in 0..<count {
            if let rate, index % 10 == 0 {
                let due = started + .nanoseconds(Int64(index) * 1_000_000_000 / Int64(rate))
                if due - ContinuousClock.now > .milliseconds(1) { try await Task.sleep(until: due, clock: .continuous) }
            }
            let event = pool.event(offset + index, conversations: conversations)
            try await producer.send(
                KafkaProducerMessage(topic: topic, key: event.key, value: event.value), token: recorder.sending())
        }
    }

    /// Consumes and produces the same bytes with the responder's consumer and producer settings, and
    /// acknowledges each input once its copy is acknowledged: the responder minus the domain work.
    private func runPassthrough(
        _ kafka: KafkaConfiguration, from input: String, to output: String, recorder: PipelineRecorder,
        logger: Logger
    ) async throws {
        let configuration = ResponderServiceConfiguration(
            mentionsTopic: input, groupID: "\(input)-passthrough", sessionTimeout: .seconds(6))
        let consumer = try KafkaConsumer(configuration: configuration.consumer(kafka), logger: logger)
        let producer = try KafkaProducer(configuration: configuration.producer(kafka), logger: logger) {
            reports in
            var delivered: [KafkaPosition] = []
            delivered.reserveCapacity(reports.count)
            for report in reports where report.error == nil {
                delivered.append(
                    KafkaPosition(
                        topic: input, partition: Int32(report.token >> 48),
                        offset: Int64(report.token & ((1 << 48) - 1))))
            }
            consumer.acknowledge(delivered)
            recorder.outputsAcknowledged(delivered)
        }
        progress("passthrough: joining its group and copying the preloaded mentions")
        let copying = Task {
            for try await batch in consumer.batches {
                for message in batch {
                    try await producer.send(
                        KafkaProducerMessage(
                            topic: output, key: message.key.map(Array.init), value: Array(message.value)),
                        token: UInt64(message.partition) << 48 | UInt64(message.offset))
                }
            }
        }
        defer { copying.cancel() }
        try await waitFor("passthrough copies", timeout: .seconds(60 + mentions / 2_000)) {
            recorder.acknowledged >= mentions
        }
        consumer.triggerShutdown()
        try await copying.value
        await consumer.shutdown()
        await producer.shutdown()
    }

    /// One of the bench's topics: `--partitions` of them unless told, the cluster's default replication.
    private func benchTopic(_ name: String) -> KafkaAdmin.NewTopic {
        benchTopic(name, partitions: partitions)
    }

    private func benchTopic(_ name: String, partitions: Int) -> KafkaAdmin.NewTopic {
        KafkaAdmin.NewTopic(name: name, partitions: partitions, replicationFactor: -1, configs: [:])
    }

    /// Topics whose oldest messages the broker dropped (the embedded one keeps 5 MiB per partition).
    private func droppedByBroker(_ kafka: KafkaConfiguration, _ topics: [String], _ logger: Logger) async throws
        -> [String]
    {
        let reader = try await KafkaTopicReader(
            configuration: KafkaTopicReaderConfiguration(kafka: kafka, topics: topics), logger: logger)
        let dropped = Set(reader.startOffsets.filter { $0.value > 0 }.map(\.key.topic))
        await reader.shutdown()
        return dropped.sorted()
    }

    private func waitFor(
        _ what: String, timeout: Duration, until done: () -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        var lastProgress = ContinuousClock.now
        while !done() {
            if ContinuousClock.now > deadline { throw BenchError("timed out waiting for \(what)") }
            if ContinuousClock.now - lastProgress > .seconds(5) {
                lastProgress = ContinuousClock.now
                progress("waiting for \(what)")
            }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    private func makeSummary(
        sustained: PhaseFigures, passthrough: Double, atRate: PhaseFigures, saturated: PhaseFigures,
        loadedRSS: Int, averageBytes: Int
    ) -> BenchSummary {
        var summary = BenchSummary()
        summary["mentions"] = Double(mentions)
        summary["partitions"] = Double(partitions)
        summary["averageMentionBytes"] = Double(averageBytes)
        summary["mentionsPerSecond"] = sustained.acknowledgedPerSecond.rounded()
        summary["passthroughPerSecond"] = passthrough.rounded()
        summary["ratioToPassthrough"] = sustained.acknowledgedPerSecond / passthrough
        summary["offeredPerSecond"] = Double(rate)
        let fractions = [0.5, 0.99, 0.999]
        if let values = atRate.latencies.percentilesMillis(fractions) {
            summary["p50Millis"] = values[0]
            summary["p99Millis"] = values[1]
            summary["p999Millis"] = values[2]
        }
        if let values = saturated.latencies.percentilesMillis(fractions) {
            summary["saturationP50Millis"] = values[0]
            summary["saturationP99Millis"] = values[1]
            summary["saturationP999Millis"] = values[2]
        }
        summary["saturationPerSecond"] = saturated.endToEndPerSecond.rounded()
        summary["loadedRSSBytes"] = Double(loadedRSS)
        return summary
    }

    private func printTable(_ summary: BenchSummary, source: String, dropped: [String]) {
        func number(_ key: String, _ format: String = "%.0f") -> String {
            summary[key].map { String(format: format, $0) } ?? "-"
        }
        print(
            "Pipeline: \(mentions) mentions (\(source)), \(number("conversations")) conversations, "
                + "\(partitions) partitions")
        print("  responder, sustained      \(number("mentionsPerSecond")) mentions/s")
        print("  passthrough (no domain)   \(number("passthroughPerSecond")) mentions/s")
        print("  responder / passthrough   \(number("ratioToPassthrough", "%.2f"))")
        print(
            "  CPU per mention           \(number("cpuMicrosPerMention", "%.1f")) µs responder, "
                + "\(number("passthroughCPUMicrosPerMention", "%.1f")) µs passthrough "
                + "(this process, every thread: the embedded broker's too)")
        print(
            "  latency at \(rate)/s       p50 \(number("p50Millis", "%.1f")) ms, p99 \(number("p99Millis", "%.1f")) ms, "
                + "p99.9 \(number("p999Millis", "%.1f")) ms (send → draft acknowledged)")
        print(
            "  latency at saturation     p50 \(number("saturationP50Millis", "%.1f")) ms, "
                + "p99 \(number("saturationP99Millis", "%.1f")) ms, p99.9 \(number("saturationP999Millis", "%.1f")) ms "
                + "(\(number("saturationPerSecond")) mentions/s while loading)")
        let mebibyte = 1024.0 * 1024.0
        print(
            "  memory of conversations   "
                + (memoryContacts == 0
                    ? "off"
                    : "\(number("memoryConversations")) conversations remembered of \(number("conversations")), "
                        + "\(number("memoryRecordBytesPerConversation", "%.1f")) record bytes each"
                        + (summary["memoryRSSBytesPerConversation"].map {
                            String(
                                format: ", %.0f bytes of resident memory each (%.1f MiB with, %.1f MiB without)", $0,
                                (summary["responderRSSBytes"] ?? 0) / mebibyte,
                                (summary["responderRSSWithoutMemoryBytes"] ?? 0) / mebibyte)
                        } ?? "")))
        print(
            "  peak RSS, responder       "
                + String(format: "%.1f MiB", (summary["peakRSSBytes"] ?? 0) / mebibyte)
                + String(
                    format: " reading the backlog, %.1f MiB at %d/s (courtesy responder in a process of its own)",
                    (summary["peakRSSAtRateBytes"] ?? 0) / mebibyte, rate))
        print(
            "  peak RSS, this process    "
                + String(format: "%.1f MiB", (summary["benchProcessPeakRSSBytes"] ?? 0) / mebibyte)
                + String(
                    format: " (%.1f MiB once loaded; the embedded broker and its topics are in this process)",
                    (summary["loadedRSSBytes"] ?? 0) / mebibyte))
        if !dropped.isEmpty {
            print(
                "  warning: the broker dropped old messages of \(dropped.joined(separator: ", ")): use more partitions")
        }
    }

    private func format(_ duration: Duration) -> String { String(format: "%.2f s", duration.seconds) }

    private func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
