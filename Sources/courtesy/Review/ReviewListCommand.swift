import ArgumentParser
import CourtesyReview

/// `courtesy review list`: the pending drafts in queue order.
struct ReviewListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List pending drafts: earliest reply-by first, then the most urgent.")

    @OptionGroup var filters: ReviewFilterOptions

    @Option(
        name: .long, help: ArgumentHelp("At most this many drafts (1–1000; the desk's default is 100).", valueName: "N")
    )
    var limit: Int?

    @OptionGroup var options: ReviewOptions

    func run() async throws {
        try await options.run { client, _ in
            let response = try await client.drafts(try filters.query(limit: limit))
            options.print(response) { options.renderer.list($0) }
        }
    }
}
