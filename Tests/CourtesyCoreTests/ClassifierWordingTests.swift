import Testing

@testable import CourtesyCore

@Suite("Classifier: hashtags, emoji, praise phrases, sarcasm across sentences")
struct ClassifierWordingTests {
    private func tone(_ text: String) throws -> Tone {
        try sharedClassifier.get().classify(text: text).tone
    }

    private func hashtagWords(_ text: String) throws -> Int {
        let classifier = try sharedClassifier.get()
        var text = text
        var tokens: [Token] = []
        var signals = TextSignals()
        text.withUTF8 {
            Tokenizer.tokenize($0, into: &tokens, signals: &signals, vocabulary: classifier.lexicon.words)
        }
        return tokens.filter { $0.kind == .hashtag }.count
    }

    @Test("hashtags that run words together are scored like the words")
    func hashtagWords() throws {
        #expect(try tone("@acme #NotHappy") == .apology)
        #expect(try tone("@acme #nothappy") == .apology)
        #expect(try tone("@acme #bestairlineever") == .thanks)
        #expect(try tone("@acme #customerservicefail") == .apology)
        #expect(try hashtagWords("#TrueBlueLove") == 3)
        #expect(try hashtagWords("#bestairlineever") == 3)
    }

    @Test("a hashtag splits only when known words cover all of it")
    func hashtagNames() throws {
        // "chic" is a sentiment word, "ago" is not known: the name stays whole.
        #expect(try hashtagWords("#chicago") == 1)
        #expect(try tone("@acme flying to #chicago tomorrow") == .neutral)
        #expect(try hashtagWords("#love") == 1)
    }

    @Test("emoji without a configured valence are scored by their description")
    func emojiDescriptions() throws {
        #expect(try tone("@acme 😻") == .thanks)
        // "see-no-evil monkey": a negated word does not count.
        #expect(try tone("@acme 🙈") == .neutral)
        let custom = try Classifier(
            configuration: ClassifierConfiguration.shipped(), baseLexicon: ["happy": 2.7],
            emojiDescriptions: ["🦄": "happy unicorn", "🥝": "kiwi fruit"])
        #expect(custom.classify(text: "🦄🦄").tone == .thanks)
        #expect(custom.classify(text: "🥝🥝").tone == .neutral)
    }

    @Test("everyday praise phrases earn thanks")
    func praisePhrases() throws {
        #expect(try tone("@acme you guys rock") == .thanks)
        #expect(try tone("@acme can't wait to fly with you!") == .thanks)
        #expect(try tone("@acme my fave airline") == .thanks)
        #expect(try tone("@acme that made my day") == .thanks)
        #expect(try tone("@acme that's classy") == .thanks)
        #expect(try tone("@acme keep up the good work") == .thanks)
        #expect(try tone("@acme brilliant service. You've got a customer for life") == .thanks)
        #expect(try tone("@acme ten out of ten, keep it up") == .thanks)
    }

    @Test("a remark with a shrug, or trying something new, is no complaint; trying to reach someone is")
    func remarksAreNotComplaints() throws {
        #expect(try tone("My husband works for Acme, small world 🤷") == .neutral)
        #expect(try tone("@acme Trying Acme for the first time this week 👀") == .neutral)
        #expect(try tone("Booked with Acme for the summer, we'll see 🤷") == .neutral)
        #expect(try tone("@acme I've been trying to reach you since Monday") == .apology)
        #expect(try tone("@acme bag lost again 🤷") == .apology)
    }

    @Test("praise and a problem in different sentences is not sarcasm; a short reaction is")
    func sarcasmAcrossSentences() throws {
        #expect(try tone("@acme Awesome, thanks! I'll call back later today.") != .apology)
        #expect(try tone("@acme my bag never arrived. Awesome!") == .apology)
        #expect(try tone("@acme great, another delay") == .apology)
        #expect(try tone("@acme the flight was delayed 3 hours. Great job!") == .apology)
    }
}
