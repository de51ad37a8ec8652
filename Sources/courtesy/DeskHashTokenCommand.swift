import ArgumentParser
import CourtesyCore

struct DeskHashTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-token",
        abstract: "Print the SHA-256 of a token read from standard input, for the approvers file.",
        discussion: """
            The token must have at least \(ApproverToken.minimumLength) characters, as many as \
            `courtesy desk token` makes (256 random bits as \(ApproverToken.minimumLength) hex digits).
            """
    )

    func run() throws {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError(
                "give the token on standard input, e.g. `printf %s \"$TOKEN\" | courtesy desk hash-token`")
        }
        guard ApproverToken.isLongEnough(line) else {
            throw ValidationError(
                "the token has \(line.unicodeScalars.count) characters; a token needs at least \(ApproverToken.minimumLength) "
                    + "(`courtesy desk token` makes one: 256 random bits as \(ApproverToken.minimumLength) hex digits)")
        }
        print(ApproverToken.sha256Hex(of: line))
    }
}
