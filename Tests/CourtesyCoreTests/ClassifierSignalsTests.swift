import Foundation
import Testing

@testable import CourtesyCore

@Suite("Classifier: priority, language, topics")
struct ClassifierSignalsTests {
    private func classify(
        _ text: String, followers: Int = 0, verified: Bool = false, recent: Int = 0
    ) throws -> Classification {
        try sharedClassifier.get().classify(
            text: text, author: Mention.Author(id: "1", followers: followers, verified: verified),
            recentMentions: recent)
    }

    @Test("threats, anger and reach give reasons and raise the level")
    func priorityReasons() throws {
        let legal = try classify("@acme my refund is 3 weeks late. My lawyer will hear about this")
        #expect(legal.priority.reasons.contains("threatens legal action"))
        #expect(legal.priority.reasons.contains("says they waited 3 weeks"))
        #expect(legal.reviewReason == "threatens legal action")

        let publicThreat = try classify("@acme fix this or I go to the local news and tell everyone")
        #expect(publicThreat.priority.reasons.contains("threatens to go public"))

        let cancel = try classify("@acme I will cancel my subscription and switch to your competitor")
        #expect(cancel.priority.reasons.contains("threatens to cancel or leave"))

        let angry = try classify("@acme WHERE IS MY PACKAGE?! THIS IS RIDICULOUS!!! wtf")
        #expect(angry.priority.reasons.contains("shouting (capitals)"))
        #expect(angry.priority.reasons.contains("repeated punctuation"))
        #expect(angry.priority.reasons.contains("profanity"))

        let famous = try classify("@acme my flight was cancelled", followers: 2_400_000, verified: true)
        #expect(famous.priority.reasons.first == "large audience (2.4M followers)")
        #expect(famous.priority.reasons.contains("verified account"))
        #expect(famous.priority.level == .urgent)
        #expect(famous.replyWithinSeconds == 900)

        let calm = try classify("@acme love the new menu")
        #expect(calm.priority.level == .low)
        #expect(calm.priority.score < famous.priority.score)
    }

    @Test(
        "stated waiting times are read",
        arguments: [
            ("3 hours on hold and no answer", "3 hours"), ("waiting for two weeks for a reply", "2 weeks"),
            ("been on the phone 45min", "45 minutes"), ("on hold all day", "8 hours"),
            ("stuck here for 2hrs", "2 hours"),
            ("j'attends mon colis depuis 5 jours, toujours rien", "5 days"),
            ("ich warte seit 2 Stunden in der Warteschleife", "2 hours"),
            ("estou esperando há 3 dias e nada", "3 days"),
            ("llevo 2 horas esperando en la línea", "2 hours"),
        ])
    func waiting(_ text: String, _ expected: String) throws {
        let classification = try classify("@acme " + text)
        #expect(classification.priority.reasons.contains("says they waited \(expected)"))
    }

    @Test(
        "a product's age or an early arrival is not a wait, in every judged language",
        arguments: [
            "mon lave-linge est tombé en panne après 11 mois", "die Waschmaschine ist nach 11 Monaten kaputt gegangen",
            "o produto chegou um dia antes, adorei", "llegó un día antes, genial",
        ])
    func notWaiting(text: String) throws {
        let reasons = try classify(text).priority.reasons
        #expect(!reasons.contains { $0.hasPrefix("says they waited") }, "\(text): \(reasons)")
    }

    @Test("repeated mentions raise priority, up to a cap")
    func repeatedMentions() throws {
        let once = try classify("@acme my parcel is late")
        let thrice = try classify("@acme my parcel is late", recent: 3)
        let often = try classify("@acme my parcel is late", recent: 20)
        #expect(thrice.priority.score == once.priority.score + 30)
        #expect(thrice.priority.reasons.contains("3 recent mentions in this conversation"))
        #expect(often.priority.score == thrice.priority.score)
    }

