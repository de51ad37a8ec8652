import Foundation
import Testing

@testable import CourtesyCore

@Suite("Brand profiles: the brands file, and drafts that follow it")
struct BrandProfileTests {
    private let file = """
        # Two brands.
        [skylark]
        industry = airline
        fallback-language = es
        sign-off = initials
        account.x = @SkylarkAir
        account.facebook = Skylark Airlines
        phrase.en.flight-disruption = your journey today

        [basketful]
        sign-off = none
        """

    @Test("a file with every key reads into profiles")
    func reads() throws {
        let brands = try BrandProfiles.parse(file, source: "brands.ini", topics: ["flight-disruption", "delivery"])
        let skylark = try #require(brands.profile(for: "skylark"))
        #expect(skylark.industry == .airline)
        #expect(skylark.fallbackLanguage == "es")
        #expect(skylark.signOff == .initials)
        #expect(skylark.accounts == [.x: "@SkylarkAir", .facebook: "Skylark Airlines"])
        #expect(skylark.phrases == ["en": ["flight-disruption": "your journey today"]])
        #expect(brands.profile(for: "basketful")?.signOff == BrandProfile.SignOff.none)
        #expect(brands.profile(for: "other") == nil)
    }

    @Test(
        "a bad line fails, naming the line and what is wrong",
        arguments: [
            ("industry = airline", 1, "\"industry\" comes before any [brand] section"),
            ("[a]\nindustry = airlines", 2, "unknown industry \"airlines\""),
            ("[a]\n\n[a]", 3, "[a] appears twice (first at line 1)"),
            ("[a]\nsign-off = name\nsign-off = none", 3, "\"sign-off\" is set twice"),
            ("[a]\naccount.myspace = @a", 2, "unknown platform \"myspace\""),
            ("[a]\nphrase.en.weather = the rain", 2, "unknown topic \"weather\""),
            ("[a]\nphrase.en.delivery = <b>your order</b>", 2, "the phrase may hold only"),
            ("[a]\nphrase.EN.delivery = your order", 2, "not a language code"),
            ("[a]\ncolour = blue", 2, "unknown key \"colour\""),
            ("[a]\njust words", 2, "expected \"key = value\""),
            ("[two words]", 1, "is not a brand name"),
            ("[a]\nindustry =", 2, "\"industry\" has no value"),
        ])
    func badLine(text: String, line: Int, message: String) {
        do {
            _ = try BrandProfiles.parse(text, source: "brands.ini", topics: ["delivery"])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("brands.ini:\(line): "))
        }
    }

    @Test("a missing file and a language without templates stop start-up with the path")
    func startUp() throws {
        var configuration = ResponderConfiguration()
        configuration.brands = "/nonexistent/brands.ini"
        #expect(throws: BrandProfileError.self) { try Responder(configuration: configuration) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brands-\(UUID()).ini")
        try Data("[acme]\nfallback-language = it\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        configuration.brands = url.path
        do {
            _ = try Responder(configuration: configuration)
            Issue.record("a fallback language without templates was accepted")
        } catch let error as BrandProfileError {
            #expect(error.description.contains("\"it\", which has no templates"))
        }
    }

    private func responder(_ brands: BrandProfiles) throws -> Responder {
        let agent = Agent(
            id: "sam", name: "Sam Lee", skills: ["*"], languages: ["en", "es", "fr", "de", "pt", "it"],
            timeZone: TimeZone(identifier: "UTC") ?? .gmt,
            shifts: [AgentShift(days: Set(Weekday.allCases), startMinute: 0, endMinute: 1440)])
        return Responder(
            classifier: try sharedClassifier.get(), names: try NameExtractor(),
            roster: try AgentRoster(agents: [agent]),
            templates: try TemplateLibrary.bundled(), brands: brands,
            clock: { Timestamp(millisecondsSinceEpoch: 1_768_386_600_000) })
    }

    private func mention(_ text: String, brand: String, platform: Platform = .x, id: String? = nil) -> Mention {
        Mention(
            id: id ?? "m-\(StableHash.hash(text))", platform: platform, brand: brand,
            author: Mention.Author(id: "7", handle: "jo", displayName: "Jo Park"), text: text,
            createdAt: Timestamp(millisecondsSinceEpoch: 1_768_383_000_000))
    }

    @Test("the brand's industry decides the words: an airline's customer is never asked for an order number")
    func industry() throws {
        let text = "it never arrived and nobody answers, this is so frustrating"
        let shop = try responder(BrandProfiles()).draft(for: mention(text, brand: "skylark"))
        #expect(shop.text.contains("order number") || shop.text.contains("reference number"), "\(shop.text)")
        let airline = try responder(BrandProfiles([BrandProfile(brand: "skylark", industry: .airline)]))
            .draft(for: mention(text, brand: "skylark"))
        #expect(!airline.text.lowercased().contains("order"), "\(airline.text)")
        #expect(airline.text.contains("booking reference"), "\(airline.text)")
    }

    @Test("sign-off, account and the brand's own phrase shape the draft; other brands are untouched")
    func signOffAccountPhrase() throws {
        let brands = BrandProfiles([
            BrandProfile(
                brand: "skylark", industry: .airline, signOff: .initials, accounts: [.x: "@SkylarkAir"],
                phrases: ["en": ["flight-disruption": "your journey today"]]),
            BrandProfile(brand: "quiet", signOff: .none),
        ])
        let responder = try responder(brands)
        let text = "my flight was cancelled and I've been stuck at the airport for 5 hours, awful"
        let skylark = try responder.draft(for: mention(text, brand: "skylark"))
        #expect(skylark.text.hasSuffix("^SL"), "\(skylark.text)")
        #expect(skylark.account == "@SkylarkAir")
        #expect(try Draft(json: skylark.jsonBytes()).account == "@SkylarkAir")
        let quiet = try responder.draft(for: mention(text, brand: "quiet"))
        #expect(!quiet.text.contains("Sam") && !quiet.text.contains("^"), "\(quiet.text)")
        #expect(quiet.agent.id == "sam", "the agent still owns the draft")
        #expect(quiet.account == nil)
        let other = try responder.draft(for: mention(text, brand: "other"))
        #expect(other.text.hasSuffix("^Sam"), "\(other.text)")

        var sawPhrase = false
        for index in 0..<12 {
            let draft = try responder.draft(
                for: mention(
                    "my flight got cancelled again, so annoyed", brand: "skylark", platform: .facebook, id: "m\(index)")
            )
            if draft.text.contains("your journey today") { sawPhrase = true }
            #expect(!draft.text.contains("your flight disruption"))
        }
        #expect(sawPhrase, "no variant used the brand's phrase")
    }

    @Test("a language without templates falls back to the brand's language, still flagged")
    func fallbackLanguage() throws {
        let responder = try responder(BrandProfiles([BrandProfile(brand: "skylark", fallbackLanguage: "es")]))
        let draft = try responder.draft(
            for: mention("il mio volo è stato cancellato e nessuno risponde, che vergogna", brand: "skylark"))
        #expect(draft.language.rawValue == "it")
        #expect(draft.template.name.hasPrefix("es/"), "\(draft.template.name)")
        #expect(draft.reviewReason != nil)
    }
}

