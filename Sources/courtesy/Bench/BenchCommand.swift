import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput. Benchmarks report figures; they do not pass or fail.",
        subcommands: [BenchKafkaCommand.self, BenchCoreCommand.self, BenchPipelineCommand.self, BenchDeskCommand.self]
    )
}
