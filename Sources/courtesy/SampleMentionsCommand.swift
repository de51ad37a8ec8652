import ArgumentParser
import CourtesyCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `courtesy sample-mentions`: a realistic stream of mention events written for the project, one a line.
struct SampleMentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-mentions",
        abstract: "Print realistic sample mention events, one a line: for demos, load tests and end-to-end tests.",
        discussion: """
            The mentions are made up for the project (three invented brands; complaints, compliments, \
            questions and remarks in English and some Spanish, on every platform; repeat customers and a few \
            high-risk ones) and the same for the same --seed and --start. --format kcat prints the Kafka key \
            (the conversation key, platform:authorId) and a tab before each event, for \
            `kcat -P -t courtesy.mentions -K '\\t'`; the events never hold a raw tab. See docs/responder.md.
            """
    )

    /// How each event is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case kcat
    }

    @Option(name: .long, help: "How many mentions to print.")
    var count = 100

    @Option(name: .long, help: "The seed: the same seed and start give the same mentions.")
    var seed: UInt64 = 1

    @Option(
        name: .long,
        help: ArgumentHelp(
            "When the stream starts: an RFC 3339 time such as 2026-01-14T10:00:00Z, or now.", valueName: "TIME"))
    var start = "now"

    @Option(name: .long, help: "jsonl: one event a line; kcat: key, a tab, then the event.")
    var format = Format.jsonl

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must not be negative") }
        guard start == "now" || Timestamp(rfc3339: start) != nil else {
            throw ValidationError("--start \"\(start)\" is not an RFC 3339 time such as 2026-01-14T10:00:00Z, or now")
        }
    }

    func run() throws {
        let startTime = start == "now" ? Timestamp.now() : Timestamp(rfc3339: start) ?? Timestamp.now()
        var samples = try SampleMentions(seed: seed, start: startTime)
        var output = OutputBuffer(fileDescriptor: STDOUT_FILENO)
        for _ in 0..<count {
            guard let (key, json) = samples.next() else { break }
            if format == .kcat {
                output.bytes.append(contentsOf: key.utf8)
                output.bytes.append(UInt8(ascii: "\t"))
            }
            output.bytes.append(contentsOf: json)
            output.bytes.append(UInt8(ascii: "\n"))
            try output.flushIfFull()
        }
        try output.flush()
    }
}
