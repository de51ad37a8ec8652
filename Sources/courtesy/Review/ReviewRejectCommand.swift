import ArgumentParser
import CourtesyDeskAPI
import CourtesyReview
import CourtesyServices

/// `courtesy review reject ID --reason R`.
struct ReviewRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject a draft, saying why; nothing is sent to the customer.")

    @Argument(help: "The draft id (d_…).")
    var id: String

    @Option(name: .long, help: ArgumentHelp("Why the draft is rejected (required).", valueName: "TEXT"))
    var reason: String

    @OptionGroup var options: ReviewOptions

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--reason must say why")
        }
    }

    func run() async throws {
        try await options.run { client, _ in
            let response: DeskResponse<DeskAPI.DecisionResult>
            do throws(ReviewError) {
                response = try await client.reject(id: id, DeskAPI.RejectRequest(reason: reason))
            } catch {
                throw error.naming(draft: id)
            }
            options.print(response) { options.renderer.result($0) }
        }
    }
}
