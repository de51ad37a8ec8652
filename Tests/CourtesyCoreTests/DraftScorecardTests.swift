import Foundation
import Testing

@testable import CourtesyCore

/// 2026-12-01 09:00 UTC.
private let morning = Timestamp(millisecondsSinceEpoch: 1_764_579_600_000)

private func makeResponder() throws -> Responder {
    Responder(
        classifier: try sharedClassifier.get(), names: try NameExtractor(), roster: nil,
        templates: try TemplateLibrary.bundled(), clock: { morning })
}

private func makeCard(_ responder: Responder) throws -> DraftScorecard {
    DraftScorecard(
        words: try DraftScorecardWords.shipped(), templates: responder.templates, classifier: responder.classifier)
}

private func mention(
    _ text: String, id: String = "1", platform: Platform = .x, locale: String? = nil, author: String? = nil
) -> Mention {
    Mention(
        id: id, platform: platform, brand: "acme",
        author: Mention.Author(id: author ?? "a\(id)", handle: "jane_d", displayName: "Jane Doe", locale: locale),
        text: text, createdAt: morning)
}

@Suite("Draft scorecard: the rules drafts are judged by")
struct DraftScorecardTests {
    /// Judges `mention`'s real draft with its text (and template name) replaced, and returns the rules broken.
    private func rulesBroken(
        by text: String, template: String? = nil, for mention: Mention, expected: Intent? = nil
    ) throws -> [DraftRule: Int] {
        let responder = try makeResponder()
        var card = try makeCard(responder)
        var draft = try responder.draft(for: mention)
        draft.text = text
        if let template { draft.template.name = template }
        card.score(
            mention: mention, classification: responder.classifier.classify(mention), draft: draft,
            expected: expected)
        card.finish()
        return card.counts
    }

    @Test("Each rule catches the draft a care lead would send back, and passes the one Courtesy writes")
    func eachRule() throws {
        let complaint = mention("@acme my parcel is 5 days late and nobody answers, not happy")
        #expect(try rulesBroken(by: "Thanks for tagging us, Jane!", for: complaint)[.breezy] == 1)
        #expect(try rulesBroken(by: "So sorry, Jane. Good question!", for: complaint)[.breezy] == 1)

        let flight = mention("@acme flight SK1807 cancelled, no hotel, we are sleeping at the airport")
        #expect(try rulesBroken(by: "I'm so sorry about your delivery, Jane.", for: flight)[.shopWords] == 1)

        let chat = mention("my parcel is 5 days late, not happy", platform: .chat)
        #expect(try rulesBroken(by: "Sorry, Jane. Send us a DM.", for: chat)[.directMessageInPrivate] == 1)

        let praise = mention("thank you so much, the team were brilliant and so kind", platform: .email)
        #expect(try rulesBroken(by: "Thank you, Jane! Leave us a review.", for: praise)[.begging] == 1)
        let publicPraise = mention("thank you so much, the team were brilliant and so kind")
        #expect(try rulesBroken(by: "Thank you, Jane! Leave us a review.", for: publicPraise)[.begging] == nil)

        let given = mention("@acme order 4481223 never arrived, really not happy")
        #expect(try rulesBroken(by: "Sorry, Jane. What's your order number?", for: given)[.askedForGiven] == 1)

        let spanish = mention("@acme mi pedido no ha llegado y nadie me responde, estoy muy molesta")
        #expect(
            try rulesBroken(by: "So sorry, Jane.", template: "en/complaint", for: spanish)[.wrongLanguage] == 1)

        let long = String(repeating: "Sorry, Jane. ", count: 30)
        #expect(try rulesBroken(by: long, for: complaint)[.overLength] == 1)

