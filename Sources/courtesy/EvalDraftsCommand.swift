import ArgumentParser
import CourtesyCore
import Foundation

/// `courtesy eval drafts`: drafts a set of mentions and counts what a care lead would send back.
struct EvalDraftsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts",
        abstract: "Draft a set of mentions and count the drafts a care lead would send back, with examples.",
        discussion: """
            Drafts mention events from FILE (one courtesy.mention/v1 event a line), or the texts of a tone \
            corpus (--corpus, each text posted in turn on every platform), or by default --count mentions of \
            the sample stream (`courtesy sample-mentions`), remembering earlier contacts as the responder \
            does. Every draft is held to the rules of docs/templates.md ("Judging drafts") against what \
            Courtesy read in the mention: an apology for every complaint or threat and no light line for it or \
            a flagged mention; no shop words for an airline, hotel, telecom or bank customer; no "DM us" in a \
            chat or an e-mail; likes and reviews asked for only in public, after praise; no identifier asked \
            for that the customer gave; the reply in the mention's language; within the platform's length; no \
            opening sentence in more than --max-opening-share of a language's drafts; a member of staff praised \
            by name is named back. Sample mentions and \
            corpus texts also say what they were written to be: a complaint the classifier read as something \
            else is counted apart ("complaints read as something else"), and fails the run only over \
            --max-misread; praise or a remark read as a complaint is counted apart too, and never fails it. \
            Exit status: 0 when no rule was broken, 1 when any was (or a mention could not be \
            drafted, or too many complaints were misread), 2 when the run could not start.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A file of mention events, one JSON object a line (default: the sample stream).",
            valueName: "FILE"))
    var file: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A tone corpus (\"apology|thanks|neutral[<TAB>language]<TAB>text\" a line) to draft instead (repeatable).",
            valueName: "FILE"))
    var corpus: [String] = []

    @Option(name: .long, help: "How many sample mentions to draft, without FILE or --corpus.")
    var count = 2_000

    @Option(name: .long, help: "The sample stream's seed.")
    var seed: UInt64 = 1

    @OptionGroup var responderOptions: ResponderOptions

    @Option(name: .long, help: "How many examples to print for each rule.")
    var examples = 3

    @Option(
        name: .customLong("max-opening-share"),
        help: "The largest share of a language's drafts one opening sentence may start (0 to 1).")
    var maxOpeningShare = 0.05

    @Option(
        name: .customLong("max-misread"),
        help: ArgumentHelp(
            "Also fail when more than this share of the known complaints is read as something else (0 to 1).",
            valueName: "SHARE"))
    var maxMisread: Double?

    @Flag(name: .long, help: "Print the figures as one JSON object.")
    var json = false

    /// Sample mentions start here, so that a run is the same every time.
    static let sampleStart = Timestamp(rfc3339: "2026-12-01T09:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        guard examples >= 0 else { throw ValidationError("--examples must not be negative") }
        guard (0...1).contains(maxOpeningShare) else { throw ValidationError("--max-opening-share must be 0 to 1") }
        guard maxMisread.map({ (0...1).contains($0) }) ?? true else {
            throw ValidationError("--max-misread must be 0 to 1")
        }
        guard file == nil || corpus.isEmpty else { throw ValidationError("give FILE or --corpus, not both") }
    }

    func run() throws {
        let responder: Responder
        var card: DraftScorecard
        let input: [(mention: Mention, expected: Intent?)]
        let source: String
        do {
            responder = try Responder(configuration: try responderOptions.configuration())
            card = DraftScorecard(
                words: try DraftScorecardWords.shipped(), templates: responder.templates,
                classifier: responder.classifier)
            if let file {
                input = try Self.mentions(file: file, limits: responder.limits)
                source = file
            } else if !corpus.isEmpty {
                input = Self.mentions(
                    corpus: try corpus.flatMap { path throws(EvaluationError) in try ToneCorpus.load(path: path) })
                source = corpus.joined(separator: ", ")
            } else {
                var samples = try SampleMentions(seed: seed, start: Self.sampleStart)
                input = (0..<count).map { _ in
                    let (mention, intent) = samples.nextLabelledMention()
                    return (mention, intent)
                }
                source = "\(count) sample mentions (seed \(seed))"
            }
        } catch {
            FileHandle.standardError.write(Data("courtesy eval drafts: \(error)\n".utf8))
            throw ExitCode(2)
        }
        card.examplesPerRule = examples
        card.maximumOpeningShare = maxOpeningShare

        card.draftAndScore(input, with: responder)
        if json {
            print(String(decoding: card.jsonBytes(), as: UTF8.self))
        } else {
            print(card.report(title: "Drafts of \(source)"))
        }
        let misreadShare = Double(card.misread) / Double(max(card.labelledComplaints, 1))
        if card.violations > 0 || !card.failed.isEmpty || misreadShare > (maxMisread ?? 1) {
            throw ExitCode.failure
        }
    }

    /// The mention events of a JSON-lines file; a line that is not one stops the run, naming it.
    static func mentions(file: String, limits: EventLimits) throws -> [(mention: Mention, expected: Intent?)] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        var mentions: [(mention: Mention, expected: Intent?)] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
            do {
                mentions.append((try Mention(json: Array(line), limits: limits), nil))
            } catch {
                throw ValidationError("\(file):\(index + 1): not a mention event: \(error)")
            }
        }
        guard !mentions.isEmpty else { throw ValidationError("\(file) holds no mention events") }
        return mentions
    }

    /// A tone corpus as mentions: each text posted on the platforms in turn, by a customer of its own whose
    /// locale is the text's language when the corpus names it, and expected to be what its tone says (an
    /// apology is owed to a complaint, thanks to a compliment).
    static func mentions(corpus: [LabelledText]) -> [(mention: Mention, expected: Intent?)] {
        let platforms = Platform.allCases
        let start = sampleStart.millisecondsSinceEpoch
        return corpus.enumerated().map { index, item in
            let platform = platforms[index % platforms.count]
            let mention = Mention(
                id: "corpus-\(index + 1)", platform: platform, brand: "corpus",
                author: Mention.Author(
                    id: "customer-\(index + 1)", handle: nil, displayName: nil, locale: item.language),
                text: item.text, createdAt: Timestamp(millisecondsSinceEpoch: start + Int64(index) * 60_000))
            let expected: Intent? =
                switch item.tone {
                case .apology: .complaint
                case .thanks: .compliment
                case .neutral: nil
                }
            return (mention, expected)
        }
    }
}
