import ArgumentParser
import CourtesyCore
import CourtesyServices

/// `courtesy responder`'s memory of earlier contacts: the changelog topic and the budget.
struct MemoryOptions: ParsableArguments {
    @Option(
        help: "The compacted changelog of the memory of conversations, with as many partitions as the mentions topic.")
    var conversationsTopic = ResponderServiceConfiguration().conversationsTopic

    @Option(
        help: ArgumentHelp(
            "The most earlier contacts of a conversation a draft considers (0: no memory, no changelog).",
            valueName: "n"))
    var memoryContacts = ConversationMemory.Settings().contacts

    @Option(
        help: ArgumentHelp(
            "How far back an earlier contact counts: seconds, or a number with s, m, h or d (14d, 36h).",
            valueName: "duration"))
    var memoryWindow = "14d"

    @Option(
        help: ArgumentHelp(
            "The most conversations remembered; past it the least recent are forgotten.", valueName: "n"))
    var memoryConversations = ConversationMemory.Settings().conversations

    /// The memory settings these options describe.
    func settings() throws -> ConversationMemory.Settings {
        guard (0...100).contains(memoryContacts) else {
            throw ValidationError("--memory-contacts must be between 0 and 100, not \(memoryContacts)")
        }
        guard let window = Self.seconds(in: memoryWindow), (1...(366 * 86_400)).contains(window) else {
            throw ValidationError(
                "--memory-window must be a duration from 1 s to 366 d, such as 14d, 36h, 90m or 3600, not \"\(memoryWindow)\""
            )
        }
        guard (1...100_000_000).contains(memoryConversations) else {
            throw ValidationError(
                "--memory-conversations must be between 1 and 100,000,000, not \(memoryConversations)")
        }
        return ConversationMemory.Settings(
            contacts: memoryContacts, windowSeconds: window, conversations: memoryConversations)
    }

    func validate() throws {
        _ = try settings()
        guard !conversationsTopic.isEmpty else { throw ValidationError("--conversations-topic cannot be empty") }
    }

    /// Seconds in `text`: a whole number, alone (seconds) or followed by `s`, `m`, `h` or `d`.
    static func seconds(in text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var digits = Substring(text)
        var unit = 1
        if let last = text.last, let multiplier = units[last] {
            digits = text.dropLast()
            unit = multiplier
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let value = Int(digits)
        else { return nil }
        let (seconds, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? nil : seconds
    }
}
