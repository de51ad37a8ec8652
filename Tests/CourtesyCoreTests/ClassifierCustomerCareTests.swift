import Testing

@testable import CourtesyCore

@Suite("Classifier: requests, gratitude, hashtags, threats")
struct ClassifierCustomerCareTests {
    private func classify(_ text: String) throws -> Classification {
        try sharedClassifier.get().classify(text: text)
    }

    @Test("asking about a situation is a question, reporting it is a complaint")
    func situationsInRequests() throws {
        #expect(try classify("@acme is flight 713 cancelled for Monday?").tone == .neutral)
        #expect(try classify("@acme is there a fee to change my flight?").tone == .neutral)
        #expect(try classify("@acme can you help me add my bag to my booking?").intent == .question)
        #expect(try classify("@acme please dm me the refund form").tone == .neutral)
        #expect(try classify("@acme my flight was cancelled").tone == .apology)
        // Judging words are not damped in a question.
        #expect(try classify("@acme why is my flight delayed AGAIN?").tone == .apology)
        #expect(
            try classify("@acme can you please tell me why nobody has answered my emails for a week? Useless").tone
                == .apology)
    }

    @Test("thanking for something is praise unless the something is a complaint")
    func gratitude() throws {
        #expect(try classify("@acme thanks so much for the help").tone == .thanks)
        #expect(try classify("@acme thank you for the quick response").tone == .thanks)
        #expect(try classify("@acme thanks for the 3 hour delay").tone == .apology)
        #expect(try classify("@acme still no refund. thanks for nothing").tone == .apology)
        // Opening thanks before a question is still thanks; closing thanks after one is politeness.
        #expect(try classify("@acme thanks for the quick reply! Is there a lounge at gate 5?").tone == .thanks)
        #expect(try classify("@acme is there a lounge at gate 5? Thanks").tone == .neutral)
    }

    @Test("short thanks are thanks")
    func shortThanks() throws {
        #expect(try classify("@acme thanks").tone == .thanks)
        #expect(try classify("@acme thnx").tone == .thanks)
        #expect(try classify("@acme thx!").tone == .thanks)
    }

    @Test("praise that far outweighs a mild problem still earns thanks")
    func praiseOutweighs() throws {
        #expect(
            try classify("@acme bummer about the delay but thank you for the quick response, your crew was amazing")
                .tone == .thanks)
        #expect(try classify("@acme the crew was great but my bag is lost and nobody answers").tone == .apology)
    }

    @Test("hashtags that complain by convention are complaints")
    func complaintHashtags() throws {
        #expect(try classify("@acme flight 22 landed #fail").tone == .apology)
        #expect(try classify("@acme two hours on the phone #badservice").tone == .apology)
        #expect(try classify("@acme boarding now #acmesucks").tone == .apology)
        #expect(try classify("@acme boarding now #poorservice").tone == .apology)
        #expect(try classify("@acme boarding now #travel").tone == .neutral)
    }

    @Test("threats to leave or go public are complaints")
    func threats() throws {
        #expect(try classify("@acme I'm switching to another airline").tone == .apology)
        #expect(try classify("@acme I will tell all my followers about this").tone == .apology)
    }

    @Test("a phrase does not start inside another")
    func nestedPhrases() throws {
        // "so much for" is sarcasm on its own, not inside "thanks so much for".
        #expect(try classify("@acme so much for on-time departures").tone == .apology)
        #expect(try classify("@acme followed and messaged. Thanks so much for the help.").tone == .thanks)
    }
}
