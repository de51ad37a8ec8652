import CourtesyCore
import Testing

@Suite("Publications, replies for publishers, and the desk's reply accounts")
struct PublicationTests {
    private let at = Timestamp(millisecondsSinceEpoch: 1_796_000_000_000)

    private func reply(brand: String? = "acme", account: String? = nil) -> Reply {
        var reply = Reply(
            id: Draft.identifier(platform: .x, mentionId: "m1"), platform: .x, conversation: "x:42", inReplyTo: "m1",
            text: "Thanks, Jane!", agent: Draft.Agent(id: "a1", name: "Sam"), approvedBy: "Ana", approvedAt: at,
            mentionCreatedAt: nil)
        reply.brand = brand
        reply.account = account
        reply.url = "https://x.example/jane/status/1"
        return reply
    }

    @Test("a publication round-trips, and its optional members may be absent")
    func publicationRoundTrip() throws {
        let posted = Publication(
            replyId: "d_1", platform: .instagram, conversation: "instagram:7", brand: "acme", outcome: .posted,
            status: 201, postId: "17900", reason: nil, attempts: 3, approvedAt: at, at: at.adding(seconds: 4))
        #expect(try Publication(json: posted.jsonBytes()) == posted)
        let failed = Publication(
            replyId: "d_2", platform: .x, conversation: "x:1", brand: nil, outcome: .failed, status: 422, postId: nil,
            reason: "HTTP 422: text too long", attempts: 1, approvedAt: at, at: at)
        #expect(try Publication(json: failed.jsonBytes()) == failed)
        #expect(!String(decoding: failed.jsonBytes(), as: UTF8.self).contains("postId"))
    }

    @Test("a publication without its outcome, or with an unknown one, does not read")
    func publicationStrictness() throws {
        let text = String(
            decoding: Publication(
                replyId: "d_1", platform: .x, conversation: "x:1", brand: nil, outcome: .posted, status: 200,
                postId: nil, reason: nil, attempts: 1, approvedAt: at, at: at
            ).jsonBytes(), as: UTF8.self)
        #expect(throws: EventDecodingError.self) {
            try Publication(json: Array(text.replacingOccurrences(of: #""outcome":"posted","#, with: "").utf8))
        }
        #expect(throws: EventDecodingError.self) {
            try Publication(json: Array(text.replacingOccurrences(of: #""posted""#, with: #""sent""#).utf8))
        }
    }

    @Test("a reply carries brand, account and the mention's URL; a reply written before they existed still reads")
    func replyFields() throws {
        let full = reply(account: "@acme_help")
        let read = try Reply(json: full.jsonBytes())
        #expect(read == full)
        #expect(read.brand == "acme" && read.account == "@acme_help" && read.url == "https://x.example/jane/status/1")
        var old = reply(brand: nil)
        old.url = nil
        let text = String(decoding: old.jsonBytes(), as: UTF8.self)
        #expect(!text.contains("brand") && !text.contains("account") && !text.contains("url"))
        #expect(try Reply(json: Array(text.utf8)) == old)
    }

    @Test("a decision copies brand, account and URL from its draft, and its reply keeps them")
    func decisionToReply() throws {
        var draft = DeskFixtures.draft("m9")
        draft.account = "@SkylarkAir"
        draft.mentionUrl = "https://x.example/status/9"
        let decision = Decision(
            draft: draft, action: .approve, text: draft.text, approver: "Ana", reason: nil, decidedAt: at)
        let read = try Decision(json: decision.jsonBytes())
        #expect(read.brand == draft.brand && read.account == "@SkylarkAir" && read.mentionUrl == draft.mentionUrl)
        let reply = try #require(Reply(decision: read))
        #expect(reply.brand == draft.brand && reply.account == "@SkylarkAir" && reply.url == draft.mentionUrl)
    }

    @Test(
        "the accounts file: a platform's line wins over the brand's, the profile's account over both; bad lines are named"
    )
    func accounts() throws {
        let accounts = try ReplyAccounts(
            parsing: "# brand accounts\nacme @acme\nacme/instagram acme.official\n\n", source: "accounts.txt")
        #expect(accounts.account(brand: "acme", platform: .x) == "@acme")
        #expect(accounts.account(brand: "acme", platform: .instagram) == "acme.official")
        #expect(accounts.account(brand: "other", platform: .x) == nil)
        #expect(accounts.complete(reply()).account == "@acme")
        #expect(accounts.complete(reply(account: "@from_profile")).account == "@from_profile")
        #expect(accounts.complete(reply(brand: nil)).account == nil)
        #expect(
            throws: ReplyAccountsError(
                "accounts.txt:2: \"acme/myspace\" is not BRAND/PLATFORM with a known platform (x, facebook, instagram, review, email, chat)"
            )
        ) {
            try ReplyAccounts(parsing: "acme @acme\nacme/myspace @a\n", source: "accounts.txt")
        }
        #expect(throws: ReplyAccountsError.self) { try ReplyAccounts(parsing: "acme\n", source: "a") }
    }
}
