import Testing

@testable import CourtesyCore

@Suite("Classifier: serious situations, industries and waits")
struct ClassifierSituationTests {
    private func classify(_ text: String, followers: Int = 120) throws -> Classification {
        let author = Mention.Author(id: "1", handle: "someone", displayName: "Someone", followers: followers)
        return try sharedClassifier.get().classify(text: text, author: author)
    }

    @Test(
        "legal, regulatory, public, safety and vulnerable situations are serious, in every judged language",
        arguments: [
            ("Still no refund. I'm filing a complaint with the regulator.", Concerns.regulator),
            ("Ya hablé con mi abogado!! Esto no se queda así", .legal),
            ("I'm taking you to small claims court over this", .legal),
            ("Voy a poner una hoja de reclamaciones en consumo", .regulator),
            ("My charger caught fire last night, this is dangerous", .safety),
            ("Mi cargador se incendió anoche", .safety),
            ("My insulin was in the bag you lost", .safety),
            ("Perdieron la maleta con mi insulina dentro", .safety),
            ("Nobody came with the wheelchair I booked and I was left at the gate", .vulnerable),
            ("Viajo embarazada y nadie me ayudó en el aeropuerto", .vulnerable),
            ("Fix this or I'm going to the press", .publicEscalation),
            ("Si no lo solucionan lo cuento en redes sociales", .publicEscalation),
            ("Toujours pas remboursé. Mon avocat va vous contacter.", .legal),
            ("Je vais saisir le médiateur et la DGCCRF, ça suffit", .regulator),
            ("Le chargeur a pris feu cette nuit dans la chambre de mon fils", .safety),
            ("Mein Anwalt meldet sich bei Ihnen, ich werde Sie verklagen", .legal),
            ("Ich beschwere mich jetzt bei der Bundesnetzagentur", .regulator),
            ("Das Ladegerät hat Feuer gefangen, zum Glück war ich zuhause", .safety),
            ("Vou processar vocês, já falei com meu advogado", .legal),
            ("Já abri reclamação no Procon e na Anatel", .regulator),
            ("Minha mãe é cadeirante e ninguém apareceu com a cadeira de rodas no aeroporto", .vulnerable),
        ])
    func seriousSituations(text: String, concern: Concerns) throws {
        let classification = try classify(text)
        #expect(classification.concerns.contains(concern), "\(text): \(classification.concerns)")
        #expect(classification.priority.level <= .high, "\(text): \(classification.priority)")
        #expect(Responder.replyKind(for: classification) == .serious)
        #expect(Responder.replyKind(for: classification).tone == .apology)
    }

    @Test("the reason is named, and a person reads legal, regulatory, safety and vulnerable situations first")
    func reasonsAndReview() throws {
        let fire = try classify("The heater you sold me caught fire")
        #expect(fire.priority.reasons.contains("reports a danger to safety or health"))
        #expect(fire.reviewReason == "reports a danger to safety or health")
        let regulator = try classify("Still no refund. I'm filing a complaint with the regulator.")
        #expect(regulator.priority.reasons.contains("takes it to a regulator"))
        #expect(regulator.needsHuman)
        let press = try classify("Fix this or I'm going to the press")
        #expect(press.priority.reasons.contains("threatens to go public"))
    }

    @Test("praise that mentions a hospital or going viral is still praise")
    func praiseIsNotSerious() throws {
        let praise = try classify("Thank you so much, your team was wonderful when my dad was in hospital")
        #expect(praise.intent == .compliment)
        #expect(praise.concerns.isEmpty)
        #expect(Responder.replyKind(for: praise) == .compliment)
    }

    @Test(
        "a vulnerable customer's question is still a question: flagged, high, and held for a person, not apologised for"
    )
    func vulnerableQuestion() throws {
        let question = try classify("How can I check that wheelchair assistance has been requested for my next flight?")
        #expect(question.intent == .question)
        #expect(question.concerns == .vulnerable)
        #expect(question.needsHuman)
        #expect(question.priority.level <= .high)
        #expect(Responder.replyKind(for: question) == .holding)
    }

    @Test(
        "everyday words are not concerns",
        arguments: [
            "My account gets disabled every time I try to log in",
            "I can't afford to miss my flight back to Boston",
            "Is it legal to tweet and fly?",
            "Your social media team is great",
            "My complaint fell on deaf ears",
            "Quiero revisar mi consumo de datos",
            "El servicio es deficiente",
        ])
    func notConcerns(text: String) throws {
        #expect(try classify(text).concerns.isEmpty, "\(text)")
    }

    @Test(
        "staff who laugh, hang up or are rude make a complaint, in English and Spanish",
        arguments: [
            "Staff at the gate laughed when I asked for help, unbelievable. I have the receipts.",
            "El personal de la tienda fue muy grosero con mi mujer.",
            "Me colgaron después de esperar 40 minutos al teléfono. Quiero una solución ya!!",
        ])
    func staffComplaints(text: String) throws {
        #expect(try classify(text).intent == .complaint, "\(text)")
    }

    @Test("a mention flagged for a language without a tone model gets a holding reply, not thanks for tagging")
    func flaggedGetsHolding() throws {
        let italian = try classify("Il mio pacco è di nuovo in ritardo e nessuno risponde, è la terza volta")
        #expect(italian.needsHuman)
        #expect(Responder.replyKind(for: italian) == .holding)
    }

    @Test(
        "the industry comes from the mention's own words",
        arguments: [
            ("Missed my connection because your flight was late", Industry?.some(.airline)),
            ("flight SK1807 cancelled, no hotel, we are sleeping at the airport", .airline),
            ("No signal at all in Toronto since this morning", .telecom),
            ("Sin señal ni internet desde ayer", .telecom),
            ("My order arrived with a cracked screen", .retail),
            ("I love it", nil),
        ])
    func industries(text: String, industry: Industry?) throws {
        #expect(try classify(text).industry == industry, "\(text)")
    }

    @Test("an airline mention gets airline topics, never delivery")
    func airlineTopics() throws {
        let late = try classify("Missed my connection because your flight was late")
        #expect(late.topics.contains("flight-disruption"))
        #expect(!late.topics.contains("delivery"))
        let bag = try classify("My luggage never arrived in Madrid")
        #expect(bag.topics.contains("baggage"))
        #expect(!bag.topics.contains("delivery"))
        let parcel = try classify("My parcel is 5 days late")
        #expect(parcel.topics.contains("delivery"))
        #expect(!parcel.topics.contains("flight-disruption"))
    }

    @Test(
        "waiting is told from a product's age, an early arrival and a promise",
        arguments: [
            ("It stopped working after 11 months, terrible", false),
            ("My parcel arrived a day early, brilliant", false),
            ("You said it would be fixed in 2 days", false),
            ("The warranty is 2 years old apparently", false),
            ("I've been waiting 5 days for a reply", true),
            ("On hold for 2 hours and nobody answers", true),
            ("After 3 hours on hold they hung up on me", true),
            ("My order is 5 days late", true),
        ])
    func waits(text: String, isWait: Bool) throws {
        let reasons = try classify(text).priority.reasons
        #expect(reasons.contains { $0.hasPrefix("says they waited") } == isWait, "\(text): \(reasons)")
    }
}
