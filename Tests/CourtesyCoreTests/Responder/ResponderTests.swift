import Foundation
import Testing

@testable import CourtesyCore

/// 2026-01-14 10:30 UTC, a Wednesday.
private let wednesdayMorning = Timestamp(millisecondsSinceEpoch: 1_768_386_600_000)

private func agent(_ id: String, _ name: String, languages: Set<String>, startMinute: Int = 0, endMinute: Int = 1440)
    -> Agent
{
    Agent(
        id: id, name: name, skills: ["*"], languages: languages, timeZone: TimeZone(identifier: "UTC") ?? .gmt,
        shifts: [AgentShift(days: Set(Weekday.allCases), startMinute: startMinute, endMinute: endMinute)])
}

/// A responder whose only agent, Sam, writes English and Spanish and is always on shift.
private func makeResponder(roster agents: [Agent]? = nil) throws -> Responder {
    Responder(
        classifier: try sharedClassifier.get(), names: try NameExtractor(),
        roster: try AgentRoster(agents: agents ?? [agent("sam-lee", "Sam Lee", languages: ["en", "es"])]),
        templates: try TemplateLibrary.bundled(), clock: { wednesdayMorning })
}

private func mention(
    _ text: String, id: String = "1893", platform: Platform = .x, displayName: String? = "Jane Doe",
    handle: String? = "jane_d"
) -> Mention {
    Mention(
        id: id, platform: platform, brand: "acme",
        author: Mention.Author(id: "42", handle: handle, displayName: displayName, followers: 120),
        text: text, createdAt: Timestamp(millisecondsSinceEpoch: 1_768_383_000_000))
}

@Suite("Responder: mention to draft")
struct ResponderTests {
    @Test("A complaint gets an apology greeting the customer by first name, signed by the agent")
    func complaint() throws {
        let responder = try makeResponder()
        let draft = try responder.draft(for: mention("@acme my parcel is 3 days late and nobody answers, not happy"))
        #expect(draft.intent == .complaint)
        #expect(draft.tone == .apology)
        #expect(draft.template.name.hasPrefix("en/complaint"))
        #expect(draft.text.contains("Jane"))
        #expect(draft.text.contains("Sam"))
        #expect(draft.customer == Draft.Customer(name: "Jane", handle: "jane_d", followers: 120))
        #expect(draft.agent == Draft.Agent(id: "sam-lee", name: "Sam"))
        #expect(draft.id == Draft.identifier(platform: .x, mentionId: "1893"))
        #expect(draft.createdAt == wednesdayMorning)
        #expect(draft.reviewReason == nil)
    }

    @Test("A compliment gets thanks")
    func compliment() throws {
        let draft = try makeResponder().draft(for: mention("Thank you so much, the crew were amazing and so kind!"))
        #expect(draft.intent == .compliment)
        #expect(draft.tone == .thanks)
        #expect(draft.template.name.hasPrefix("en/compliment"))
        #expect(draft.text.contains("Jane"))
    }

    @Test("Spanish gets a Spanish template")
    func spanish() throws {
        let draft = try makeResponder().draft(
            for: mention(
                "mi pedido no ha llegado y nadie me responde, el servicio es pésimo", displayName: "María López"))
        #expect(draft.language == .spanish)
        #expect(draft.template.name.hasPrefix("es/"))
        #expect(draft.tone == .apology)
        #expect(draft.text.contains("María"))
    }

    @Test(
        "French, German and Portuguese complaints get an apology in their own language, by first name",
        arguments: [
            (
                "fr", "Ma commande est arrivée cassée, c'est inadmissible. Personne ne répond.", "Claire Martin",
                "Claire"
            ),
            (
                "de", "Meine Bestellung kam kaputt an und niemand meldet sich. Echt enttäuschend.", "Jonas Weber",
                "Jonas"
            ),
            ("pt", "Meu pedido chegou quebrado e ninguém responde. Que vergonha.", "João Silva", "João"),
        ])
    func otherLanguageComplaints(language: String, text: String, displayName: String, firstName: String) throws {
        let draft = try makeResponder().draft(for: mention(text, displayName: displayName))
        #expect(draft.language.rawValue == language)
        #expect(draft.template.name.hasPrefix("\(language)/complaint"), "\(draft.template.name)")
        #expect(draft.tone == .apology)
        #expect(draft.reviewReason == nil)
        #expect(draft.text.contains(firstName), "\(draft.text)")
    }

    @Test(
        "French, German and Portuguese praise is thanked in its own language, naming the member of staff",
        arguments: [
            ("fr", "Un grand merci à Julie du service client, elle a été formidable et très patiente !", "Julie"),
            ("de", "Vielen Dank an Katrin vom Kundenservice, super freundlich und schnell geholfen!", "Katrin"),
            ("pt", "Muito obrigado à Beatriz do atendimento, foi super atenciosa e resolveu tudo!", "Beatriz"),
        ])
    func otherLanguageCompliments(language: String, text: String, staff: String) throws {
        let draft = try makeResponder().draft(for: mention(text, platform: .facebook))
        #expect(draft.language.rawValue == language)
        #expect(draft.template.name.hasPrefix("\(language)/compliment"), "\(draft.template.name)")
        #expect(draft.tone == .thanks)
        #expect(draft.text.contains(staff), "\(draft.text)")
    }

