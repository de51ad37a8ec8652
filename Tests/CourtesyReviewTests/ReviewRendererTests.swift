import CourtesyDeskAPI
import CourtesyReview
import Testing

private let longExcerpt =
    "my parcel is 5 days late and nobody answers the phone, I have called four times since Monday and still nothing"

private let twoDrafts = [
    Fixture.draft(id: "d_1", pending: 2, replyByMinutes: 12),
    Fixture.draft(
        id: "d_22", name: nil, handle: "bob", level: "low", intent: "question", replyByMinutes: -3,
        excerpt: "where is my order?"),
]

@Suite("Rendering for people", .timeLimit(.minutes(1)))
struct ReviewRendererTests {
    @Test("the table is aligned, with relative reply-by times and the customer's name or handle")
    func table() {
        let lines = ReviewRenderer(now: fixedNow, width: nil).table(twoDrafts)
        #expect(
            lines == [
                "ID    PRIORITY  INTENT     PLATFORM  REPLY BY    CUSTOMER  AGENT       CONV  EXCERPT",
                "d_1   urgent    complaint  x         in 12m      Jane Doe  Sam Rivera  2     my parcel is 5 days late!!",
                "d_22  low       question   x         3m overdue  @bob      Sam Rivera  1     where is my order?",
            ])
    }

    @Test("a card shows the conversation's earlier contacts and what the mention says, newest contact first")
    func earlierContacts() throws {
        var draft = Fixture.draft(id: "d_9", excerpt: "still no sign of order #70412, second time I'm asking")
        let order = DeskAPI.DraftView.Fact(kind: "order", value: "#70412", normalised: "70412")
        draft.facts = [order]
        draft.previousContacts = [
            DeskAPI.DraftView.PreviousContact(
                id: "m-1", at: fixedNow.adding(seconds: -2 * 86_400).rfc3339, intent: .complaint, facts: [order]),
            DeskAPI.DraftView.PreviousContact(
                id: "m-0", at: fixedNow.adding(seconds: -3 * 86_400).rfc3339, intent: .question, facts: []),
        ]
        let lines = ReviewRenderer(now: fixedNow, width: nil).card(draft)
        let earlier = try #require(lines.firstIndex { $0.hasPrefix("  earlier   2 earlier contacts") })
        #expect(lines[earlier + 1].contains("complaint, order #70412 (m-1)"), "\(lines)")
        #expect(lines[earlier + 2].contains("question (m-0)"), "\(lines)")
        #expect(lines.contains("  facts     order #70412"))
        let plain = ReviewRenderer(now: fixedNow, width: nil).card(Fixture.draft(id: "d_1"))
        #expect(!plain.contains { $0.hasPrefix("  earlier") || $0.hasPrefix("  facts") })
    }

    @Test("excerpts are cut to 60 columns off a terminal, and to the terminal's width on one")
    func truncation() throws {
        let drafts = [Fixture.draft(id: "d_1", excerpt: longExcerpt)]
        let offTerminal = ReviewRenderer(now: fixedNow, width: nil).table(drafts)
        let column = try #require(offTerminal.first?.range(of: "EXCERPT")).lowerBound.utf16Offset(in: offTerminal[0])
        let excerpt = String(try #require(offTerminal.last).dropFirst(column))
        #expect(TerminalText.width(of: excerpt) == 60)
        #expect(excerpt.hasSuffix("…"))
        #expect(excerpt.hasPrefix("my parcel is 5 days late"))

        for width in [100, 140] {
            let lines = ReviewRenderer(now: fixedNow, width: width).table(drafts)
            #expect(lines.allSatisfy { TerminalText.width(of: $0) <= width }, "\(lines)")
            #expect(lines.last.map { TerminalText.width(of: $0) } == width)
        }
        // However narrow the terminal, some of the excerpt stays.
        let narrow = try #require(ReviewRenderer(now: fixedNow, width: 30).table(drafts).last)
        #expect(narrow.hasSuffix("  my parcel is 5 days…"))
    }

    @Test("what customers wrote cannot reach the terminal as control sequences")
    func controlCharacters() throws {
        let draft = Fixture.draft(
            id: "d_1", name: "Eve\u{1B}]0;pwned\u{07}", excerpt: "hi\u{1B}[2J\nthere\u{202E}",
            text: "line one\r\nline two\u{1B}[31m")
        let renderer = ReviewRenderer(now: fixedNow, width: nil)
        let lines = renderer.table([draft]) + renderer.card(draft)
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" }, "\(line)")
        }
        #expect(renderer.card(draft).contains("    │ line one"))
        #expect(renderer.card(draft).contains("    │ line two [31m"))
    }

    @Test("wide characters count two columns")
    func wideCharacters() {
        #expect(TerminalText.width(of: "日本語") == 6)
        #expect(TerminalText.width(of: "ok 👍") == 5)
        #expect(TerminalText.truncated("日本語です", toWidth: 5) == "日本…")
        #expect(TerminalText.truncated("short", toWidth: 5) == "short")
    }

    @Test("a list ends with how many drafts it shows of how many; an empty one says so")
    func listFooter() {
        let renderer = ReviewRenderer(now: fixedNow, width: nil)
        let page = renderer.list(DeskAPI.DraftList(drafts: twoDrafts, matching: 9, pending: 14))
        #expect(page.last == "2 of 9 matching drafts, 14 pending in all.")
        let whole = renderer.list(DeskAPI.DraftList(drafts: twoDrafts, matching: 2, pending: 2))
        #expect(whole.last == "2 drafts, 2 pending in all.")
        let published = renderer.list(
            DeskAPI.DraftList(drafts: twoDrafts, matching: 2, pending: 2, posted: 12, failedToPost: 1))
        #expect(
            published.suffix(2) == [
                "2 drafts, 2 pending in all.", "12 approved replies posted, 1 refused by the receiver.",
            ])
        let one = renderer.list(
            DeskAPI.DraftList(drafts: twoDrafts, matching: 2, pending: 2, posted: 1, failedToPost: 0))
        #expect(one.last == "1 approved reply posted.")
        #expect(
            renderer.list(DeskAPI.DraftList(drafts: [], matching: 0, pending: 5)) == [
                "No pending draft matches (5 pending)."
            ])
        #expect(renderer.list(DeskAPI.DraftList(drafts: [], matching: 0, pending: 0)) == ["No drafts are pending."])
    }

    @Test("show: the draft beside its mention, reasons, agent, reply-by, and the whole conversation")
    func pendingDetail() throws {
        let first = Fixture.draft(id: "d_1", pending: 2, createdMinutes: -20, excerpt: "where is my parcel")
        let second = Fixture.draft(id: "d_2", pending: 2, createdMinutes: -5)
        let lines = ReviewRenderer(now: fixedNow, width: nil).detail(
            DeskAPI.DraftDetail(status: "pending", draft: second, conversation: [first, second], decision: nil))
        #expect(lines.first == "Draft d_2  urgent (score 80) · complaint · x")
        #expect(lines.contains("  reply by  in 12m (2026-11-23T18:12:00.000Z)"))
        #expect(lines.contains("  customer  Jane Doe (@janedoe) · 2 pending mentions in x:42"))
        #expect(lines.contains("  agent     Sam Rivera (sam)"))
        #expect(lines.contains("  why       angry words; delivery delay"))
        #expect(lines.contains("  mention (5m ago)"))
        #expect(lines.contains("    │ my parcel is 5 days late!!"))
        #expect(lines.contains("    │ Hi Jane. I'm really sorry about your parcel."))
        #expect(lines.contains("Conversation: 2 pending drafts, oldest first"))
        #expect(lines.contains("    d_1  urgent 20m ago    where is my parcel"))
        #expect(lines.contains("  ▸ d_2  urgent 5m ago     my parcel is 5 days late!!"))
    }

    @Test("show: a single pending draft has no conversation block")
    func singleDraft() {
        let draft = Fixture.draft(id: "d_1")
        let lines = ReviewRenderer(now: fixedNow, width: nil).detail(
            DeskAPI.DraftDetail(status: "pending", draft: draft, conversation: [draft], decision: nil))
        #expect(!lines.contains { $0.hasPrefix("Conversation") })
    }

    @Test("show: a decided draft says who decided what, and when")
    func decidedDetail() {
        let decision = Fixture.decision(draftId: "d_1", action: "reject", reason: "not our brand")
        let lines = ReviewRenderer(now: fixedNow, width: nil).detail(
            DeskAPI.DraftDetail(status: "decided", draft: nil, conversation: nil, decision: decision))
        #expect(
            lines == [
                "Draft d_1 was rejected by Sam Rivera at 2026-11-23T17:55:00.000Z (5m ago).",
                "  reason  not our brand",
            ])
    }

    @Test("a decision result names the decision, the reply and the drafts it also answered")
    func result() {
        let result = DeskAPI.DecisionResult(
            decisions: [
                Fixture.decision(draftId: "d_1", action: "edit"),
                Fixture.decision(draftId: "d_2", action: "answered", answeredBy: "d_1"),
            ],
            reply: Fixture.reply(draftId: "d_1", text: "Hello", approver: "Sam Rivera"))
        #expect(
            ReviewRenderer(now: fixedNow, width: nil).result(result) == [
                "Approved d_1 with edited text as Sam Rivera at 2026-11-23T17:55:00.000Z.",
                "  reply   approved; queued for posting on x (5 characters)",
                "  also answered  d_2",
            ])
    }

    @Test("a draft decided before an edit was sent: who decided it, how and when")
    func alreadyDecided() {
        let decision = Fixture.decision(draftId: "d_1", action: "answered", answeredBy: "d_0")
        #expect(
            ReviewRenderer(now: fixedNow, width: nil).alreadyDecided(decision)
                == "draft d_1 was already answered with the reply to d_0 by Sam Rivera at 2026-11-23T17:55:00.000Z")
    }

    @Test("show and next print the whole mention, wrapped to the terminal, with its URL and the author's reach")
    func fullMention() throws {
        let whole =
            "@acme my flight was cancelled, then my bag was lost, and now support hangs up on me. Three calls, "
            + "two hours on hold, nothing. Fix this today or I go to the regulator. https://t.co/abcdefghijklmnopqrstuvwxyz0123456789"
        let draft = Fixture.draft(
            id: "d_1", excerpt: String(whole.prefix(100)) + "…", mentionText: whole,
            mentionUrl: "https://x.example/janedoe/77", followers: 48_200)
        let narrow = ReviewRenderer(now: fixedNow, width: 40).card(draft)
        #expect(narrow.contains("  reach     48,200 followers"))
        #expect(narrow.contains("  mention (5m ago)  https://x.example/janedoe/77"))
        let start = try #require(narrow.firstIndex(of: "  mention (5m ago)  https://x.example/janedoe/77")) + 1
        let end = try #require(narrow.firstIndex { $0.hasPrefix("  draft (") })
        let quoted = narrow[start..<end]
        #expect(quoted.count > 5)
        #expect(quoted.allSatisfy { $0.hasPrefix("    │ ") && TerminalText.width(of: $0) <= 40 }, "\(quoted)")
        // Every word is there, in order; the URL longer than a line is broken across lines.
        let words = quoted.map { $0.dropFirst(6) }
        #expect(words.dropLast(2).joined(separator: " ") + " " + words.suffix(2).joined() == whole)

        // Off a terminal: not wrapped, still whole.
        let plain = ReviewRenderer(now: fixedNow, width: nil).card(draft)
        #expect(plain.contains("    │ " + whole))
        // The table keeps the excerpt.
        let table = ReviewRenderer(now: fixedNow, width: nil).table([draft])
        #expect(table[1].contains("@acme my flight was cancelled"))
        #expect(!table[1].contains("regulator"))
        // A desk that sends no whole text: the excerpt stands in.
        #expect(
            ReviewRenderer(now: fixedNow, width: nil).card(Fixture.draft(id: "d_2")).contains(
                "    │ my parcel is 5 days late!!"))
        #expect(
            ReviewRenderer.followers(1) == "1 follower" && ReviewRenderer.followers(1_234_567) == "1,234,567 followers")
    }

    @Test("wrapping keeps line breaks and blank lines, and breaks a word longer than a line")
    func wrapping() {
        #expect(TerminalText.wrapped("one two three four", toWidth: 9) == ["one two", "three", "four"])
        #expect(TerminalText.wrapped("a\n\nb", toWidth: 9) == ["a", "", "b"])
        #expect(TerminalText.wrapped("abcdefghij", toWidth: 4) == ["abcd", "efgh", "ij"])
        #expect(TerminalText.wrapped("日本語です", toWidth: 4) == ["日本", "語で", "す"])
        #expect(TerminalText.wrapped("x\u{1B}[2J y", toWidth: 20) == ["x [2J y"])
    }

    @Test(
        "show of a decided draft: what was sent, by whom and when, and what became of it",
        arguments: ["queued", "posted", "failed"])
    func decidedWithReply(_ state: String) {
        let decision = Fixture.decision(draftId: "d_1", action: "edit", text: "Hello Jane, it is on its way.")
        let publication: DeskAPI.PublicationView? =
            switch state {
            case "posted": Fixture.publication("posted", status: 201, postId: "1862")
            case "failed": Fixture.publication("failed", status: 403, reason: "the account is suspended")
            default: nil
            }
        let lines = ReviewRenderer(now: fixedNow, width: nil).detail(
            DeskAPI.DraftDetail(
                status: "decided", draft: nil, conversation: nil, decision: decision, publication: publication))
        let status =
            switch state {
            case "posted": "  status  posted at 2026-11-23T17:57:00.000Z (3m ago), post 1862"
            case "failed":
                "  status  posting failed at 2026-11-23T17:57:00.000Z (3m ago): the account is suspended (HTTP 403)"
            default: "  status  approved; queued for posting"
            }
        #expect(
            lines == [
                "Draft d_1 was approved with edited text by Sam Rivera at 2026-11-23T17:55:00.000Z (5m ago).",
                status,
                "  reply (sent by Sam Rivera)",
                "    │ Hello Jane, it is on its way.",
            ])
    }

    @Test("a list fits an 80-column terminal: the id whole, the least needed columns left out")
    func eightyColumns() throws {
        let drafts = [
            Fixture.draft(
                id: "d_0123456789abcdef01234567", name: "Maximilian Alexander-Worthington", intent: "compliment",
                excerpt: "my parcel is 5 days late and nobody answers the phone, I have called four times",
                agent: "Bartholomew Featherstonehaugh"),
            Fixture.draft(
                id: "d_89abcdef0123456789abcdef", name: nil, handle: "bob", level: "low", intent: "question",
                replyByMinutes: -3, excerpt: "where is my order?"),
        ]
        let lines = ReviewRenderer(now: fixedNow, width: 80).table(drafts)
        #expect(lines.allSatisfy { TerminalText.width(of: $0) <= 80 }, "\(lines)")
        #expect(lines[0].hasPrefix("ID                          PRIORITY  REPLY BY    CUSTOMER  EXCERPT"), "\(lines)")
        #expect(lines[1].hasPrefix("d_0123456789abcdef01234567  urgent    in 12m      Maximil…  my parcel is 5 days"))
        #expect(lines[2].hasPrefix("d_89abcdef0123456789abcdef  low       3m overdue  @bob      where is my order?"))
        // Wide enough, every column is back.
        let wide = ReviewRenderer(now: fixedNow, width: 160).table(drafts)
        #expect(wide[0].hasPrefix("ID                          PRIORITY  INTENT      PLATFORM  REPLY BY    CUSTOMER"))
        #expect(wide[0].contains("AGENT") && wide[0].contains("CONV"))
        #expect(wide.allSatisfy { TerminalText.width(of: $0) <= 160 })
        // Between the two, the agent goes first.
        let middle = ReviewRenderer(now: fixedNow, width: 110).table(drafts)
        #expect(middle.allSatisfy { TerminalText.width(of: $0) <= 110 }, "\(middle)")
        #expect(middle[0].contains("INTENT") && !middle[0].contains("AGENT"))
        // The other pending mentions of a card fit too.
        let conversation = ReviewRenderer(now: fixedNow, width: 80).conversation(drafts, current: drafts[0].id)
        #expect(conversation.allSatisfy { TerminalText.width(of: $0) <= 80 }, "\(conversation)")
    }

    @Test("an id the desk does not know is echoed as typed, control characters escaped")
    func notFoundEcho() {
        #expect(
            ReviewError.draftNotFound("abc123").message
                == #"no draft "abc123" on the desk (draft ids look like d_0123456789abcdef01234567)"#)
        #expect(
            ReviewError.draftNotFound("d_0123456789abcdef01234567").message
                == #"no draft "d_0123456789abcdef01234567" on the desk"#)
        let hostile = ReviewError.draftNotFound("d_1\u{1B}[2J\"\u{202E}")
        #expect(hostile.message.hasPrefix(#"no draft "d_1\u{1B}[2J\"\u{202E}" on the desk"#), "\(hostile.message)")
        #expect(!hostile.message.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
        #expect(hostile.exitCode == .notFound)
        let fromDesk = ReviewError(.notFound, "no draft abc123")
        #expect(fromDesk.naming(draft: "abc123").message.hasPrefix(#"no draft "abc123" on the desk"#))
        // A wrong desk URL is not a missing draft.
        let route = ReviewError(.notFound, "no route GET /desk/v1/drafts/abc (see docs/desk-api.md for the routes)")
        #expect(route.naming(draft: "abc") == route)
        #expect(ReviewError(.conflict, "taken").naming(draft: "abc").message == "taken")
    }

    @Test("an unknown review command suggests the one it most likely misspells")
    func didYouMean() {
        let names = ["list", "show", "approve", "reject", "next", "whoami"]
        #expect(CommandSuggestion.closest(to: "aprove", among: names) == "approve")
        #expect(CommandSuggestion.closest(to: "approev", among: names) == "approve")
        #expect(CommandSuggestion.closest(to: "rejcet", among: names) == "reject")
        #expect(CommandSuggestion.closest(to: "lsit", among: names) == "list")
        #expect(CommandSuggestion.closest(to: "SHOW", among: names) == "show")
        #expect(CommandSuggestion.closest(to: "who", among: names) == "whoami")
        #expect(CommandSuggestion.closest(to: "publish", among: names) == nil)
        #expect(CommandSuggestion.closest(to: "x", among: names) == nil)
        #expect(
            CommandSuggestion.message(unknown: "aprove", command: "courtesy review", names: names)
                == #"unknown command "aprove" for courtesy review: did you mean 'approve'? (commands: list, show, approve, reject, next, whoami)"#
        )
        #expect(
            CommandSuggestion.message(unknown: "zzz\u{1B}", command: "courtesy review", names: ["list"])
                == #"unknown command "zzz\u{1B}" for courtesy review (commands: list)"#)
    }
}
