import Foundation
import Testing

@testable import CourtesyCore

@Suite("Approver tokens and directory")
struct ApproverDirectoryTests {
    private let samToken = "sam-9f2c61d0b3e84f7aa1c2"
    private let vicToken = "vic-51b7e0c2d4a94e6c8f13"

    private var configuration: String {
        """
        {"approvers": [
          {"name": "Sam Rivera", "role": "approver", "tokenSHA256": "\(ApproverToken.sha256Hex(of: samToken))"},
          {"name": "Vic Viewer", "role": "viewer", "tokenSHA256": "\(ApproverToken.sha256Hex(of: vicToken).uppercased())"}
        ]}
        """
    }

    private func loadError(_ json: String) -> ApproverDirectoryError? {
        do throws(ApproverDirectoryError) {
            _ = try ApproverDirectory(json: Array(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("hashing is SHA-256 of the UTF-8 bytes, in lowercase hex")
    func hashing() {
        #expect(
            ApproverToken.sha256Hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ApproverToken.sha256Hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let token = ApproverToken.generate()
        #expect(token.count == 64)
        #expect(token.allSatisfy { $0.isHexDigit })
        #expect(token != ApproverToken.generate())
    }

    @Test("the right token finds its approver; a wrong, empty or near token finds nobody")
    func authenticate() throws {
        let directory = try ApproverDirectory(json: Array(configuration.utf8))
        #expect(directory.approvers.map(\.name) == ["Sam Rivera", "Vic Viewer"])
        #expect(directory.authenticate(token: samToken) == Approver(name: "Sam Rivera", role: .approver))
        #expect(directory.authenticate(token: vicToken) == Approver(name: "Vic Viewer", role: .viewer))
        #expect(directory.authenticate(token: "wrong") == nil)
        #expect(directory.authenticate(token: "") == nil)
        #expect(directory.authenticate(token: samToken + " ") == nil)
        #expect(directory.authenticate(token: String(samToken.dropLast())) == nil)
        #expect(directory.authenticate(token: ApproverToken.sha256Hex(of: samToken)) == nil)
    }

    @Test("a viewer authenticates but may not decide")
    func viewerRole() throws {
        let directory = try ApproverDirectory(json: Array(configuration.utf8))
        let viewer = try #require(directory.authenticate(token: vicToken))
        #expect(!viewer.role.mayDecide)
        var queue = DeskQueue()
        let draft = DeskFixtures.draft("1893")
        queue.apply(draft: draft)
        #expect(throws: DeskError.forbidden(approver: "Vic Viewer", role: .viewer)) {
            try queue.decide(draft.id, .approve(), by: viewer, at: DeskFixtures.start)
        }
    }

    @Test("constant-time comparison: equal, unequal, and unequal lengths")
    func constantTimeComparison() {
        let digest = ApproverToken.digest(of: samToken)
        #expect(ApproverToken.constantTimeEquals(digest, digest))
        #expect(ApproverToken.constantTimeEquals([], []))
        var lastByte = digest
        lastByte[31] ^= 0x01
        #expect(!ApproverToken.constantTimeEquals(digest, lastByte))
        var firstByte = digest
        firstByte[0] ^= 0x80
        #expect(!ApproverToken.constantTimeEquals(digest, firstByte))
        // A prefix, or the same bytes followed by zeros, is not equal.
        #expect(!ApproverToken.constantTimeEquals(digest, Array(digest.prefix(16))))
        #expect(!ApproverToken.constantTimeEquals(Array(digest.prefix(16)), digest))
        #expect(!ApproverToken.constantTimeEquals([1, 2], [1, 2, 0]))
        #expect(!ApproverToken.constantTimeEquals([], [0]))
        #expect(ApproverToken.difference([1, 2, 3], [1, 2, 3]) == 0)
        #expect(ApproverToken.difference([1, 2, 3], [1, 2, 4]) != 0)
    }

    @Test("configuration errors say where, and never echo a token or hash")
    func configurationErrors() {
        let samHash = ApproverToken.sha256Hex(of: samToken)
        #expect(loadError(#"{"approvers":[]}"#) == .noApprovers)
        #expect(loadError("{}")?.description == #"approvers configuration: missing field "approvers""#)
        #expect(
            loadError(#"{"approvers":[{"name":"Sam","role":"approver","token":"\#(samToken)"}]}"#)?.description
                == "approvers configuration, approvers[0].token: store the token's SHA-256 as \"tokenSHA256\""
                + " (courtesy desk hash-token), never the token")
        let pasted = loadError(#"{"approvers":[{"name":"Sam","role":"approver","tokenSHA256":"\#(samToken)"}]}"#)
        #expect(pasted?.description.contains("approvers[0].tokenSHA256: must be 64 hex digits") == true)
        #expect(pasted?.description.contains(samToken) == false)
        #expect(
            loadError(#"{"approvers":[{"name":"Sam","role":"boss","tokenSHA256":"\#(samHash)"}]}"#)?.description
                .contains("approvers[0].role") == true)
        #expect(
            loadError(#"{"approvers":[{"name":"Sam","role":"approver","tokenSHA256":"\#(samHash)","rôle":1}]}"#)?
                .description.contains("unknown member") == true)
        #expect(
            loadError(#"{"approvers":[{"name":"Sam","role":"approver"}]}"#)?.description
                == #"approvers configuration: missing field "approvers[0].tokenSHA256""#)
        let twice = #"{"approvers":[{"name":"Sam","role":"approver","tokenSHA256":"\#(samHash)"},"#
        #expect(
            loadError(
                twice + #"{"name":"Sam","role":"viewer","tokenSHA256":"\#(String(repeating: "a", count: 64))"}]}"#)
                == .duplicateName("Sam"))
        let shared = loadError(twice + #"{"name":"Kim","role":"viewer","tokenSHA256":"\#(samHash)"}]}"#)
        #expect(shared == .sharedToken(first: "Sam", second: "Kim"))
        #expect(shared?.description.contains(samHash) == false)
        let emptyTokenHash = ApproverToken.sha256Hex(of: "")
        #expect(
            loadError(#"{"approvers":[{"name":"Sam","role":"approver","tokenSHA256":"\#(emptyTokenHash)"}]}"#)
                == .invalidValue(path: "approvers[0].tokenSHA256", problem: "is the hash of an empty token"))
        #expect(
            loadError(#"{"approvers":[{"name":"Sam\nRivera","role":"approver","tokenSHA256":"\#(samHash)"}]}"#)
                == .invalidValue(
                    path: "approvers[0].name", problem: "must not contain control or invisible format characters"))
        #expect(loadError("{") != nil)
    }

    @Test("a directory loads from a file; a missing file is unreadable")
    func loading() throws {
        #expect(throws: ApproverDirectoryError.self) {
            try ApproverDirectory.load(path: "/nonexistent/approvers.json")
        }
    }

    @Test(
        "a file its group or other users may write is refused, naming it and the chmod to run",
        arguments: [0o664, 0o646, 0o666, 0o620])
    func writableByOthers(_ mode: Int) throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("courtesy-approvers-\(UUID().uuidString).json").path
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        let error = #expect(throws: ApproverDirectoryError.self) { try ApproverDirectory.load(path: path) }
        #expect(error == .writableByOthers(path: path, mode: mode))
        #expect(error?.description.contains("chmod go-w \(path)") == true, "\(error?.description ?? "")")

        let link = path + ".link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        defer { try? FileManager.default.removeItem(atPath: link) }
        #expect(throws: ApproverDirectoryError.self, "the file a link leads to is checked") {
            try ApproverDirectory.load(path: link)
        }

        for allowed in [0o600, 0o640, 0o644, 0o400] {
            try FileManager.default.setAttributes([.posixPermissions: allowed], ofItemAtPath: path)
            #expect(try ApproverDirectory.load(path: path).approvers.count == 2, "mode \(String(allowed, radix: 8))")
        }
    }

    @Test("a token must be as long as the ones `desk token` makes")
    func tokenLength() {
        #expect(ApproverToken.isLongEnough(ApproverToken.generate()))
        #expect(ApproverToken.generate().count == ApproverToken.minimumLength)
        #expect(!ApproverToken.isLongEnough(String(repeating: "a", count: ApproverToken.minimumLength - 1)))
        #expect(!ApproverToken.isLongEnough("hunter2"))
    }
}