    @Test("English, Spanish, French, German and Portuguese are detected and judged; other languages are flagged")
    func languages() throws {
        let spanish = try classify(
            "@acme mi vuelo lleva tres horas de retraso y nadie me da una respuesta, una vergüenza")
        #expect(spanish.language == .spanish)
        #expect(spanish.tone == .apology)
        #expect(spanish.reviewReason == nil)
        #expect(spanish.priority.reasons.contains("says they waited 3 hours"))

        let spanishThanks = try classify("@acme muchas gracias por la ayuda, excelente servicio")
        #expect(spanishThanks.language == .spanish)
        #expect(spanishThanks.tone == .thanks)

        let judged: [(text: String, language: String, tone: Tone)] = [
            ("@acme je suis très déçu, mon vol est annulé et personne ne répond", "fr", .apology),
            ("@acme merci beaucoup, service impeccable et équipe adorable", "fr", .thanks),
            ("@acme est-ce que vous livrez en Belgique ?", "fr", .neutral),
            ("@acme ich warte seit drei Stunden auf meinen Flug, das ist eine Frechheit", "de", .apology),
            ("@acme vielen Dank, super Service und total nette Mitarbeiter", "de", .thanks),
            ("@acme liefert ihr auch nach Österreich?", "de", .neutral),
            ("@acme meu voo atrasou 5 horas e ninguém dá informação, um absurdo", "pt", .apology),
            ("@acme muito obrigada, atendimento excelente e super rápido", "pt", .thanks),
            ("@acme vocês entregam no Porto?", "pt", .neutral),
        ]
        for (text, language, tone) in judged {
            let classification = try classify(text)
            #expect(classification.language.rawValue == language, "\(text)")
            #expect(classification.tone == tone, "\(text): \(classification.tone)")
            #expect(classification.reviewReason == nil, "\(text)")
        }
        let german = try classify("@acme ich warte seit drei Stunden auf meinen Flug, das ist nicht gut")
        #expect(german.priority.reasons.contains("says they waited 3 hours"))

        let italian = try classify("@acme il mio volo è stato cancellato e nessuno risponde, che vergogna")
        #expect(italian.language.rawValue == "it")
        #expect(italian.tone == .neutral)
        #expect(italian.reviewReason?.contains("\"it\"") == true)

        let russian = try classify("@acme мой рейс отменили, это ужасно")
        #expect(russian.tone == .neutral)
        #expect(russian.reviewReason?.contains("Cyrillic") == true)

        let english = try classify("@acme the flight was late")
        #expect(english.language == .english)
        #expect(!english.needsHuman)
    }

    @Test(
        "letters only one language uses tell short messages apart",
        arguments: [
            ("Cadê minha mala?", "pt"),
            ("Gepäckaufbewahrung am Bahnhof?", "de"),
            ("¿Abren mañana?", "es"),
            ("Très déçue, encore raté.", "fr"),
        ])
    func markedLetters(text: String, language: String) throws {
        #expect(try classify(text).language.rawValue == language)
    }

    @Test("a false friend is scored as an unknown word in its language, and as before elsewhere")
    func falseFriends() throws {
        // Portuguese "no" is "in the": not a negator, so the praise after it counts.
        let portuguese = try classify("@acme o atendimento no balcão foi excelente, muito obrigado")
        #expect(portuguese.language.rawValue == "pt")
        #expect(portuguese.tone == .thanks)
        // --explain shows the scoring the classification used: no negated praise, nothing negative.
        let summary = try sharedClassifier.get().explain(
            text: "@acme o atendimento no balcão foi excelente, muito obrigado"
        ).last
        #expect(summary?.contains("negative 0.00") == true, "\(summary ?? "")")
        let english = try classify("@acme no help at all, no answer, nothing")
        #expect(english.tone == .apology)

        var configuration = try ClassifierConfiguration.shipped()
        configuration.falseFriends = ["xx": ["no"]]
        #expect(throws: ClassifierConfigurationError.self) {
            try Classifier(configuration: configuration, baseLexicon: [:])
        }
    }

    @Test("topics come from the configuration")
    func topics() throws {
        let shipped = try classify("@acme I was double charged and still have no refund for the broken kettle")
        #expect(shipped.topics == ["returns-refunds", "product-quality", "billing"])

        var configuration = try ClassifierConfiguration.shipped()
        configuration.topics = [
            .init(id: "pets", label: "Pets", keywords: ["dog", "cat", "guide dog"]),
            .init(id: "food", label: "Food", keywords: ["meal", "gluten free"]),
        ]
        let custom = try Classifier(configuration: configuration, baseLexicon: [:])
        #expect(custom.classify(text: "no gluten free meal for my guide dog").topics == ["pets", "food"])
        #expect(custom.classify(text: "my parcel is late").topics.isEmpty)
    }

    @Test("a configuration file overrides the shipped one, and bad files are explained")
    func configurationFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.json")
        var configuration = try ClassifierConfiguration.shipped()
        configuration.priority.replyWithinSeconds["urgent"] = 60
        try JSONEncoder().encode(configuration).write(to: good)
        #expect(try ClassifierConfiguration.load(from: good).priority.replyWithinSeconds["urgent"] == 60)

        let bad = directory.appendingPathComponent("bad.json")
        try Data(#"{"about":"x"}"#.utf8).write(to: bad)
        #expect(throws: ClassifierConfigurationError.self) { try ClassifierConfiguration.load(from: bad) }
        do {
            _ = try ClassifierConfiguration.load(from: bad)
        } catch {
            #expect(error.description.contains("missing field"))
        }
        #expect(throws: ClassifierConfigurationError.self) {
            try ClassifierConfiguration.load(from: directory.appendingPathComponent("absent.json"))
        }
    }

    @Test("a mention is classified with its author")
    func mention() throws {
        var mention = Fixtures.sampleMention(text: "@acme my parcel is 3 days late!!")
        mention.author.verified = true
        let classification = try sharedClassifier.get().classify(mention, recentMentions: 1)
        #expect(classification.intent == .complaint)
        #expect(classification.topics.contains("delivery"))
        #expect(classification.priority.reasons.contains("verified account"))
        #expect(classification.priority.reasons.contains("1 recent mention in this conversation"))
    }
}