        let responder = try makeResponder()
        for sample in [complaint, flight, chat, praise, given, spanish] {
            var card = try makeCard(responder)
            card.draftAndScore([(sample, nil)], with: responder)
            #expect(card.violations == 0, "\(sample.text): \(card.examples)")
        }
    }

    @Test("One opening in more than the allowed share of a language's drafts is overused; names do not count")
    func openings() throws {
        #expect(
            DraftScorecard.opening(of: "Hi Jane! So sorry about this. I'm on it.", names: ["Jane"])
                == "hi …! so sorry about this.")
        #expect(
            DraftScorecard.opening(of: "Dear Jane,\n\nThank you for order 123. More.", names: ["Jane"])
                == "thank you for order ###.")
        let responder = try makeResponder()
        var card = try makeCard(responder)
        let praise = (0..<20).map { mention("thanks, great service", id: "\($0)") }
        for item in praise {
            var draft = try responder.draft(for: item)
            draft.text = "Thank you so much, Jane! We love hearing this."
            card.score(mention: item, classification: responder.classifier.classify(item), draft: draft, expected: nil)
        }
        card.finish()
        #expect(card.counts[.overusedOpening] == 20)
    }

    @Test("A known complaint the classifier misses is counted apart from the rules, with its example")
    func misread() throws {
        let responder = try makeResponder()
        var card = try makeCard(responder)
        card.draftAndScore(
            [(mention("ok then"), .complaint), (mention("@acme 5 days late, not happy", id: "2"), .complaint)],
            with: responder)
        #expect(card.labelledComplaints == 2)
        #expect(card.misread == 1)
        #expect(card.misreadExamples.first?.mention == "ok then")
        #expect(card.violations == 0)
    }

    @Test("Known praise or a remark the classifier reads as a complaint is counted apart, with its example")
    func apologisedTo() throws {
        let responder = try makeResponder()
        var card = try makeCard(responder)
        card.draftAndScore(
            [
                (mention("the crew were wonderful, thank you"), .compliment),
                (mention("Saw your new ad last night", id: "2"), .other),
                (mention("@acme my bag is lost and nobody answers, not happy", id: "3"), .other),
                (mention("@acme my bag is lost and nobody answers, not happy", id: "4"), .complaint),
            ],
            with: responder)
        #expect(card.labelledPraiseAndRemarks == 3)
        #expect(card.apologisedTo == 1)
        #expect(card.apologisedToExamples.first?.mentionID == "3")
        #expect(card.report(title: "t").contains("read as complaints (an apology for nothing): 1 of 3"))
        #expect(card.violations == 0)
    }

    @Test("The sample stream's drafts break no rule, and every sample complaint is read as one")
    func sampleStream() throws {
        let responder = try makeResponder()
        var card = try makeCard(responder)
        var samples = try SampleMentions(seed: 7, start: morning)
        let input = (0..<300).map { _ in samples.nextLabelledMention() }
        card.draftAndScore(input.map { ($0.mention, $0.intent) }, with: responder)
        #expect(card.drafted == 300)
        #expect(card.violations == 0, "\(card.report(title: "samples"))")
        #expect(card.misread == 0, "\(card.misreadExamples)")
        #expect(card.labelledComplaints > 100)
        #expect(card.apologisedTo == 0, "\(card.apologisedToExamples)")
        #expect(card.labelledPraiseAndRemarks > 50)
    }

    @Test("Short Spanish from a Spanish-speaking customer is answered in Spanish")
    func shortSpanish() throws {
        let responder = try makeResponder()
        let draft = try responder.draft(for: mention("¿Alguien lee esto?", locale: "es-MX"))
        #expect(draft.language == .spanish)
        #expect(draft.template.name.hasPrefix("es/"))
        let english = try responder.draft(for: mention("Anyone there?", locale: "es-MX"))
        #expect(english.language == .english)
    }

    @Test("Reading fixes the scorecard found: questions that say thanks, references, numbers, chasers")
    func readingFixes() throws {
        let classifier = try sharedClassifier.get()
        #expect(
            classifier.classify(text: "What's the best plan for someone who travels a lot? Thanks!").intent == .question
        )
        #expect(classifier.classify(text: "@united UA1469. Just landed.").intent == .other, "a reference is not praise")
        #expect(classifier.classify(text: "flight 143 boarding now").tone == .neutral, "a number is not slang")
        #expect(
            classifier.classify(text: "My bill went up by £25.95 this month with no warning at all.").intent
                == .complaint)
        #expect(classifier.classify(text: "Hola, me di de baja en octubre y me siguen cobrando!!").intent == .complaint)
        #expect(classifier.classify(text: "are you delivering during the bank holiday?").industry != .bank)
        #expect(
            !classifier.classify(text: "Great, another 3 hour delay. Thanks a lot").topics.contains("delivery"),
            "a delay of nothing named is no delivery")
        #expect(classifier.classify(text: "my parcel is 3 days late").topics.contains("delivery"))
        #expect(classifier.classify(text: "is it normal to wait 3 weeks for a refund?").intent == .complaint)

        let responder = try makeResponder()
        var card = try makeCard(responder)
        let first = mention("@acme my parcel is 5 days late, not happy", author: "jane")
        var chaser = mention("Any news?", id: "2", author: "jane")
        chaser.createdAt = Timestamp(millisecondsSinceEpoch: morning.millisecondsSinceEpoch + 600_000)
        card.draftAndScore([(first, .complaint), (chaser, .complaint)], with: responder)
        #expect(card.misread == 0, "a chaser of a complaint is answered with an apology: \(card.misreadExamples)")
    }
}
