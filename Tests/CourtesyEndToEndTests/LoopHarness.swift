import CourtesyLab
import Foundation
import TestHTTP

/// The whole loop as separate processes on one embedded broker: `courtesy dev-broker`, responders and a
/// desk started from the built binary, and kcat for what a real client would produce and read.
final class LoopHarness: @unchecked Sendable {
    // Mutated only from the test's own task.
    let directory: URL
    let bootstrap: String
    let kcat: URL
    /// The approver's and the viewer's tokens, and the approvers file holding their hashes.
    let approverToken: String
    let viewerToken: String
    let approvers: URL
    private var processes: [Process] = []
    private let broker: Process

    init(kcat: URL) async throws {
        self.kcat = kcat
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("bootstrap")
        broker = Process()
        broker.executableURL = Tool.courtesy
        broker.arguments = ["dev-broker", "--bootstrap-file", file.path]
        broker.standardOutput = FileHandle.nullDevice
        broker.standardError = FileHandle.nullDevice
        try broker.run()
        var address = ""
        let deadline = ContinuousClock.now + .seconds(10)
        while address.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            if let text = try? String(contentsOf: file, encoding: .utf8), text.hasSuffix("\n") {
                address = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        guard !address.isEmpty else {
            broker.terminate()
            throw HarnessError("the dev broker did not start")
        }
        bootstrap = address

        var entries: [String] = []
        var tokens: [String] = []
        for (name, role) in [("Sam Rivera", "approver"), ("Vic Ng", "viewer")] {
            let made = try await Process.run(Tool.courtesy, ["desk", "token", "--name", name, "--role", role])
            let lines = made.output.split(separator: "\n")
            guard made.status == 0, let tokenLine = lines.first, let entryLine = lines.last,
                let token = tokenLine.split(separator: " ").last, let brace = entryLine.firstIndex(of: "{")
            else { throw HarnessError("courtesy desk token failed: \(made.error)") }
            tokens.append(String(token))
            entries.append(String(entryLine[brace...]))
        }
        approverToken = tokens[0]
        viewerToken = tokens[1]
        approvers = directory.appendingPathComponent("approvers.json")
        try Data(#"{"approvers":[\#(entries.joined(separator: ","))]}"#.utf8).write(to: approvers)
        // The desk refuses an approvers file others may write, whatever the umask made of it.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: approvers.path)
    }

    /// Stops every process; call at the end of each test. SIGKILL, so that it returns at once: it runs
    /// from `defer`, on a thread the other tests share, and a graceful drain takes seconds.
    func shutdown() {
        for process in processes + [broker] where process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
        }
        for process in processes + [broker] {
            process.waitForExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// What a service started as `name` has logged so far (its standard error), for failure messages.
    func log(of name: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent("\(name).log"), encoding: .utf8)) ?? ""
    }

    // MARK: Services

    /// A running service and the base URL of its HTTP endpoints.
    struct Service {
        let process: Process
        let base: URL
    }

    /// Starts `courtesy responder` on the broker; waits until it owns partitions unless told not to.
    /// `arguments` are added to the command line (`--kafka-property statistics.interval.ms=500`...).
    func startResponder(name: String, waitForPartitions: Bool = true, arguments: [String] = []) async throws
        -> Service
    {
        let service = try await start(
            name: name,
            [
                "responder", "--bootstrap", bootstrap, "--http-host", "127.0.0.1", "--http-port", "0",
                "--session-timeout", "6", "--kafka-property", "heartbeat.interval.ms=500",
            ] + arguments, urlPrefix: "metrics: ")
        if waitForPartitions { try await waitUntilReady(service, timeout: .seconds(40)) }
        return service
    }

    /// Starts `courtesy desk` on the broker and waits until it has rebuilt its queue; `arguments` are added to
    /// the command line.
    func startDesk(name: String = "desk", port: Int = 0, arguments: [String] = []) async throws -> Service {
        let service = try await start(
            name: name,
            [
                "desk", "--bootstrap", bootstrap, "--approvers", approvers.path, "--http-host", "127.0.0.1",
                "--http-port", String(port),
            ] + arguments, urlPrefix: "desk: ")
        try await waitUntilReady(service, timeout: .seconds(30))
        return service
    }

    func start(name: String, _ arguments: [String], urlPrefix: String) async throws -> Service {
        let process = Process()
        process.executableURL = Tool.courtesy
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        let log = directory.appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        processes.append(process)
        let lines = LineCollector(output.fileHandleForReading)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let line = lines.first(where: { $0.hasPrefix(urlPrefix) }),
                let address = line.dropFirst(urlPrefix.count).split(separator: " ").first,
                var url = URL(string: String(address))
            {
                if url.lastPathComponent == "metrics" { url = url.deletingLastPathComponent() }
                return Service(process: process, base: url)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw HarnessError("\(name) did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    func waitUntilReady(_ service: Service, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await get(service.base.appendingPathComponent("readyz")).status) == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw HarnessError("\(service.base) never became ready")
    }

    /// Kills a process at once, as a crash would: no drain, no commit, no goodbye to the group.
    func kill(_ service: Service) {
        Foundation.kill(service.process.processIdentifier, SIGKILL)
        service.process.waitForExit()
    }

    // MARK: Clients

    /// Produces `key|value` lines with kcat.
    func produce(_ lines: [String], topic: String = "courtesy.mentions") async throws {
        let result = try await Process.run(
            kcat, ["-P", "-b", bootstrap, "-t", topic, "-K", "|"], input: lines.joined(separator: "\n") + "\n")
        guard result.status == 0 else { throw HarnessError("kcat -P failed: \(result.error)") }
    }

    /// Every message `topic` holds, read with kcat.
    func consume(_ topic: String) async throws -> [String] {
        let result = try await Process.run(
            kcat, ["-C", "-b", bootstrap, "-t", topic, "-e", "-q", "-f", "%s\n"], timeout: .seconds(30))
        return result.output.split(separator: "\n").map(String.init)
    }

    /// GETs `url` with the approver's token.
    func get(_ url: URL, token: String? = nil) async throws -> (status: Int, body: Data) {
        let response = try await TestHTTP.get(url.absoluteString, token: token, timeout: .seconds(5))
        return (response.status, Data(response.body))
    }

    /// POSTs a JSON body with the approver's token.
    func post(_ url: URL, json: String, token: String) async throws -> (status: Int, body: Data) {
        let response = try await TestHTTP.send(
            "POST", url.absoluteString,
            headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
            body: Array(json.utf8), timeout: .seconds(20))
        return (response.status, Data(response.body))
    }

    /// The ids of the drafts pending at the desk, as its API lists them.
    func pendingDraftIds(_ desk: Service) async throws -> [String] {
        var components = URLComponents(
            url: desk.base.appendingPathComponent("v1/drafts"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "limit", value: "1000")]
        let (status, body) = try await get(components.url!, token: approverToken)
        guard status == 200,
            let object = try JSONSerialization.jsonObject(with: body) as? [String: Any],
            let drafts = object["drafts"] as? [[String: Any]]
        else { throw HarnessError("listing drafts answered \(status)") }
        return drafts.compactMap { $0["id"] as? String }
    }

    /// Waits until the desk lists `count` pending drafts (and a moment more, for duplicates to show).
    func waitForPending(_ count: Int, at desk: Service, timeout: Duration = .seconds(60)) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        var ids: [String] = []
        while ContinuousClock.now < deadline {
            ids = try await pendingDraftIds(desk)
            if ids.count >= count { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        try await Task.sleep(for: .milliseconds(500))
        return try await pendingDraftIds(desk)
    }

    /// A mention event line for kcat, `key|json`; `author` makes several mentions one conversation.
    static func mention(_ id: String, author: String? = nil, text: String) -> String {
        let author = author ?? "a\(id)"
        return #"x:\#(author)|{"schema":"courtesy.mention/v1","id":"\#(id)","platform":"x","brand":"acme","#
            + #""author":{"id":"\#(author)","handle":"c\#(author)","displayName":"Maria Lopez"},"#
            + #""text":"\#(text)","createdAt":"\#(Self.now)"}"#
    }

    private static var now: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
