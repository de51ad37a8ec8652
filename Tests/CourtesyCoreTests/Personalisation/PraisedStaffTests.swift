import Foundation
import Testing

@testable import CourtesyCore

@Suite("Praised staff: the member of staff a compliment names, and the reply that names them back")
struct PraisedStaffTests {
    private let names: NameExtractor

    init() throws {
        names = try NameExtractor()
    }

    @Test(
        "Found where staff are named",
        arguments: [
            ("@skylark Shout out to Farah at the check-in desk, so kind and patient with us", "Farah"),
            ("the crew on CJ88 were a delight, Maria made my daughter's birthday so special", "Maria"),
            ("Tom on live chat sorted out my order in minutes, what a star", "Tom"),
            ("kudos to Priya for fixing my router", "Priya"),
            ("gracias a Lucía de la tienda, me configuró el móvil en diez minutos", "Lucía"),
            ("Un grand merci à Julie du service client, très patiente", "Julie"),
            ("Großes Lob an Katrin, super freundlich", "Katrin"),
            ("Dank an Jonas vom Kundenservice für die schnelle Hilfe", "Jonas"),
            ("Valeu Beatriz, resolveu tudo em dez minutos", "Beatriz"),
            ("Parabéns ao Tiago da loja do centro, muito atencioso", "Tiago"),
            ("Adorei o atendimento da Carla na loja do Porto, super atenciosa!", "Carla"),
            ("Great service from Tom today, sorted in five minutes", "Tom"),
            ("Super Service von Anna heute, danke!", "Anna"),
            ("Excelente atención de Lucía, muy amable", "Lucía"),
        ])
    func found(text: String, staff: String) {
        #expect(names.praisedStaff(in: text) == staff)
    }

    @Test(
        "Not found in places, sentence starts, the customer's own name or lower case",
        arguments: [
            "Landed in Sydney on time, great flight",
            "Paris was lovely, thanks for a smooth trip",
            "Great service today, thank you",
            "shout out to maria at the desk",
            "Thanks for the upgrade on my flight to Dublin",
            "Great service from Sydney airport staff today",
        ])
    func notFound(text: String) {
        #expect(names.praisedStaff(in: text) == nil)
    }

    @Test("The customer is not the staff member they sign as")
    func customerExcluded() {
        #expect(names.praisedStaff(in: "thanks to Anna at the desk", customer: "Anna") == nil)
    }

    @Test("A compliment naming someone gets a reply that names them, on every platform and in English and Spanish")
    func repliesName() throws {
        let responder = Responder(
            classifier: try sharedClassifier.get(), names: names, roster: nil, templates: try TemplateLibrary.bundled())
        let texts = [
            "Shout out to Farah at the check-in desk, so kind and patient with us. Thank you!",
            "Muchas gracias a Farah de la tienda, fue encantadora y muy amable",
        ]
        for text in texts {
            for platform in Platform.allCases {
                for seed in 0..<8 {
                    let mention = Mention(
                        id: "\(platform.rawValue)-\(seed)", platform: platform, brand: "acme",
                        author: Mention.Author(id: "7", displayName: "Jane Doe"), text: text,
                        createdAt: Timestamp(millisecondsSinceEpoch: 1_764_579_600_000))
                    let draft = try responder.draft(for: mention)
                    #expect(draft.template.name.contains("compliment"), "\(text) → \(draft.template.name)")
                    #expect(draft.text.contains("Farah"), "\(platform) \(draft.template.name): \(draft.text)")
                }
            }
        }
    }
}
