import Testing

@testable import CourtesyCore

private let extractor = FactExtractor()

@Suite("Fact extractor: durations")
struct FactDurationTests {
    @Test(
        "a number and a unit in a waiting context",
        arguments: [
            ("my parcel is 5 days late", ["duration=P5D"]),
            ("waiting two hours for a reply", ["duration=PT2H"]),
            ("on hold for 40 minutes", ["duration=PT40M"]),
            ("on hold 30 min", ["duration=PT30M"]),
            ("it's been 3 weeks", ["duration=P3W"]),
            ("waited 45mins", ["duration=PT45M"]),
            ("down for 48h", ["duration=PT48H"]),
            ("for over 2 hrs", ["duration=PT2H"]),
            ("almost 3 months now", ["duration=P3M"]),
            ("more than a year", ["duration=P1Y"]),
            ("for a couple of days", ["duration=P2D"]),
            ("for half an hour", ["duration=PT30M"]),
            ("for an hour and a half", ["duration=PT1.5H"]),
            ("waited 1.5 hours", ["duration=PT1.5H"]),
            ("ordered 6 weeks ago", ["duration=P6W"]),
            ("3 days and still nothing", ["duration=P3D"]),
            ("2 weeks later, nothing", ["duration=P2W"]),
            ("2 weeks without a landline", ["duration=P2W"]),
            ("after a 2 hour delay", ["duration=PT2H"]),
            ("took 9 days", ["duration=P9D"]),
            ("hace dos horas que espero", ["duration=PT2H"]),
            ("desde hace cinco días", ["duration=P5D"]),
            ("llevo dos semanas esperando", ["duration=P2W"]),
            ("tres horas de retraso", ["duration=PT3H"]),
            ("llevo media hora al teléfono", ["duration=PT30M"]),
            ("há três dias", ["duration=P3D"]),
            ("já faz 10 dias", ["duration=P10D"]),
            ("sem resposta há mais de 2 semanas", ["duration=P2W"]),
            ("roaming for 3 days now", ["duration=P3D"]),
            ("esperando há meia hora", ["duration=PT30M"]),
            ("depuis deux semaines", ["duration=P2W"]),
            ("il y a trois jours", ["duration=P3D"]),
            ("ça fait 3 jours", ["duration=P3D"]),
            ("deux heures de retard", ["duration=PT2H"]),
            ("en attente depuis une heure", ["duration=PT1H"]),
            ("seit zwei Stunden", ["duration=PT2H"]),
            ("seit einer Woche", ["duration=P1W"]),
            ("seit einer halben Stunde", ["duration=PT30M"]),
            ("zwei Stunden Verspätung", ["duration=PT2H"]),
            ("vor 3 Tagen bestellt", ["duration=P3D"]),
            ("for 1 hr 20 min", ["duration=PT1H20M"]),
            ("waited 2 hours and 30 minutes", ["duration=PT2H30M"]),
            ("waiting for 1 day 6 hours", ["duration=P1DT6H"]),
            ("no internet for 3 days???", ["duration=P3D"]),
        ])
    func durations(text: String, expected: [String]) {
        #expect(factPairs(text) == expected, "\(text)")
    }

    @Test(
        "since a day",
        arguments: [
            ("waiting since Monday", "since Monday", "since:monday"),
            ("since yesterday", "since yesterday", "since:yesterday"),
            ("since last week", "since last week", "since:last-week"),
            ("since last month", "since last month", "since:last-month"),
            ("since last night", "since last night", "since:last-night"),
            ("since this morning", "since this morning", "since:this-morning"),
            ("since 3 March", "since 3 March", "since:--03-03"),
            ("since March 3rd", "since March 3rd", "since:--03-03"),
            ("since 2026-03-03", "since 2026-03-03", "since:2026-03-03"),
            ("desde el lunes", "desde el lunes", "since:monday"),
            ("desde ayer", "desde ayer", "since:yesterday"),
            ("desde la semana pasada", "desde la semana pasada", "since:last-week"),
            ("desde el 3 de marzo", "desde el 3 de marzo", "since:--03-03"),
            ("desde esta mañana", "desde esta mañana", "since:this-morning"),
            ("desde segunda", "desde segunda", "since:monday"),
            ("desde segunda-feira", "desde segunda-feira", "since:monday"),
            ("desde o dia 3 de março", "desde o dia 3 de março", "since:--03-03"),
            ("depuis lundi", "depuis lundi", "since:monday"),
            ("depuis hier", "depuis hier", "since:yesterday"),
            ("depuis la semaine dernière", "depuis la semaine dernière", "since:last-week"),
            ("depuis le 3 mars", "depuis le 3 mars", "since:--03-03"),
            ("seit Montag", "seit Montag", "since:monday"),
            ("seit gestern", "seit gestern", "since:yesterday"),
            ("seit letzter Woche", "seit letzter Woche", "since:last-week"),
            ("seit dem 3. März", "seit dem 3. März", "since:--03-03"),
            ("seit heute Morgen", "seit heute Morgen", "since:this-morning"),
        ])
    func since(text: String, value: String, normalised: String) throws {
        let facts = extractor.facts(in: text)
        #expect(facts.count == 1, "\(text): \(facts)")
        let fact = try #require(facts.first)
        #expect(fact.kind == .duration)
        #expect(fact.value == value)
        #expect(fact.normalised == normalised)
    }

    @Test("the value is as written, without the context word")
    func values() throws {
        let fact = try #require(extractor.facts(in: "I've been waiting two hours!").first)
        #expect(fact.value == "two hours")
        #expect(fact.normalised == "PT2H")
    }

