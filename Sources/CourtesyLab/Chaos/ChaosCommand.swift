import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import CourtesyKafka
import CourtesyReview
import CourtesyServices
import Foundation
import Logging

package struct ChaosCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "chaos",
        abstract: "Run the loop under faults and check that nothing was lost, doubled or unrecorded.",
        discussion: """
            Starts an embedded 3-broker cluster, two responders and a desk (as child processes), and \
            sends a steady stream of sample mentions, and a poison record of 1 MiB every 10 s, while an \
            approver approves drafts, now and then first trying an edit too large to record. Every few \
            seconds it causes a fault: a responder or the desk killed with SIGKILL and restarted, a \
            broker or the whole cluster down, produce, fetch or commit errors, a responder frozen past \
            its session timeout. At the end it heals everything, waits for the loop to settle and \
            checks that every mention has exactly one draft at the desk, that every poison record was \
            dead-lettered, that every approval's decision is recorded and readable and that no reply \
            was published twice. Exit status 1 if not. \
            See docs/reliability.md.
            """
    )

    @Option(help: "Seconds of mentions and faults (the checks come after).")
    var duration: Double = 60

    @Option(help: "Mentions sent per second.")
    var rate = 100

    @Option(help: "Seconds between two faults.")
    var faultInterval: Double = 3

    @Flag(
        inversion: .prefixedNo,
        help: "Cause faults; --no-faults makes it a soak: the same checks, memory and backlog over time.")
    var faults = true

    @Option(help: "The seed of the sample mentions.")
    var seed: UInt64 = 7

    @Flag(help: "Progress to standard error and one JSON object as the last line of standard output.")
    var json = false

    package func validate() throws {
        guard duration > 0, duration <= 3_600 else { throw ValidationError("--duration must be 1 to 3600 seconds") }
        guard rate > 0, rate <= 5_000 else { throw ValidationError("--rate must be 1 to 5000 mentions a second") }
        guard faultInterval >= 0.5 else { throw ValidationError("--fault-interval must be at least 0.5 seconds") }
    }

    package init() {}

    package func run() async throws {
        let logger = LogSetup.logger("courtesy.chaos", defaultLevel: .critical)
        let started = ContinuousClock.now
        let say: @Sendable (String) -> Void = { [json] text in
            if json { FileHandle.standardError.write(Data((text + "\n").utf8)) } else { Console.line(text) }
        }
        let rig = try ChaosRig(logger: logger, say: say)
        defer { rig.removeFiles() }
        try await rig.start()
        say("cluster \(rig.bootstrap); desk \(rig.deskURL); 2 responders; \(rate) mentions/s for \(Int(duration)) s")

        let sent = try await rig.drive(
            duration: .milliseconds(Int64(duration * 1_000)), rate: rate, faultInterval: faults ? faultInterval : nil,
            seed: seed)
        say("healing: every broker up, no injected errors, every process running")
        await rig.heal()
        await rig.approveIfNoneYet(within: .seconds(30))
        var report = try await rig.settleAndAudit(sent)
        report.seconds = (ContinuousClock.now - started).seconds
        await rig.stopAll()
        if json {
            print(report.json)
        } else {
            Console.line(report.table)
        }
        if !report.passed { throw ExitCode.failure }
    }
}
