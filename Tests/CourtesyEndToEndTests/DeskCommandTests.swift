import CourtesyCore
import Foundation
import Testing

@Suite("courtesy desk: what it refuses at start-up, and hash-token", .timeLimit(.minutes(2)))
struct DeskCommandTests {
    @Test("hash-token refuses a token shorter than the ones `desk token` makes, and hashes one that is not")
    func hashTokenLength() async throws {
        let short = try await Process.run(Tool.courtesy, ["desk", "hash-token"], input: "hunter2-hunter2\n")
        #expect(short.status != 0)
        #expect(short.error.contains("at least 64"), "\(short.error)")
        #expect(short.output.isEmpty)

        let token = ApproverToken.generate()
        let long = try await Process.run(Tool.courtesy, ["desk", "hash-token"], input: token + "\n")
        #expect(long.status == 0, "\(long.error)")
        #expect(long.output.trimmingCharacters(in: .whitespacesAndNewlines) == ApproverToken.sha256Hex(of: token))
    }

    @Test("the desk refuses to start with an approvers file others may write, saying the chmod to run")
    func writableApprovers() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("courtesy-approvers-\(UUID().uuidString).json").path
        let hash = ApproverToken.sha256Hex(of: ApproverToken.generate())
        try Data(#"{"approvers":[{"name":"Sam","role":"approver","tokenSHA256":"\#(hash)"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
        let refused = try await Process.run(
            Tool.courtesy,
            ["desk", "serve", "--approvers", path, "--bootstrap", "127.0.0.1:1", "--http-port", "0"],
            timeout: .seconds(30))
        #expect(refused.status != 0)
        #expect(refused.error.contains(path) && refused.error.contains("chmod go-w"), "\(refused.error)")
    }

    @Test("--trusted-proxy takes addresses and CIDR blocks, and says what is wrong with anything else")
    func trustedProxyOption() async throws {
        let bad = try await Process.run(
            Tool.courtesy, ["desk", "serve", "--approvers", "/nonexistent", "--trusted-proxy", "10.1.0.0/8"])
        #expect(bad.status != 0)
        #expect(bad.error.contains("did you mean 10.0.0.0/8"), "\(bad.error)")
    }
}
