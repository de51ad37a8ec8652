import ArgumentParser
import CourtesyReview

/// The filters of `list` and `next`.
struct ReviewFilterOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Only this intent: complaint, compliment, question, other.", valueName: "INTENT"))
    var intent: String?

    @Option(name: .long, help: ArgumentHelp("Only this priority: urgent, high, normal, low.", valueName: "LEVEL"))
    var priority: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Only this platform: x, facebook, instagram, review, email, chat.", valueName: "PLATFORM"))
    var platform: String?

    @Option(name: .long, help: ArgumentHelp("Only drafts assigned to this agent id.", valueName: "ID"))
    var agent: String?

    /// The desk query these filters describe, with `limit`.
    func query(limit: Int? = nil) throws -> DeskQuery {
        try DeskQuery(intent: intent, priority: priority, platform: platform, agent: agent, limit: limit)
    }
}
