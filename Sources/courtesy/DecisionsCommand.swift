import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import CourtesyServices
import Foundation
import Logging

/// `courtesy decisions`: the approvers' decision log, as data.
struct DecisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "The approvers' decisions as data: export them as training examples for courtesy train.",
        subcommands: [DecisionsExportCommand.self]
    )
}

/// `courtesy decisions export`: labelled examples from the decision log.
struct DecisionsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the approvers' decisions as labelled examples (JSON lines) for courtesy train --decisions.",
        discussion: """
            Reads courtesy.decisions, the drafts they decided and their mentions, as the topics are when it \
            starts, and writes one example a line: the mention's text and the tone its reply needed. An \
            approval confirms the draft's tone; an edit is labelled by the tone of the approved text \
            (apology, thanks or neutral); a rejection counts only when its reason is about the tone and names one. See \
            docs/classifier.md, "Training on your own data".
            """
    )

    @OptionGroup var kafkaOptions: KafkaOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the examples.", valueName: "FILE"))
    var output: String

    @Option(name: .long, help: "The decisions topic.")
    var decisionsTopic = DecisionExport.Topics().decisions

    @Option(name: .long, help: "The drafts topic.")
    var draftsTopic = DecisionExport.Topics().drafts

    @Option(name: .long, help: "The mentions topic.")
    var mentionsTopic = DecisionExport.Topics().mentions

    func run() async throws {
        guard kafkaOptions.explicitBootstrap != nil else {
            throw ValidationError(
                "give --bootstrap (or KAFKA_BOOTSTRAP): the decisions are on the cluster the desk writes to")
        }
        let connection = try kafkaOptions.connect(clientID: "courtesy-decisions-export")
        var topics = DecisionExport.Topics()
        topics.decisions = decisionsTopic
        topics.drafts = draftsTopic
        topics.mentions = mentionsTopic
        let temporary = output + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw ValidationError("cannot write \(output)")
        }
        let report: DecisionExport.Report
        do {
            let progress: (String) -> Void = {
                FileHandle.standardError.write(Data("courtesy decisions export: \($0)\n".utf8))
            }
            let write: (DecisionExample) throws -> Void = { example in
                try handle.write(contentsOf: Data((example.jsonLine() + "\n").utf8))
            }
            report = try await DecisionExport.run(
                kafka: connection.configuration, topics: topics, words: try DraftScorecardWords.shipped(),
                logger: Logger(label: "courtesy.decisions"), progress: progress, write: write)
            try handle.close()
            if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
            try FileManager.default.moveItem(atPath: temporary, toPath: output)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let kinds = ["approve", "edit", "reject"].map { "\(report.examples[$0] ?? 0) \($0)" }.joined(separator: ", ")
        print(
            "wrote \(output): \(report.exported) examples from \(report.decisions) decisions (\(kinds)); "
                + "\(report.corrections) correct the draft's tone")
        for (reason, count) in report.skipped.sorted(by: { $0.key < $1.key }) {
            print("skipped \(count): \(reason)")
        }
        if report.undecodable > 0 { print("skipped \(report.undecodable) events that could not be decoded") }
    }
}
