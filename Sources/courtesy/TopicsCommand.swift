import ArgumentParser
import CourtesyCommandSupport
import CourtesyKafka
import CourtesyServices
import Logging

struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Create Courtesy's topics with the settings each needs, or check a cluster's against them.",
        discussion: """
            The topics, their partitions, retention and cleanup policies are those of docs/operations.md \
            (Topics). Both commands need a cluster (--bootstrap or KAFKA_BOOTSTRAP) with the admin API; \
            `courtesy dev-broker` has none, and creates topics on first use instead.
            """,
        subcommands: [TopicsCreateCommand.self, TopicsCheckCommand.self]
    )
}

/// What `topics create` and `topics check` share: the cluster, and the settings the topics should have.
struct TopicSettingsOptions: ParsableArguments {
    @OptionGroup var kafka: KafkaOptions

    @Option(help: "Partitions of courtesy.mentions, and of courtesy.conversations, which must have as many.")
    var partitions = CourtesyTopics.defaultMentionPartitions

    @Option(help: "Copies of each partition (default: 3, or the number of brokers when there are fewer).")
    var replicationFactor: Int?

    @Option(help: "min.insync.replicas of each topic (default: 2 when there are 3 copies or more, else unset).")
    var minInsyncReplicas: Int?

    @Option(help: "How long to wait for the cluster to answer, in seconds.")
    var timeout: Double = 30

    func validate() throws {
        guard (1...10_000).contains(partitions) else {
            throw ValidationError("--partitions must be between 1 and 10000, not \(partitions)")
        }
        if let replicationFactor, !(1...16).contains(replicationFactor) {
            throw ValidationError("--replication-factor must be between 1 and 16, not \(replicationFactor)")
        }
        if let minInsyncReplicas, !(1...(replicationFactor ?? 16)).contains(minInsyncReplicas) {
            throw ValidationError(
                "--min-insync-replicas must be between 1 and the replication factor, not \(minInsyncReplicas)")
        }
        guard timeout > 0, timeout <= 600 else {
            throw ValidationError("--timeout must be more than 0 and at most 600 seconds, not \(timeout)")
        }
    }

    var duration: Duration { .milliseconds(Int64(timeout * 1_000)) }

    /// What both commands work with: the named cluster (an embedded broker would vanish with the command), an
    /// admin client for it, and the topics as they should be there.
    struct Target {
        let connection: KafkaConnection
        let admin: KafkaAdmin
        let expected: [KafkaAdmin.NewTopic]
        let logger: Logger
    }

    func target() async throws -> Target {
        guard kafka.explicitBootstrap != nil else {
            throw ValidationError(
                "name the cluster with --bootstrap HOST:PORT or KAFKA_BOOTSTRAP: an embedded broker would end with this command"
            )
        }
        let logger = LogSetup.logger("courtesy.topics")
        let connection = try kafka.connect(clientID: "courtesy-topics")
        let admin = try KafkaAdmin(kafka: connection.configuration, logger: logger)
        let metadata = try await admin.metadata(timeout: duration)
        return Target(
            connection: connection, admin: admin, expected: expected(brokers: metadata.brokers.count), logger: logger)
    }

    /// The topics as they should be on a cluster of `brokers` brokers.
    func expected(brokers: Int) -> [KafkaAdmin.NewTopic] {
        let replication = replicationFactor ?? min(3, max(brokers, 1))
        let minInSync = minInsyncReplicas ?? (replication >= 3 ? 2 : nil)
        return CourtesyTopics.newTopics(
            mentionPartitions: partitions, replicationFactor: replication, minInSyncReplicas: minInSync)
    }

    /// Explains a cluster without the admin API, or passes `error` on.
    func explained(_ error: KafkaError) -> any Error {
        guard error.kind == .unsupported else { return error }
        return ValidationError(
            "\(error.message). On `courtesy dev-broker`, topics are created on first use (4 partitions), or up front with --topic NAME:PARTITIONS"
        )
    }

    /// Refuses at once a broker whose API versions lack `api` (librdkafka's admin calls would wait for a
    /// controller until the timeout). Asked directly, in plain text: behind TLS or SASL the question goes
    /// unanswered, and the request itself tells.
    func ensureSupported(_ api: Int16, named name: String, on connection: KafkaConnection) async throws {
        let bootstrap = connection.configuration.bootstrapServers
        let limit = duration
        guard
            let versions = try? await KafkaBlockingCall.run({ () throws(KafkaError) in
                try KafkaAPIVersions.fetch(bootstrapServers: bootstrap, timeout: limit)
            }),
            !versions.ranges.contains(where: { $0.key == api })
        else { return }
        throw explained(
            KafkaError(kind: .unsupported, message: "the cluster does not support the admin API (no \(name) requests)"))
    }
}

struct TopicsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create every Courtesy topic that does not exist yet; leave those that do as they are.",
        discussion: "Then checks them all, as `courtesy topics check` does, and exits 1 if any differs."
    )

    @OptionGroup var settings: TopicSettingsOptions

    func run() async throws {
        let target = try await settings.target()
        let expected = target.expected
        try await settings.ensureSupported(19, named: "CreateTopics", on: target.connection)
        let creations: [String: KafkaAdmin.Creation]
        do {
            creations = try await target.connection.createTopics(expected, logger: target.logger)
        } catch {
            throw settings.explained(error)
        }
        for topic in expected {
            let done = creations[topic.name] == .created ? "created" : "exists already"
            Console.line(
                "\(topic.name): \(done)"
                    + (creations[topic.name] == .created
                        ? " (\(topic.partitions) partitions, replication \(topic.replicationFactor))" : ""))
        }
        try await TopicsCheckCommand.check(expected, admin: target.admin, timeout: settings.duration)
    }
}

struct TopicsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report where a cluster's Courtesy topics differ from what they need; change nothing.",
        discussion: """
            Checks that each topic exists, with its partition count, cleanup policy, retention and \
            min.compaction.lag.ms (and min.insync.replicas when given). Exit status 0: no difference; 1: \
            differences, one line each.
            """
    )

    @OptionGroup var settings: TopicSettingsOptions

    func run() async throws {
        let target = try await settings.target()
        var expected = target.expected
        // min.insync.replicas is checked only when asked for: the default depends on the cluster's size.
        if settings.minInsyncReplicas == nil {
            expected = expected.map { topic in
                var topic = topic
                topic.configs["min.insync.replicas"] = nil
                return topic
            }
        }
        do {
            try await Self.check(expected, admin: target.admin, timeout: settings.duration)
        } catch let error as KafkaError {
            throw settings.explained(error)
        }
    }

    /// Prints each difference between the cluster's topics and `expected`, and exits 1 when there is one.
    static func check(_ expected: [KafkaAdmin.NewTopic], admin: KafkaAdmin, timeout: Duration) async throws {
        let metadata = try await admin.metadata(timeout: timeout)
        var partitions: [String: Int] = [:]
        for topic in metadata.topics { partitions[topic.name] = topic.partitions }
        let existing = expected.map(\.name).filter { partitions[$0] != nil }
        let configs = existing.isEmpty ? [:] : try await admin.configs(of: existing, timeout: timeout)
        let drift = CourtesyTopics.drift(expected: expected, partitions: partitions, configs: configs)
        guard !drift.isEmpty else {
            Console.line("\(expected.count) topics, as they should be")
            return
        }
        for line in drift { Console.line("drift: \(line)") }
        throw ExitCode.failure
    }
}
