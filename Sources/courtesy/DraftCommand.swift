import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `courtesy draft`: mention events in, draft events out, one JSON line each, in input order.
struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft replies to mention events: JSON lines in, one draft event (or error record) per line out.",
        discussion: """
            Reads courtesy.mention/v1 events, one per line, from FILE or standard input, and writes one \
            courtesy.draft/v1 event per line to standard output in the same order. A line that cannot be \
            drafted gives an error record in its place, {"error":{"line":N,"reason":"...","message":"..."}}, \
            and the run goes on; blank lines are skipped. Exit status: 0 when every line was drafted, 1 when \
            any line failed, 2 when the command could not start or read its input (bad roster, templates, \
            classifier configuration, --now, or an unreadable file). See docs/responder.md.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A file of mention events, one JSON object per line (default: standard input).",
            valueName: "FILE"))
    var file: String?

    @OptionGroup var responderOptions: ResponderOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Draft as if it were this RFC 3339 time (createdAt and agents' shifts), for reproducible output.",
            valueName: "TIME"))
    var now: String?

    @Option(
        name: .customLong("memory-contacts"),
        help: ArgumentHelp(
            "Remember this many earlier contacts per conversation across the input's lines (0: none).",
            valueName: "N"))
    var memoryContacts = ConversationMemory.Settings().contacts

    func run() throws {
        let fixedNow: Timestamp?
        let responder: Responder
        let input: Int32
        do {
            fixedNow = try now.map { text in
                guard let time = Timestamp(rfc3339: text) else {
                    throw ValidationError("--now \"\(text)\" is not an RFC 3339 time such as 2025-03-01T10:00:00Z")
                }
                return time
            }
            let configuration = try responderOptions.configuration()
            responder = try Responder(configuration: configuration)
            if let file {
                input = open(file, O_RDONLY)
                guard input >= 0 else {
                    throw ValidationError("cannot open \(file): \(String(cString: strerror(errno)))")
                }
            } else {
                input = STDIN_FILENO
            }
        } catch {
            Console.fail("\(error)")
        }
        defer { if input != STDIN_FILENO { close(input) } }

        var reader = LineReader(fileDescriptor: input, maxLineBytes: responderOptions.maxEventBytes)
        var output = OutputBuffer(fileDescriptor: STDOUT_FILENO)
        var lines = 0
        var failed = 0
        guard memoryContacts >= 0 else { Console.fail("--memory-contacts must be 0 or more") }
        var memory = ConversationMemory(settings: ConversationMemory.Settings(contacts: memoryContacts))
        do {
            try reader.forEachLine { number, line in
                switch line {
                case .bytes(let bytes):
                    guard !Self.isBlank(bytes) else { return }
                    lines += 1
                    do throws(ResponderError) {
                        let drafted = try responder.appendDraft(
                            json: bytes, to: &output.bytes,
                            memory: memoryContacts > 0 ? (memory, 0, Int64(number)) : nil,
                            at: fixedNow ?? responder.clock())
                        if let contact = drafted.contact {
                            memory.remember(contact, conversation: drafted.conversation, partition: 0)
                        }
                    } catch {
                        failed += 1
                        Self.appendErrorRecord(line: number, error: error, to: &output.bytes)
                    }
                case .tooLong(let size):
                    lines += 1
                    failed += 1
                    let error = ResponderError(
                        .oversized,
                        message: "event is \(size) bytes, over the limit of \(responderOptions.maxEventBytes)")
                    Self.appendErrorRecord(line: number, error: error, to: &output.bytes)
                }
                output.bytes.append(UInt8(ascii: "\n"))
                try output.flushIfFull()
            }
            try output.flush()
        } catch {
            try? output.flush()
            Console.fail("\(file ?? "standard input"): \(error)")
        }
        if failed > 0 {
            FileHandle.standardError.write(Data("courtesy draft: \(failed) of \(lines) lines failed\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Whether a line holds only JSON whitespace.
    private static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }
}