@Suite("Compliments after a mixed message")
struct MixedComplimentTests {
    @Test("praise that also names a problem is a mixed compliment; plain praise is not")
    func classified() throws {
        let classifier = try sharedClassifier.get()
        let mixed = classifier.classify(
            text: "bummer about the delay, but thank you for the quick response, the crew was amazing")
        #expect(mixed.intent == .compliment)
        #expect(mixed.mixed)
        #expect(!classifier.classify(text: "the crew were wonderful, thank you so much").mixed)
        #expect(!classifier.classify(text: "my flight was delayed again").mixed, "a complaint is not a compliment")
    }

    @Test(
        "after a mixed message no variant asks for a like, share or review", arguments: ["en", "es", "fr", "de", "pt"])
    func noPleaAfterMixed(language: String) throws {
        let words = try #require(try DraftScorecardWords.shipped()[language])
        let library = try TemplateLibrary.bundled()
        var pleas = 0
        for platform in [Platform.x, .facebook, .instagram, .review] {
            for seed in 0..<12 {
                var request = ReplyRequest(
                    kind: .compliment, platform: platform, language: language, customerName: "Alex", agentName: "Sam",
                    topics: [], seed: "mixed-\(seed)")
                pleas +=
                    words.begging.contains { (try? library.render(request).text.lowercased())?.contains($0) == true }
                    ? 1 : 0
                request.mixed = true
                let reply = try library.render(request).text.lowercased()
                #expect(!words.begging.contains { reply.contains($0) }, "\(language) \(platform): \(reply)")
            }
        }
        if language != "pt" { #expect(pleas > 0, "no variant asks without the flag, so the test shows nothing") }
    }
}
