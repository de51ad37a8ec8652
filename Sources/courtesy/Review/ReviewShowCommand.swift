import ArgumentParser
import CourtesyDeskAPI
import CourtesyReview

/// `courtesy review show ID`: one draft beside its mention, or the decision that closed it.
struct ReviewShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a draft beside its mention and its conversation, or who decided it.")

    @Argument(help: "The draft id (d_…).")
    var id: String

    @OptionGroup var options: ReviewOptions

    func run() async throws {
        try await options.run { client, _ in
            let response: DeskResponse<DeskAPI.DraftDetail>
            do throws(ReviewError) {
                response = try await client.draft(id: id)
            } catch {
                throw error.naming(draft: id)
            }
            options.print(response) { options.renderer.detail($0) }
        }
    }
}
