import CourtesyLab
import Foundation
import Testing

@Suite(
    "The desk binary over HTTPS: --tls-cert and --tls-key, SIGHUP, --metrics-port",
    .serialized, .timeLimit(.minutes(2)),
    .enabled(
        if: Tool.find("kcat") != nil && Tool.find("openssl") != nil && Tool.find("curl") != nil,
        "kcat, openssl and curl are needed")
)
struct DeskTLSBinaryTests {
    /// A certificate authority and server certificates for `localhost`, made with openssl in `directory`.
    private struct Authority {
        let directory: URL

        init(in directory: URL) async throws {
            self.directory = directory
            try await openssl([
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                "-subj", "/CN=Courtesy test authority", "-keyout", path("ca.key"), "-out", path("ca.pem"),
            ])
            try Data("subjectAltName=DNS:localhost\n".utf8).write(to: directory.appendingPathComponent("san.cnf"))
        }

        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        /// Issues `name.pem` and `name.key`, for the subject CN=`name`.
        func issue(_ name: String) async throws {
            try await openssl([
                "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=\(name)",
                "-keyout", path("\(name).key"), "-out", path("\(name).csr"),
            ])
            try await openssl([
                "x509", "-req", "-in", path("\(name).csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-CAcreateserial", "-days", "1", "-extfile", path("san.cnf"), "-out", path("\(name).pem"),
            ])
        }

        /// Copies `name`'s certificate and key over the files the desk serves.
        func install(_ name: String) throws {
            for (source, target) in [("\(name).pem", "tls.crt"), ("\(name).key", "tls.key")] {
                let data = try Data(contentsOf: directory.appendingPathComponent(source))
                try data.write(to: directory.appendingPathComponent(target), options: .atomic)
            }
        }

        private func openssl(_ arguments: [String]) async throws {
            let result = try await Process.run(try #require(Tool.find("openssl")), arguments)
            try #require(result.status == 0, "openssl \(arguments.joined(separator: " ")): \(result.error)")
        }
    }

    /// The body (or status) curl gets for `url`, trusting only the test authority.
    private func curl(_ url: String, authority: Authority, status: Bool = false) async throws -> String {
        var arguments = ["-s", "--max-time", "5", "--cacert", authority.path("ca.pem"), url]
        if status { arguments = ["-o", "/dev/null", "-w", "%{http_code}"] + arguments }
        return try await Process.run(try #require(Tool.find("curl")), arguments).output
    }

    /// The subject of the certificate the server on `port` presents.
    private func subject(port: Int) async throws -> String {
        let shell = """
            openssl s_client -connect 127.0.0.1:\(port) -servername localhost </dev/null 2>/dev/null \
            | openssl x509 -noout -subject
            """
        return try await Process.run(URL(fileURLWithPath: "/bin/sh"), ["-c", shell]).output
    }

    @Test(
        "serves HTTPS with its certificate, reloads it on SIGHUP on the same listener, keeps the old one on a bad file")
    func httpsAndReload() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let authority = try await Authority(in: loop.directory)
        try await authority.issue("desk-one")
        try await authority.issue("desk-two")
        try authority.install("desk-one")

        let process = Process()
        process.executableURL = Tool.courtesy
        process.arguments = [
            "desk", "serve", "--bootstrap", loop.bootstrap, "--approvers", loop.approvers.path, "--http-host",
            "127.0.0.1", "--http-port", "0", "--tls-cert", authority.path("tls.crt"), "--tls-key",
            authority.path("tls.key"), "--metrics-port", "0",
        ]
        let output = Pipe()
        process.standardOutput = output
        let log = loop.directory.appendingPathComponent("desk-tls.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitForExit()
        }
        let lines = LineCollector(output.fileHandleForReading)
        var desk: URLComponents?
        var metrics: URLComponents?
        let deadline = ContinuousClock.now + .seconds(20)
        while desk == nil || metrics == nil, ContinuousClock.now < deadline {
            desk = lines.first { $0.hasPrefix("desk: ") }.flatMap { Self.address(in: $0) }
            metrics = lines.first { $0.hasPrefix("metrics: ") }.flatMap { Self.address(in: $0) }
            try await Task.sleep(for: .milliseconds(50))
        }
        let api = try #require(desk, "the desk did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        let plain = try #require(metrics)
        #expect(api.scheme == "https")
        #expect(plain.scheme == "http")
        let port = try #require(api.port)
        let https = "https://localhost:\(port)"

        #expect(try await curl("\(https)/healthz", authority: authority).contains("ok"))
        #expect(try await subject(port: port).contains("desk-one"))
        #expect(try await curl("\(https)/metrics", authority: authority, status: true) == "404", "not on the API port")
        let metricsBody = try await loop.get(try #require(plain.url)).body
        #expect(String(decoding: metricsBody, as: UTF8.self).contains("courtesy_http_open_connections"))

        try authority.install("desk-two")
        kill(process.processIdentifier, SIGHUP)
        var renewed = ""
        let reloadDeadline = ContinuousClock.now + .seconds(10)
        while !renewed.contains("desk-two"), ContinuousClock.now < reloadDeadline {
            try await Task.sleep(for: .milliseconds(100))
            renewed = try await subject(port: port)
        }
        #expect(renewed.contains("desk-two"), "SIGHUP reloaded the certificate: \(renewed)")
        #expect(process.isRunning)

        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: authority.path("tls.crt")))
        kill(process.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(process.isRunning)
        #expect(try await subject(port: port).contains("desk-two"), "a bad file keeps the certificate in use")
        #expect(try await curl("\(https)/healthz", authority: authority).contains("ok"))
        let logged = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(logged.contains("TLS certificate not reloaded") && logged.contains("tls.crt"))
    }

    @Test("a missing key, or a key that is not the certificate's, stops the desk at start, naming the file")
    func badFilesAtStart() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let authority = try await Authority(in: loop.directory)
        try await authority.issue("desk-one")
        try await authority.issue("desk-two")
        for key in ["missing.key", "desk-two.key"] {
            let result = try await Process.run(
                Tool.courtesy,
                [
                    "desk", "serve", "--bootstrap", loop.bootstrap, "--approvers", loop.approvers.path,
                    "--http-host", "127.0.0.1", "--http-port", "0", "--tls-cert", authority.path("desk-one.pem"),
                    "--tls-key", authority.path(key),
                ],
                timeout: .seconds(20))
            #expect(result.status != 0)
            #expect(result.error.contains(key), "\(result.error)")
            #expect(!result.output.contains("desk: "), "it never listened")
        }
    }

    private static func address(in line: String) -> URLComponents? {
        line.split(separator: " ").dropFirst().first.flatMap { URLComponents(string: String($0)) }
    }
}
