import ArgumentParser
import CourtesyCore
import Foundation

struct DeskTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make a new personal token, and the approvers-file entry that holds its hash.",
        discussion: """
            Prints the token once, for the person to keep (it goes in their COURTESY_TOKEN), and the \
            JSON entry to add to the desk's approvers file, which holds only the token's SHA-256.
            """
    )

    @Option(help: "The person's name, recorded on every decision they make.")
    var name: String

    @Option(help: "approver (may decide) or viewer (may only look).")
    var role: ApproverRole = .approver

    func run() throws {
        let token = ApproverToken.generate()
        let entry: [String: String] = [
            "name": name, "role": role.rawValue, "tokenSHA256": ApproverToken.sha256Hex(of: token),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(entry), as: UTF8.self)
        print("token for \(name) (give it to them; it is not stored anywhere): \(token)")
        print("approvers-file entry: \(json)")
    }
}

extension ApproverRole: ExpressibleByArgument {}
