import ArgumentParser
import CourtesyCore
import Foundation

/// `courtesy-lab bench templates`: measures what rendering one reply costs with the loaded templates.
struct BenchTemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Measure the cost of rendering one reply (build with -c release for real figures).",
        discussion: "Templates are located as for `templates check`."
    )

    @Option(name: .long, help: ArgumentHelp("The templates directory.", valueName: "DIR"))
    var templates: String?

    @Option(name: .long, help: "Replies to render per round.")
    var iterations = 1_000_000

    @Option(name: .long, help: "Rounds; the fastest is reported.")
    var rounds = 5

    func validate() throws {
        guard iterations > 0, rounds > 0 else { throw ValidationError("--iterations and --rounds must be positive") }
    }

    func run() throws {
        let location = TemplateLibrary.locate(
            option: templates, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
        let loadStart = ContinuousClock.now
        let library = try TemplateLibrary.load(location)
        print("loaded \(location) in \(ContinuousClock.now - loadStart)")
        // A realistic mix: every intent and platform, names present and absent, a topic or none.
        let names: [String?] = ["Jane", nil, "Anne-Marie", "José", nil, "Mohamed", "Siobhan", nil]
        let requests = (0..<1024).map { index in
            ReplyRequest(
                intent: Intent.allCases[index % Intent.allCases.count],
                platform: Platform.allCases[(index / 4) % Platform.allCases.count],
                language: index % 5 == 0 ? "es" : "en",
                customerName: names[index % names.count],
                agentName: index % 3 == 0 ? nil : "Ana",
                topics: index % 2 == 0 ? ["delivery"] : [],
                seed: "x:\(1_600_000_000_000_000_000 + index * 7919)")
        }
        var best = Duration.seconds(1_000_000)
        var bytes = 0
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            for index in 0..<iterations {
                bytes &+= try library.render(requests[index & 1023]).text.utf8.count
            }
            best = min(best, ContinuousClock.now - start)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let nanoseconds = seconds * 1e9 / Double(iterations)
        print(
            String(
                format: "render: %.0f ns per reply, %.0f replies/s on one core (best of %d rounds of %d; %d bytes)",
                nanoseconds, Double(iterations) / seconds, rounds, iterations, bytes))
    }
}
