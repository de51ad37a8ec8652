extension FactExtractor {
    /// The words the scanners know, in English, Spanish, Portuguese, French and German, written for Courtesy.
    ///
    /// Words are compared folded (see ``Characters/fold(_:)``): "número", "NUMERO" and "numero" are one word,
    /// so each is listed once, without its accents where that is how customers often type it anyway.
    enum Words {
        /// Every word with one of its meanings; a word listed twice has both.
        static func entries() -> [(word: String, meaning: Meaning)] {
            var list: [(word: String, meaning: Meaning)] = []
            func add(_ words: String, _ meaning: Meaning) {
                for word in words.split(separator: " ") {
                    list.append((String(word), meaning))
                }
            }
            func add(_ words: String, _ roles: Meaning.Roles) {
                add(words, Meaning(roles: roles))
            }

            // Identifier keywords. The kind of the last strong keyword before an identifier wins
            // ("order tracking number" is a tracking number); weak ones name a booking only when alone
            // ("reference 4XQ7PZ", but "complaint reference 10234" is a case).
            add(
                "order orders pedido pedidos encomenda encomendas commande commandes bestellung bestellungen "
                    + "auftrag bestellnummer bestellnr auftragsnummer auftragsnr",
                Meaning(roles: .strongKeyword, keyword: .order))
            add(
                "booking bookings reservation reservations pnr reserva reservas localizador locator buchung "
                    + "buchungen buchungsnummer buchungscode reservierung reservierungsnummer billete bilhete billet",
                Meaning(roles: .strongKeyword, keyword: .booking))
            add(
                "reference ref referencia referenz referenznummer confirmation confirmacion confirmacao bestatigung",
                Meaning(keyword: .booking))
            add(
                "flight flights vuelo vuelos voo voos vol vols flug fluge flugnummer",
                Meaning(roles: .strongKeyword, keyword: .flight))
            add(
                "tracking parcel parcels package packages shipment shipments consignment delivery waybill "
                    + "seguimiento paquete paquetes envio envios guia rastreio rastreamento colis suivi sendung "
                    + "sendungen paket sendungsnummer trackingnummer paketnummer",
                Meaning(roles: .strongKeyword, keyword: .tracking))
            add(
                "case complaint complaints incident claim dispute fault repair rma caso queja reclamacion incidencia "
                    + "incidente averia disputa chamado protocolo reclamacao dossier reclamation litige panne fall "
                    + "vorgang vorgangsnummer fallnummer ticketnummer beschwerde reklamation storung reparatur",
                Meaning(roles: .strongKeyword, keyword: .case))
            add("ticket tickets", Meaning(roles: .strongKeyword, keyword: .ticket))
            add("flight plane train air airline bus rail e", .ticketModifier)

            add(
                "number no nr num nbr nro n id code codigo numero nummer",
                [.identifierFiller, .flightFiller])
            add("is was es era est ist lautet e o el le mit der die", .identifierFiller)
            add(
                "items item people persons person pieces piece pcs units unit bags bag boxes box articles article "
                    + "artikel articulos articulo personas unidades unidad cajas bolsas pessoas itens caixas "
                    + "personnes personen times veces vezes fois mal miles km points puntos pontos kg lbs gb mb "
                    + "passengers pasajeros passageiros passagers",
                .quantity)
            add("am pm uhr", .timeOfDay)
            add("and y e et und or o ou oder", .conjunction)
            add(
                "canceled delayed missing never still wrong broken please again today urgent refund refunded denied "
                    + "expired invalid changed deleted closed rejected declined stolen awful horrible terrible failed "
                    + "anulada anulado perdido perdida annulee annule perdu perdue abgesagt verloren falsch nicht "
                    + "where there about after before which their these those would could should always another "
                    + "nothing nobody anyone pending locked blocked error unpaid missed double charged stuck hello "
                    + "thanks sorry empty voided waiting called ignored lost useless",
                .notReference)

            // Numbers for durations.
            let numbers: [(String, UInt8)] = [
                ("one uno eins", 1), ("two dos dois duas deux zwei", 2), ("three tres trois drei", 3),
                ("four cuatro quatro quatre vier", 4), ("five cinco cinq funf", 5), ("six seis sechs", 6),
                ("seven siete sete sept sieben", 7), ("eight ocho oito huit acht", 8),
                ("nine nueve nove neuf neun", 9), ("ten diez dez dix zehn", 10), ("eleven once onze elf", 11),
                ("twelve doce doze douze zwolf", 12),
            ]
            for (words, value) in numbers {
                add(words, Meaning(number: value))
            }
            add("a an un una um uma une ein eine einen einer einem", Meaning(roles: .article, number: 1))
            add("half media meia demi halbe halben demie", .half)
            add("couple par", .couple)
            add("of de del d", .connector)

            // Units: English singular and plural forms are marked, because "2 day shipping" is an adjective.
            let units: [(String, String, String, Meaning.DurationUnit)] = [
                ("minute", "minutes mins", "min minuto minutos minuten", .minute),
                ("hour hr", "hours hrs", "h hora horas heure heures stunde stunden std", .hour),
                ("day", "days", "dia dias jour jours tag tage tagen", .day),
                ("week wk", "weeks wks", "semana semanas semaine semaines woche wochen", .week),
                ("month mth", "months mths", "mes meses mois monat monate monaten", .month),
                ("year yr", "years yrs", "ano anos an ans annee annees jahr jahre jahren", .year),
            ]
            for (singular, plural, other, unit) in units {
                add(singular, Meaning(unit: unit, englishPlural: false))
                add(plural, Meaning(unit: unit, englishPlural: true))
                add(other, Meaning(unit: unit))
            }

            // What says a duration is a wait, before it and after it, and what says it is not.
            add(
                "for waiting waited wait been hold over almost nearly more already past since delayed took taking taken "
                    + "spent hace desde llevo tardo tardaron demorou demora "
                    + "llevamos lleva esperando espere espero durante mas mais casi ya ha faz ja aguardando quase "
                    + "depuis pendant plus presque deja fait attends attendu seit schon uber fast mehr vor warte "
                    + "warten gewartet",
                .waitBefore)
            add(
                "late ago now later still delayed overdue behind waiting counting without sin sem sans ohne "
                    + "retraso atraso espera attente retard verspatung wartezeit atrasado atrasada tarde tard spater "
                    + "depois despues apres esperando aguardando delay delays hold",
                .waitAfter)
            add(
                "within in after before every per each next dentro en antes despues cada proximo proximos proxima "
                    + "proximas dans apres avant chaque prochain prochaine prochains innerhalb nach binnen jede jeden "
                    + "jeder nachste nachsten em apos depois",
                .notWaitBefore)
            add(
                "customer customers member members client clients cliente clientes kunde kundin loyal subscriber "
                    + "using used owned booked book rented rent reserved paid pay subscribed subscription warranty "
                    + "guarantee valid plan contract trial holiday vacation trip stay hired lease socio membre "
                    + "mitglied abonne garantia garantie contrato contrat vertrag cost costs charged charge price fee "
                    + "fees shopping tariff",
                .tenure)
            add(
                "early shipping delivery trial warranty guarantee old left remaining from free pass plan envio "
                    + "livraison lieferung entrega",
                .notWaitAfter)
            add("for durante pendant", .waitFor)
            add("delay delays wait hold queue outage", .delayNoun)
            add("of de d and y e et und en on so zu a in na no em", .followFiller)
            add("the el la los las le les l", .determiner)

            // "since" and what may follow it.
            add("since desde depuis seit", .since)
            add("the el la los las le les l o a os as dem der den dia", .sinceFiller)
            add(
                "last pasada pasado passada passado derniere dernier letzter letzten letztem letzte vergangene "
                    + "vergangenen vergangener",
                .last)
            add("this esta este ce cette heute", .this)
            add("week semana semaine woche", .week)
            add("month mes mois monat", .month)
            add("morning manana manha matin morgen", .morning)
            add("night", .night)
            add("yesterday ayer ontem hier gestern", .yesterday)
            add("anoche", .lastNight)
            let weekdays: [(String, StaticString)] = [
                ("monday lunes segunda lundi montag", "monday"), ("tuesday martes terca mardi dienstag", "tuesday"),
                ("wednesday miercoles quarta mercredi mittwoch", "wednesday"),
                ("thursday jueves quinta jeudi donnerstag", "thursday"),
                ("friday viernes sexta vendredi freitag", "friday"),
                ("saturday sabado samedi samstag sonnabend", "saturday"),
                ("sunday domingo dimanche sonntag", "sunday"),
            ]
            for (words, name) in weekdays {
                add(words, Meaning(weekday: name))
            }

            // Months: English names (and abbreviations) may come before the day.
            let englishMonths = [
                "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
                "august aug", "september sep sept", "october oct", "november nov", "december dec",
            ]
            let otherMonths = [
                "enero janeiro janvier januar janner", "febrero fevereiro fevrier februar",
                "marzo marco mars marz maerz", "abril avril", "mayo maio mai", "junio junho juin juni",
                "julio julho juillet juli", "agosto aout", "septiembre setiembre setembro septembre",
                "octubre outubro octobre oktober", "noviembre novembro", "diciembre dezembro decembre dezember",
            ]
            for (index, words) in englishMonths.enumerated() {
                add(words, Meaning(roles: .englishMonth, month: UInt8(index + 1)))
            }
            add("may march", .monthNeedsCapital)
            for (index, words) in otherMonths.enumerated() {
                add(words, Meaning(month: UInt8(index + 1)))
            }
            add("st nd rd th er re o a", .ordinal)

            // Currencies written as words and codes.
            add("euro euros", Meaning(currency: Currency.eur + 1))
            add("dollar dollars dolar dolares bucks", Meaning(currency: Currency.usd + 1))
            add("reais", Meaning(currency: Currency.brl + 1))
            add("yen", Meaning(currency: Currency.jpy + 1))
            add("quid", Meaning(currency: Currency.gbp + 1))
            add("rupees", Meaning(currency: Currency.inr + 1))
            for (index, code) in Currency.codes.enumerated() {
                let lower = index <= Int(Currency.gbp)
                add(
                    code.lowercased(),
                    Meaning(roles: lower ? [.currencyCode, .lowerCaseCode] : .currencyCode, currency: UInt8(index + 1)))
            }
            // Words that other scanners name directly.
            add("il y feira with you", [])
            return list
        }
    }
}
