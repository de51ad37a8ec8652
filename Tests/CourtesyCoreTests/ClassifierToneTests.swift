import Testing

@testable import CourtesyCore

@Suite("Classifier: intent and tone")
struct ClassifierToneTests {
    private func tone(_ text: String) throws -> Tone {
        try sharedClassifier.get().classify(text: text).tone
    }

    private func intent(_ text: String) throws -> Intent {
        try sharedClassifier.get().classify(text: text).intent
    }

    @Test("plain complaints get an apology, compliments thanks")
    func basics() throws {
        #expect(try tone("@acme my order is three days late and nobody answers the phone") == .apology)
        #expect(try tone("@acme worst service ever, still waiting for my refund") == .apology)
        #expect(try tone("@acme thank you so much, the crew was amazing!") == .thanks)
        #expect(try tone("@acme love the new app, great job") == .thanks)
    }

    @Test("negation flips praise")
    func negation() throws {
        #expect(try tone("@acme I am not happy with this at all") == .apology)
        #expect(try tone("@acme the agent was not helpful") == .apology)
        #expect(try tone("@acme never again. Flight delayed 5 hours") == .apology)
        #expect(try tone("@acme I am happy with this") == .thanks)
    }

    @Test("negated complaint cues are not complaints")
    func negatedCues() throws {
        #expect(try tone("@acme no delays, no problems, thank you!") == .thanks)
    }

    @Test("cheap sarcasm is not praise")
    func sarcasm() throws {
        #expect(try tone("@acme great, another delay") == .apology)
        #expect(try tone("@acme thanks for nothing") == .apology)
        #expect(try tone("@acme love how you cancelled my flight without telling me") == .apology)
        #expect(try tone("@acme my bag never arrived. Awesome!") == .apology)
        #expect(try tone("@acme thanks for the delay, really appreciate it") == .apology)
    }

    @Test("brand handles and links are not scored")
    func handlesAndLinks() throws {
        // "united" and "love" are sentiment words in the base lexicon.
        #expect(try tone("@united @LoveField") == .neutral)
        #expect(try tone("@united http://example.com/great-awesome-love") == .neutral)
        #expect(try tone("@united thanks!") == .thanks)
    }

    @Test("emoji carry tone")
    func emoji() throws {
        #expect(try tone("@acme 😡😡") == .apology)
        #expect(try tone("@acme my flight 😍🎉") == .thanks)
        #expect(try tone("@acme great flight 👍👍") == .thanks)
        #expect(try tone("@acme flight 82 👎") == .apology)
    }

    @Test("questions without a complaint are neutral")
    func questions() throws {
        #expect(try intent("@acme do you fly to Lisbon in March?") == .question)
        #expect(try tone("@acme what time does the Leeds store open on Sunday? Thanks") == .neutral)
        #expect(try intent("@acme why is my flight delayed again?") == .complaint)
    }

    @Test("hashtags count as words")
    func hashtags() throws {
        #expect(try tone("@acme flight 22 #fail #worst") == .apology)
    }
}
