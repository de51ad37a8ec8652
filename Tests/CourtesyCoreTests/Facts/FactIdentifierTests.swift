import Testing

@testable import CourtesyCore

private let extractor = FactExtractor()

/// The facts of `text` as "kind=normalised", in order.
func factPairs(_ text: String, extractor: FactExtractor = FactExtractor()) -> [String] {
    extractor.facts(in: text).map { "\($0.kind)=\($0.normalised)" }
}

@Suite("Fact extractor: identifiers")
struct FactIdentifierTests {
    @Test(
        "a keyword, fillers and an identifier",
        arguments: [
            ("where is my order #48213?", ["order=48213"]),
            ("order 48213 never came", ["order=48213"]),
            ("order number: 77120045, box empty", ["order=77120045"]),
            ("ORDER NO. 7781234 NOT SHIPPED", ["order=7781234"]),
            ("Order#55120 arrived damaged", ["order=55120"]),
            ("my order number is #48213", ["order=48213"]),
            ("order 114-1234567-1234567 says delivered", ["order=11412345671234567"]),
            ("return label for order AC-558120", ["order=AC558120"]),
            ("pedido número 123456 sin llegar", ["order=123456"]),
            ("mi pedido es el 55129", ["order=55129"]),
            ("encomenda 778812 não chegou", ["order=778812"]),
            ("commande n° 123456 pas reçue", ["order=123456"]),
            ("commande nº 123456", ["order=123456"]),
            ("Bestellnummer 48213 fehlt", ["order=48213"]),
            ("Bestellung Nr. 123456 ist weg", ["order=123456"]),
            ("Auftrag 551234 storniert", ["order=551234"]),
            ("booking reference is QXKZTP", ["booking=QXKZTP"]),
            ("PNR ZK4P2Q please", ["booking=ZK4P2Q"]),
            ("confirmation number is 7HG3KD.", ["booking=7HG3KD"]),
            ("hotel confirmation 83920174622 not honoured", ["booking=83920174622"]),
            ("reservation EH-88213 has the wrong name", ["booking=EH88213"]),
            ("el localizador es XKJ7PQ", ["booking=XKJ7PQ"]),
            ("a reserva ABC123 foi cancelada", ["booking=ABC123"]),
            ("numéro de réservation QPRX7K", ["booking=QPRX7K"]),
            ("Buchungsnummer QXKZTP geht nicht", ["booking=QXKZTP"]),
            ("e-ticket 0162345678901", ["booking=0162345678901"]),
            ("flight ticket number 0162345678901", ["booking=0162345678901"]),
            ("flight SK1807 cancelled", ["flight=SK1807"]),
            ("flight UA 921 is delayed", ["flight=UA921"]),
            ("flight BA286 to Boston", ["flight=BA286"]),
            ("flight number is EH 2201", ["flight=EH2201"]),
            ("flight U2 1234 and flight 9W123", ["flight=U21234", "flight=9W123"]),
            ("flight BAW286 again", ["flight=BAW286"]),
            ("flight sk1807 lowercase", ["flight=SK1807"]),
            ("flight 1290 is overbooked", ["flight=1290"]),
            ("flights CJ12 and CJ13 both late", ["flight=CJ12", "flight=CJ13"]),
            ("mi vuelo IB3456 no sale", ["flight=IB3456"]),
            ("voo TP1234 atrasado", ["flight=TP1234"]),
            ("vol AF1234 annulé", ["flight=AF1234"]),
            ("Flug LH 1234 fällt aus", ["flight=LH1234"]),
            ("tracking number 1Z999AA10123456784 stuck", ["tracking=1Z999AA10123456784"]),
            ("order tracking number 1Z999AA10123456784", ["tracking=1Z999AA10123456784"]),
            ("package 9400 1000 0000 0000 0000 00 stuck", ["tracking=9400100000000000000000"]),
            ("parcel ID 8812-4471-0092 delivered", ["tracking=881244710092"]),
            ("seguimiento ES12345678 sigue en reparto", ["tracking=ES12345678"]),
            ("código de rastreio BR123456789BR parado", ["tracking=BR123456789BR"]),
            ("colis 6A12345678901 bloqué", ["tracking=6A12345678901"]),
            ("Sendungsnummer 00340434161234567890 ohne Update", ["tracking=00340434161234567890"]),
            ("case 88812 still open", ["case=88812"]),
            ("case number 20-448812", ["case=20448812"]),
            ("ticket ref 998812", ["case=998812"]),
            ("ticket #CS-20931 waiting", ["case=CS20931"]),
            ("complaint reference 10234 closed", ["case=10234"]),
            ("complaint reference CMP-2291834", ["case=CMP2291834"]),
            ("incident 55120 open", ["case=55120"]),
            ("incidencia 4410023", ["case=4410023"]),
            ("protocolo 2024123456 sem resposta", ["case=2024123456"]),
            ("dossier 889123 en cours", ["case=889123"]),
            ("Vorgangsnummer 7712345", ["case=7712345"]),
            ("case 7781 still open", ["case=7781"]),
            ("orders 40012, 40013 and 40014 missing", ["order=40012", "order=40013", "order=40014"]),
            ("order #2024 is late", ["order=2024"]),
        ])
    func identifiers(text: String, expected: [String]) {
        #expect(factPairs(text) == expected, "\(text)")
    }

