import ArgumentParser
import CourtesyCore

struct DeskHashTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-token",
        abstract: "Print the SHA-256 of a token read from standard input, for the approvers file."
    )

    func run() throws {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError(
                "give the token on standard input, e.g. `printf %s \"$TOKEN\" | courtesy desk hash-token`")
        }
        print(ApproverToken.sha256Hex(of: line))
    }
}
