import Testing

@testable import CourtesyCore

@Suite("Token comparison reads every byte, whatever the bytes", .timeLimit(.minutes(1)))
struct ApproverTokenTests {
    /// Which positions of each side `difference` reads when comparing `lhs` with `rhs`.
    private func reads(_ lhs: [UInt8], _ rhs: [UInt8]) -> (left: [Int], right: [Int], equal: Bool) {
        let left = RecordedBytes(bytes: lhs, log: RecordedBytes.Log())
        let right = RecordedBytes(bytes: rhs, log: RecordedBytes.Log())
        let difference = ApproverToken.difference(left, right)
        return (left.log.reads, right.log.reads, difference == 0)
    }

    @Test("a difference in any one byte, or none: all 32 bytes of both digests are read, once each, in order")
    func everyByteRead() {
        let digest = ApproverToken.digest(of: "sam-token")
        let all = Array(0..<32)
        let same = reads(digest, digest)
        #expect(same.equal && same.left == all && same.right == all)
        for position in 0..<32 {
            var other = digest
            other[position] ^= 0xFF
            let read = reads(digest, other)
            #expect(!read.equal)
            #expect(read.left == all && read.right == all, "differing at byte \(position)")
        }
        let unrelated = reads(digest, ApproverToken.digest(of: "vic-token"))
        #expect(!unrelated.equal && unrelated.left == all && unrelated.right == all)
    }

    @Test("different lengths: every byte of both is read, and they are unequal")
    func differentLengths() {
        let digest = ApproverToken.digest(of: "sam-token")
        let short = reads(Array(digest.prefix(3)), digest)
        #expect(!short.equal && short.left == [0, 1, 2] && short.right == Array(0..<32))
        let empty = reads([], digest)
        #expect(!empty.equal && empty.left.isEmpty && empty.right == Array(0..<32))
    }
}
