import ArgumentParser
import CourtesyBenchCorpus
import CourtesyCore
import Foundation

/// `courtesy-lab bench core`: what drafting one reply costs on one core, all in and stage by stage.
struct BenchCoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core",
        abstract: "Measure decode → classify → personalise → render → encode on one core (use a release build).",
        discussion: """
            Runs the responder over a generated corpus of mention events (or --mentions FILE, one event per \
            line), single-threaded, and prints drafts per second plus the cost of each stage in ns per draft. \
            Each stage is timed on its own over inputs prepared beforehand; "all in" is Responder.draft(json:) \
            from event bytes to draft bytes. The best of --rounds rounds is reported. Figures, not a test.
            """
    )

    @Option(
        name: .long, help: ArgumentHelp("Mention events to use instead of the generated corpus.", valueName: "FILE"))
    var mentions: String?

    @Option(name: .long, help: "Events in the generated corpus.")
    var count = 20_000

    @Option(name: .long, help: "Rounds per stage; the fastest is reported.")
    var rounds = 5

    @Option(name: .long, help: ArgumentHelp("The agent roster (default: 20 generated agents).", valueName: "FILE"))
    var roster: String?

    @Option(
        name: .long, help: ArgumentHelp("The templates directory (default: the shipped templates).", valueName: "DIR"))
    var templates: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A tone model from `courtesy train`, to measure its cost (default: the rules alone).", valueName: "MODEL"))
    var toneModel: String?

    func validate() throws {
        guard count > 0, rounds > 0 else { throw ValidationError("--count and --rounds must be positive") }
    }

    func run() throws {
        #if DEBUG
            print("warning: debug build; build with -c release for real figures")
        #endif
        let events = try mentions.map(Self.readLines) ?? CoreBenchCorpus.make(count: count)
        let responder = Responder(
            classifier: try Classifier.shipped().using(
                toneModel.map { path throws(ToneModelError) in try ToneModel.load(path: path) }),
            names: try NameExtractor(),
            roster: try roster.map { try AgentRoster.load(from: URL(fileURLWithPath: $0)) }
                ?? CoreBenchCorpus.roster(count: 20),
            templates: try templates.map { try TemplateLibrary.load(.directory($0)) } ?? TemplateLibrary.bundled())
        let now = Timestamp(millisecondsSinceEpoch: 1_767_268_800_000 + 36_000_000)
        let date = now.date

        // Inputs for each stage, made by the stages before it.
        var mentionList: [Mention] = []
        var refused = 0
        for event in events {
            do throws(EventDecodingError) {
                mentionList.append(try Mention(json: event, limits: responder.limits))
            } catch {
                refused += 1
            }
        }
        guard !mentionList.isEmpty else { throw ValidationError("no event could be decoded") }
        let classifications = mentionList.map { responder.classifier.classify($0) }
        let customerNames = mentionList.map {
            responder.names.firstName(displayName: $0.author.displayName, handle: $0.author.handle)
        }
        let drafts = try mentionList.map { try responder.draft(for: $0, at: now) }
        let requests = zip(mentionList, drafts).enumerated().map { index, pair in
            ReplyRequest(
                kind: Responder.replyKind(for: classifications[index]), platform: pair.0.platform,
                language: classifications[index].language.rawValue, customerName: customerNames[index],
                agentName: pair.1.agent.name, topics: classifications[index].topics, seed: pair.0.id)
        }
        let names = mentionList.count
        print(
            "courtesy-lab bench core: \(names) mentions (\(mentions ?? "generated")), \(refused) refused, "
                + "\(responder.roster?.agents.count ?? 0) agents, best of \(rounds) rounds, one core, tone by "
                + (responder.classifier.toneModel.map { "model \($0.identifier)" } ?? "the rules"))

        var sink = 0
        var stages: [(String, Double)] = []
        stages.append(
            (
                "decode",
                measure(names) {
                    for event in events {
                        if let mention = try? Mention(json: event, limits: responder.limits) {
                            sink &+= mention.text.utf8.count
                        }
                    }
                }
            ))
        stages.append(
            (
                "classify",
                measure(names) {
                    for mention in mentionList { sink &+= responder.classifier.classify(mention).priority.score }
                }
            ))
        stages.append(
            (
                "name",
                measure(names) {
                    for mention in mentionList {
                        let name = responder.names.firstName(
                            displayName: mention.author.displayName, handle: mention.author.handle)
                        sink &+= name?.utf8.count ?? 0
                    }
                }
            ))
        if let agents = responder.roster {
            stages.append(
                (
                    "agent",
                    measure(names) {
                        for (index, mention) in mentionList.enumerated() {
                            let assignment = agents.assign(
                                conversation: mention.conversationKey, topics: classifications[index].topics,
                                language: classifications[index].language.rawValue, at: date)
                            sink &+= assignment.agent.id.utf8.count
                        }
                    }
                ))
        }
        stages.append(
            (
                "render",
                measure(names) {
                    for request in requests {
                        if let reply = try? responder.templates.render(request) { sink &+= reply.text.utf8.count }
                    }
                }
            ))
        stages.append(
            (
                "assemble",
                measure(names) {
                    for (index, mention) in mentionList.enumerated() {
                        let draft = Draft(
                            mention: mention, classification: classifications[index],
                            customerName: customerNames[index], agent: drafts[index].agent, text: drafts[index].text,
                            template: drafts[index].template, createdAt: now)
                        sink &+= draft.id.utf8.count
                    }
                }
            ))
        stages.append(
            (
                "encode",
                measure(names) {
                    for draft in drafts { sink &+= draft.jsonBytes().count }
                }
            ))
        var draftBytes = 0
        let allIn = measure(events.count) {
            draftBytes = 0
            for event in events {
                if case .success(let bytes) = responder.draft(json: event, at: now) { draftBytes &+= bytes.count }
            }
        }

        let stageTotal = stages.reduce(0) { $0 + $1.1 }
        for (name, nanoseconds) in stages {
            print(Self.row(name, nanoseconds, share: nanoseconds / stageTotal))
        }
        print(Self.row("sum of stages", stageTotal, share: 1))
        print(Self.row("all in", allIn, share: nil))
        print(
            String(
                format: "%.0f drafts/s per core (target 250000), %d bytes per draft on average",
                1e9 / allIn, draftBytes / max(events.count, 1)))
        if sink == 42 { print("") }
    }

    /// The best time over the rounds, in nanoseconds per item.
    private func measure(_ items: Int, _ body: () -> Void) -> Double {
        body()  // warm-up
        var best = Duration.seconds(1_000_000)
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            body()
            best = min(best, ContinuousClock.now - start)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        return seconds * 1e9 / Double(max(items, 1))
    }

    private static func row(_ name: String, _ nanoseconds: Double, share: Double?) -> String {
        let padded = name.padding(toLength: 14, withPad: " ", startingAt: 0)
        let shareText = share.map { String(format: "%5.1f%%", $0 * 100) } ?? ""
        return padded + String(format: "%8.0f ns/draft  ", nanoseconds) + shareText
    }

    /// The non-blank lines of a file.
    private static func readLines(_ path: String) throws -> [[UInt8]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.split(separator: UInt8(ascii: "\n")).map { Array($0) }.filter {
            $0.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        }
    }
}
