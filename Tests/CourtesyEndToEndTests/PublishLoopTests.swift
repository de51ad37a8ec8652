import CourtesyCore
import Foundation
import Testing

@Suite(
    "courtesy publish against a receiver in another process",
    .serialized, .timeLimit(.minutes(4)),
    .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)"),
    .enabled(if: Tool.find("python3") != nil, "python3 is not installed: the test's receiver is a Python script")
)
struct PublishLoopTests {
    /// A webhook receiver: refuses the first requests with 503, answers some slowly (past the publisher's
    /// timeout), checks every signature, and records every request as a JSON line.
    private static let receiver = #"""
        import hashlib, hmac, http.server, json, sys, threading, time
        secret, log_path, port_path = open(sys.argv[1], "rb").read().strip(), sys.argv[2], sys.argv[3]
        lock = threading.Lock()
        state = {"n": 0, "posts": 0}
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                key = self.headers.get("Idempotency-Key")
                expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
                signed = hmac.compare_digest(expected, self.headers.get("Courtesy-Signature", ""))
                with lock:
                    state["n"] += 1
                    n = state["n"]
                if not signed:
                    status, delay = 401, 0
                elif n <= 6:
                    status, delay = 503, 0
                elif n % 5 == 0:
                    status, delay = 200, 2.5
                else:
                    status, delay = 200, 0.05
                time.sleep(delay)
                post = "post-%d" % n
                try:
                    reply = json.loads(body)
                except ValueError:
                    reply = {}
                entry = {"n": n, "key": key, "status": status, "post": post, "signed": signed,
                         "sha": hashlib.sha256(body).hexdigest(), "id": reply.get("id"),
                         "conversation": reply.get("conversation"), "text": reply.get("text"), "t": time.time()}
                try:
                    answer = json.dumps({"id": post}).encode() if status == 200 else b'{"error":"busy"}'
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                    entry["answered"] = True
                except OSError:
                    entry["answered"] = False
                with lock, open(log_path, "a") as log:
                    log.write(json.dumps(entry) + "\n")
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        with open(port_path, "w") as f:
            f.write("%d\n" % server.server_address[1])
        server.serve_forever()
        """#

    private struct Received: Decodable {
        let n: Int
        let key: String?
        let status: Int
        let post: String
        let signed: Bool
        let sha: String
        let id: String?
        let conversation: String?
        let text: String?
        let answered: Bool
    }

    private static func reply(_ index: Int, conversation: Int) -> (key: String, line: String, id: String) {
        let id = Draft.identifier(platform: .x, mentionId: "pub-\(index)")
        let key = "x:c\(conversation)"
        let json =
            #"{"schema":"courtesy.reply/v1","id":"\#(id)","platform":"x","conversation":"\#(key)","#
            + #""inReplyTo":"pub-\#(index)","text":"Reply \#(index) to conversation \#(conversation)","#
            + #""agent":{"id":"a1","name":"Sam"},"approvedBy":"Ana","approvedAt":"2026-12-07T04:00:00.000Z","#
            + #""brand":"acme","url":"https://x.example/acme/status/\#(index)"}"#
        return (key, "\(key)|\(json)", id)
    }

    @Test(
        "503s, slow answers and a publisher killed mid-stream: every reply received, one key per reply, none lost, publications agree"
    )
    func crashAndFlakyReceiver() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let secret = loop.directory.appendingPathComponent("webhook-secret")
        try Data("s3cret-for-the-test\n".utf8).write(to: secret)
        let script = loop.directory.appendingPathComponent("receiver.py")
        try Data(Self.receiver.utf8).write(to: script)
        let received = loop.directory.appendingPathComponent("received.jsonl")
        let portFile = loop.directory.appendingPathComponent("receiver.port")
        let python = try #require(Tool.find("python3"))
        let receiver = Process()
        receiver.executableURL = python
        receiver.arguments = [script.path, secret.path, received.path, portFile.path]
        receiver.standardOutput = FileHandle.nullDevice
        try receiver.run()
        defer {
            Foundation.kill(receiver.processIdentifier, SIGKILL)
            receiver.waitForExit()
        }
        var port = ""
        let started = ContinuousClock.now
        while port.isEmpty, ContinuousClock.now - started < .seconds(10) {
            try await Task.sleep(for: .milliseconds(50))
            if let text = try? String(contentsOf: portFile, encoding: .utf8), text.hasSuffix("\n") {
                port = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        try #require(!port.isEmpty, "the receiver did not start")

        // 90 replies in 15 conversations, six each, in order.
        let replies = (0..<90).map { Self.reply($0, conversation: $0 % 15) }
        try await loop.produce(replies.map(\.line), topic: "courtesy.replies")
        let arguments = [
            "--webhook", "http://127.0.0.1:\(port)/hook", "--secret-file", secret.path, "--timeout", "1",
            "--concurrency", "3",
        ]
        let first = try await loop.startPublisher(name: "publisher-1", arguments: arguments)
        try await waitUntil(timeout: .seconds(60)) {
            Self.read(received).filter { $0.status == 200 }.count >= 20
        }
        loop.kill(first)
        _ = try await loop.startPublisher(name: "publisher-2", arguments: arguments)
        let ids = Set(replies.map(\.id))
        try await waitUntil(timeout: .seconds(90)) {
            Set(Self.read(received).filter { $0.status == 200 && $0.answered }.compactMap(\.key)) == ids
        }
        var publications: [Publication] = []
        try await waitUntil(timeout: .seconds(30)) {
            publications = try await loop.consume("courtesy.publications").map { try Publication(json: Array($0.utf8)) }
            return Set(publications.map(\.replyId)) == ids
        }
        let log = Self.read(received)

        // Every approved reply was received, every post was signed, and nothing was refused.
        #expect(log.allSatisfy { $0.signed }, "a post arrived with a bad signature")
        #expect(Set(log.filter { $0.status == 200 }.compactMap(\.key)) == ids)
        #expect(log.contains { $0.status == 503 }, "the receiver's 503s were not exercised")
        #expect(log.contains { $0.status == 200 && !$0.answered }, "no post timed out")
        #expect(try await loop.consume("courtesy.replies.dlq").isEmpty)
        // The same reply always came with the same key: its own id.
        for entry in log {
            #expect(
                entry.key == entry.id,
                "request \(entry.n) carried key \(entry.key ?? "none") for reply \(entry.id ?? "?")")
        }
        let keysByBody = Dictionary(grouping: log, by: \.sha).mapValues { Set($0.compactMap(\.key)) }
        #expect(keysByBody.values.allSatisfy { $0.count == 1 })
        // Replies of one conversation were first accepted in the order they were approved.
        var firstAccepted: [String: Int] = [:]
        for entry in log where entry.status == 200 && entry.answered {
            if let key = entry.key, firstAccepted[key] == nil { firstAccepted[key] = entry.n }
        }
        for conversation in 0..<15 {
            let order = replies.enumerated().filter { $0.offset % 15 == conversation }.map {
                firstAccepted[$0.element.id] ?? -1
            }
            #expect(order == order.sorted(), "conversation \(conversation) was posted out of order: \(order)")
        }
        // courtesy.publications agrees with the receiver: each outcome names a post the receiver answered
        // 200 for that very reply.
        let accepted = Dictionary(
            log.filter { $0.status == 200 && $0.answered }.map { ($0.post, $0.key ?? "") },
            uniquingKeysWith: { a, _ in a })
        for publication in publications {
            #expect(publication.outcome == .posted)
            #expect(accepted[publication.postId ?? ""] == publication.replyId)
        }
        let redelivered = log.filter { $0.status == 200 && $0.answered }.count - ids.count
        print("receiver: \(log.count) requests, \(ids.count) replies, \(redelivered) posted again after the crash")
    }

    private static func read(_ file: URL) -> [Received] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { try? decoder.decode(Received.self, from: Data($0.utf8)) }
    }

    private func waitUntil(timeout: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(try await condition(), "timed out")
    }
}

extension LoopHarness {
    /// Starts `courtesy publish` on the broker and waits until it is ready.
    func startPublisher(name: String, arguments: [String]) async throws -> Service {
        let service = try await start(
            name: name,
            ["publish", "--bootstrap", bootstrap, "--http-host", "127.0.0.1", "--http-port", "0"] + arguments,
            urlPrefix: "metrics: ")
        try await waitUntilReady(service, timeout: .seconds(30))
        return service
    }
}