    @Test(
        "not waits",
        arguments: [
            "stopped working after 11 months", "arrived a day early", "within 2 days", "in 5 minutes",
            "2 day shipping", "the 3 hour delivery window", "a 3-hour flight",
            "I have been a loyal customer for 10 years",
            "been using it for 2 years", "booked for 2 weeks", "5 days", "every 2 days", "3 days from now",
            "I'll wait 10 more minutes", "2-3 days", "I'm 35 years old", "valid for 30 days", "next 2 weeks",
            "en 5 minutos", "dans 2 jours", "in 2 Tagen", "mon vol est à 10h30", "several days", "a few weeks",
            "since 2019", "since 6am", "been with you 8 years", "been with you for 8 years",
            "cost me 45 euros for 2 days", "a fixed tariff for 24 months", "rental at €40 for 3 days",
        ])
    func negatives(text: String) {
        let durations = extractor.facts(in: text).filter { $0.kind == .duration }
        #expect(durations.isEmpty, "\(text): \(durations)")
    }
}

@Suite("Fact extractor: amounts")
struct FactAmountTests {
    @Test(
        "an amount with its currency",
        arguments: [
            ("I paid $49.99", "$49.99", "49.99 USD"),
            ("paid US$12", "US$12", "12 USD"),
            ("€90.44 taken", "€90.44", "90.44 EUR"),
            ("90,44 € taken", "90,44 €", "90.44 EUR"),
            ("90.44€ taken", "90.44€", "90.44 EUR"),
            ("a £30 fee", "£30", "30 GBP"),
            ("30 EUR fee", "30 EUR", "30 EUR"),
            ("EUR 30 fee", "EUR 30", "30 EUR"),
            ("30 euros", "30 euros", "30 EUR"),
            ("30 dollars", "30 dollars", "30 USD"),
            ("R$ 50 a mais", "R$ 50", "50 BRL"),
            ("R$150,00", "R$150,00", "150.00 BRL"),
            ("¥500 deposit", "¥500", "500 JPY"),
            ("$1,299.00 laptop", "$1,299.00", "1299.00 USD"),
            ("1.299,00 € Laptop", "1.299,00 €", "1299.00 EUR"),
            ("1 299,00 € remboursés", "1 299,00 €", "1299.00 EUR"),
            ("1\u{202F}299,00\u{A0}€ remboursés", "1\u{202F}299,00\u{A0}€", "1299.00 EUR"),
            ("$2,500 pending", "$2,500", "2500 USD"),
            ("1,5 € extra", "1,5 €", "1.50 EUR"),
            ("20 CHF", "20 CHF", "20 CHF"),
            ("30 usd", "30 usd", "30 USD"),
            ("50 reais", "50 reais", "50 BRL"),
            ("30EUR", "30EUR", "30 EUR"),
        ])
    func amounts(text: String, value: String, normalised: String) throws {
        let facts = extractor.facts(in: text).filter { $0.kind == .amount }
        #expect(facts.count == 1, "\(text): \(facts)")
        let fact = try #require(facts.first)
        #expect(fact.value == value)
        #expect(fact.normalised == normalised)
    }

    @Test(
        "not amounts",
        arguments: [
            "50% off", "10% cashback", "€30%", "order 49.99", "30 cop cars", "3 ars", "1,2,3", "$$$", "$",
            "49.9999 EUR", "$5k bonus",
        ])
    func negatives(text: String) {
        let amounts = extractor.facts(in: text).filter { $0.kind == .amount }
        #expect(amounts.isEmpty, "\(text): \(amounts)")
    }

    @Test("two amounts in one mention")
    func two() {
        #expect(factPairs("went from £30 to £45") == ["amount=30 GBP", "amount=45 GBP"])
    }
}

@Suite("Fact extractor: dates")
struct FactDateTests {
    @Test(
        "day and month, with or without a year",
        arguments: [
            ("on 2026-03-03", "2026-03-03", "2026-03-03"),
            ("on 3 March", "3 March", "--03-03"),
            ("on March 3", "March 3", "--03-03"),
            ("on March 3rd", "March 3rd", "--03-03"),
            ("on the 3rd of March", "3rd of March", "--03-03"),
            ("on Mar. 3, 2026", "Mar. 3, 2026", "2026-03-03"),
            ("on 3 March 2026", "3 March 2026", "2026-03-03"),
            ("el 3 de marzo", "3 de marzo", "--03-03"),
            ("el 3 de marzo de 2026", "3 de marzo de 2026", "2026-03-03"),
            ("le 3 mars", "3 mars", "--03-03"),
            ("le 1er mars", "1er mars", "--03-01"),
            ("am 3. März", "3. März", "--03-03"),
            ("am 3. März 2026", "3. März 2026", "2026-03-03"),
            ("dia 3 de março", "3 de março", "--03-03"),
            ("dia 1º de março", "1º de março", "--03-01"),
            ("on 29 February", "29 February", "--02-29"),
            ("on 12 Jan", "12 Jan", "--01-12"),
            ("on May 3", "May 3", "--05-03"),
        ])
    func dates(text: String, value: String, normalised: String) throws {
        let facts = extractor.facts(in: text)
        #expect(facts.count == 1, "\(text): \(facts)")
        let fact = try #require(facts.first)
        #expect(fact.kind == .date)
        #expect(fact.value == value)
        #expect(fact.normalised == normalised)
    }

    @Test(
        "not dates: weekdays alone, 3/4, impossible days, counts after a month, lower-case may",
        arguments: [
            "on Monday", "delivered 3/4 items", "on 3/4", "2026-02-30", "31 April", "29 February 2025",
            "May 2 people", "may 3 people sit together", "March 3 days", "at 10:30", "in 2026",
        ])
    func negatives(text: String) {
        let dates = extractor.facts(in: text).filter { $0.kind == .date }
        #expect(dates.isEmpty, "\(text): \(dates)")
    }
}