    @Test("values are what a reply quotes; spans cover them")
    func values() throws {
        let cases: [(String, String, String)] = [
            ("order 48213 is late", "#48213", "48213"),
            ("order #48213 is late", "#48213", "#48213"),
            ("case 88812 open", "#88812", "88812"),
            ("order AC-558120 lost", "AC-558120", "AC-558120"),
            ("flight UA 921 late", "UA921", "UA 921"),
            ("flight sk1807 late", "SK1807", "sk1807"),
            ("booking ref QXKZTP.", "QXKZTP", "QXKZTP"),
            ("tracking 1Z999AA10123456784", "1Z999AA10123456784", "1Z999AA10123456784"),
            ("package 9400 1000 0000 0000 0000 00", "9400 1000 0000 0000 0000 00", "9400 1000 0000 0000 0000 00"),
        ]
        for (text, value, written) in cases {
            let fact = try #require(extractor.facts(in: text).first, "\(text)")
            #expect(fact.value == value, "\(text)")
            let span = try #require(fact.span)
            #expect(String(decoding: Array(text.utf8)[span], as: UTF8.self) == written, "\(text)")
        }
    }

    @Test(
        "never identifiers: handles, links, hashtags, phones, amounts, times, years, quantities, short numbers",
        arguments: [
            "follow @order48213 for updates", "#order2024 #case12 #fail", "see https://shop.example/orders/48213",
            "order www.shop.example/48213", "track at acme.com/track/1Z999AA10123456784",
            "email order48213@gmail.com", "order +44 20 7946 0958", "case (800) 555-1234", "ticket 555-123-4567",
            "ticket 555-1234", "order 0800 123 456", "order 07700 900123", "case 1-800-555-0199", "order $49.99",
            "order 49.99", "order 4999 EUR", "order 50%", "order at 10:30", "flight 10:30", "flight 7pm",
            "order 2024", "flight 2024", "order 300 items", "order for 2", "order 3 of 5", "flight 2 of 3",
            "flight 2 hours late", "my flight was 3 hours late", "reservation for 2 people", "order 12",
            "in order to help", "out of order", "MY BOOKING IS DELAYED", "booking DELAYED",
            "reservation CONFIRMED please", "booking is LATE", "booking Monday", "case in point: 4 orders",
            "order 2026-03-03", "ticket 5 stars", "order 12/345",
        ])
    func negatives(text: String) {
        let identifiers = extractor.facts(in: text).filter(\.kind.isIdentifier)
        #expect(identifiers.isEmpty, "\(text): \(identifiers)")
    }

    @Test("the last strong keyword names the kind; weak ones only alone")
    func keywordPhrases() {
        #expect(factPairs("order confirmation 123456") == ["order=123456"])
        #expect(factPairs("booking confirmation 123456") == ["booking=123456"])
        #expect(factPairs("reference 4XQ7PZ") == ["booking=4XQ7PZ"])
        #expect(factPairs("case reference 12345") == ["case=12345"])
        #expect(factPairs("parcel tracking number 1Z999AA1012345678") == ["tracking=1Z999AA1012345678"])
        #expect(factPairs("support ticket 4471902") == ["case=4471902"])
        #expect(factPairs("plane ticket 0162345678901") == ["booking=0162345678901"])
    }

    @Test("digits in groups: written in fours they are one identifier, after 0 or + a phone")
    func groupedDigits() {
        #expect(factPairs("tracking 1234 5678 9012 34") == ["tracking=12345678901234"])
        #expect(factPairs("order 48213 2 items") == ["order=48213"])
        #expect(factPairs("tracking 0123 4567 8901").isEmpty)
        #expect(factPairs("order 123 456 789").isEmpty)
    }
}
