import ArgumentParser
import CourtesyLab

/// `courtesy-lab`: the rigs that measure and shake Courtesy, kept out of the `courtesy` that ships.
@main
struct CourtesyLabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "courtesy-lab",
        abstract: "Benchmarks and chaos runs for Courtesy; they start the `courtesy` beside this executable.",
        subcommands: [BenchCommand.self, ChaosCommand.self]
    )
}
