import ArgumentParser

package struct BenchCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput. Benchmarks report figures; they do not pass or fail.",
        subcommands: [
            BenchKafkaCommand.self, BenchCoreCommand.self, BenchPipelineCommand.self, BenchDeskCommand.self,
            BenchTemplatesCommand.self,
        ]
    )
}
