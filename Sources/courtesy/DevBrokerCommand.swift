import ArgumentParser

struct DevBrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev-broker",
        abstract: "Run the embedded Kafka broker for local development."
    )

    func run() async throws {}
}