    @Test(
        "A language without templates or cues gets a holding reply, not thanks for tagging, and a review flag naming it"
    )
    func otherLanguage() throws {
        let draft = try makeResponder().draft(
            for: mention(
                "il mio ordine non è ancora arrivato, è davvero inaccettabile per il prezzo",
                displayName: "Paolo Rossi"))
        #expect(draft.reviewReason?.contains("\"it\"") == true, "\(draft.reviewReason ?? "none")")
        #expect(draft.tone == .neutral)
        #expect(draft.template.name == "en/holding", "the holding reply in the default language")
        #expect(!draft.text.lowercased().contains("tagging"))
        #expect(draft.language.rawValue == "it")
    }

    @Test(
        "A question that touches on service is not answered about \"the service you received\"; a complaint is",
        arguments: [
            ("en", "How do I unlock my phone to use it abroad?", "My phone call was cut off and the agent was rude."),
            ("es", "¿Cuál es el horario de atención al cliente?", "El agente fue muy grosero conmigo, pésimo trato."),
        ])
    func serviceTopicInQuestions(language: String, question: String, complaint: String) throws {
        let responder = try makeResponder()
        let phrase = try #require(responder.templates.topicPhrases[language]?["service"])
        for platform in Platform.allCases {
            for id in 0..<8 {
                let asked = try responder.draft(for: mention(question, id: "q\(id)", platform: platform))
                #expect(asked.intent == .question && asked.language.rawValue == language, "\(asked.text)")
                #expect(asked.topics.contains("service"), "the draft still reports the topic")
                #expect(!asked.text.contains(phrase), "\(platform): \(asked.text)")
            }
        }
        let told = (0..<8).map { try? responder.draft(for: mention(complaint, id: "c\($0)")) }
        #expect(told.allSatisfy { $0?.intent == .complaint })
        #expect(told.contains { $0?.text.contains(phrase) == true }, "complaints still name the service")
    }

    @Test("A legal threat is flagged and gets a serious reply: an apology and a named next step")
    func legalThreat() throws {
        let draft = try makeResponder().draft(
            for: mention("you charged me twice and I am talking to my lawyer about this, see you in court"))
        #expect(draft.reviewReason != nil)
        #expect(draft.tone == .apology)
        #expect(draft.template.name.contains("serious"))
        #expect(draft.priority.level <= .high)
        #expect(!draft.text.lowercased().contains("tagging"))
    }

    @Test("A replay gives the same id, template and text, from values and from bytes")
    func replay() throws {
        let responder = try makeResponder()
        let event = mention("@acme where is my refund? been waiting 3 weeks", id: "555")
        let first = try responder.draft(for: event)
        let second = try responder.draft(for: event)
        #expect(first == second)
        let bytes = event.jsonBytes()
        let encoded = try responder.draft(json: bytes).get()
        #expect(encoded == (try responder.draft(json: bytes).get()))
        #expect(encoded == first.jsonBytes())
        let decoded = try Draft(json: encoded)
        #expect(decoded == first)
        #expect(decoded.mentionCreatedAt == event.createdAt)
    }

    @Test("Different mentions spread over the template's variants")
    func variantsSpread() throws {
        let responder = try makeResponder()
        let variants = try Set(
            (0..<40).map { try responder.draft(for: mention("my order is late again", id: "m\($0)")).template.variant })
        #expect(variants.count >= 3)
    }

    @Test(
        "Hostile display names put no mention, link, tag or control character into the reply",
        arguments: [
            "Jane @everyone", "@everyone", "Jane https://evil.example/x", "{{customer}} Jane", "Jane {{#agent}}x",
            "Jane\u{202E}Doe", "Jane\nDoe", "Jane\u{0007}", "<script>Jane</script>", "Jane #ad", "evil.example Jane",
            "Jane\u{200B}@\u{200B}everyone", "＠Jane", "Jane}}{{", "Jane\\u0040x",
        ])
    func hostileNames(displayName: String) throws {
        let draft = try makeResponder().draft(for: mention("my parcel is late", displayName: displayName))
        let text = draft.text
        #expect(!text.contains("@"))
        #expect(!text.contains("＠"))
        #expect(!text.contains("://"))
        #expect(!text.contains("{{"))
        #expect(!text.contains("}}"))
        #expect(!text.contains("<"))
        #expect(!text.contains("#"))
        #expect(!text.contains(".example"))
        #expect(
            !text.unicodeScalars.contains {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            })
    }

    @Test("Hostile text in the mention never reaches the reply")
    func hostileText() throws {
        let draft = try makeResponder().draft(
            for: mention("{{customer}} @everyone visit https://evil.example now \u{202E} terrible service"))
        #expect(!draft.text.contains("evil"))
        #expect(!draft.text.contains("@"))
        #expect(!draft.text.contains("{{"))
    }

    @Test("An agent off shift owns the draft, but the reply is not signed with their name")
    func offShift() throws {
        let nightOwl = agent("noor", "Noor Haddad", languages: ["en"], startMinute: 22 * 60, endMinute: 23 * 60)
        let draft = try makeResponder(roster: [nightOwl]).draft(for: mention("my order is late"))
        #expect(draft.agent == Draft.Agent(id: "noor", name: "Noor"))
        #expect(!draft.text.contains("Noor"))
    }

    @Test("Without a roster the draft belongs to the team and is unsigned")
    func noRoster() throws {
        let responder = Responder(
            classifier: try sharedClassifier.get(), names: try NameExtractor(), roster: nil,
            templates: try TemplateLibrary.bundled(), clock: { wednesdayMorning })
        let draft = try responder.draft(for: mention("my order is late"))
        #expect(draft.agent == Responder.teamAgent)
    }
}
