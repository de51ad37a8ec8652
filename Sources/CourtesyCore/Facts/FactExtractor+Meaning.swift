extension FactExtractor {
    /// What a word can mean to the scanners. One word may mean several things ("an" is one in English and a
    /// year in French; "a" is one, an article and an ordinal), and a scanner reads only what it looks for.
    struct Meaning: Sendable {
        /// The roles of a word; see ``FactExtractor/Words`` for the words in each.
        struct Roles: OptionSet, Sendable {
            let rawValue: UInt64

            /// Names an identifier's kind strongly ("order", "booking"); the last strong keyword before an
            /// identifier decides its kind.
            static let strongKeyword = Roles(rawValue: 1 << 0)
            /// May stand between a keyword and its identifier ("number", "no", "is", "nº", "Nummer").
            static let identifierFiller = Roles(rawValue: 1 << 1)
            /// May stand between "flight" and a bare flight number ("no", "number", "nr").
            static let flightFiller = Roles(rawValue: 1 << 2)
            /// After a number, makes it a quantity and not an identifier ("items", "people", "times").
            static let quantity = Roles(rawValue: 1 << 3)
            /// Joins a list of identifiers ("and", "y", "et", "und", "or").
            static let conjunction = Roles(rawValue: 1 << 4)
            /// Before "ticket", makes it a travel ticket (a booking) rather than a support ticket.
            static let ticketModifier = Roles(rawValue: 1 << 5)
            /// A shouted word that looks like an all-letter booking reference ("DELAYED", "MISSING").
            static let notReference = Roles(rawValue: 1 << 6)
            /// "a", "an", "un", "une", "ein"…: one, when a unit follows.
            static let article = Roles(rawValue: 1 << 7)
            /// "half", "media", "meia", "demi", "halbe": half an hour.
            static let half = Roles(rawValue: 1 << 8)
            /// "couple", "par": two, in "a couple of days".
            static let couple = Roles(rawValue: 1 << 9)
            /// "of", "de": between "couple" and a unit, a day and a month, a month and a year.
            static let connector = Roles(rawValue: 1 << 10)
            /// Before a duration, says it is a wait ("for", "waiting", "hace", "depuis", "seit").
            static let waitBefore = Roles(rawValue: 1 << 11)
            /// After a duration, says it is a wait ("late", "ago", "now", "Verspätung").
            static let waitAfter = Roles(rawValue: 1 << 12)
            /// Before a duration, says it is not a wait ("within", "in", "after", "every").
            static let notWaitBefore = Roles(rawValue: 1 << 13)
            /// Near a duration, says it is how long someone has been a customer or a plan lasts ("customer",
            /// "booked", "warranty").
            static let tenure = Roles(rawValue: 1 << 14)
            /// After a duration, says it is not a wait ("early", "shipping", "left").
            static let notWaitAfter = Roles(rawValue: 1 << 15)
            /// After "3 hour", a noun that makes the adjective a wait ("delay", "wait", "hold").
            static let delayNoun = Roles(rawValue: 1 << 16)
            /// Words skipped when reading what follows a duration ("of", "and", "en").
            static let followFiller = Roles(rawValue: 1 << 17)
            /// "since", "desde", "depuis", "seit".
            static let since = Roles(rawValue: 1 << 18)
            /// Articles skipped after "since" ("the", "el", "le", "dem", "dia").
            static let sinceFiller = Roles(rawValue: 1 << 19)
            /// "last", "pasada", "dernière", "letzter".
            static let last = Roles(rawValue: 1 << 20)
            /// "this", "esta", "ce", "heute".
            static let this = Roles(rawValue: 1 << 21)
            /// "week", "semana", "semaine", "Woche".
            static let week = Roles(rawValue: 1 << 22)
            /// "month", "mes", "mois", "Monat".
            static let month = Roles(rawValue: 1 << 23)
            /// "morning", "mañana", "matin", "Morgen".
            static let morning = Roles(rawValue: 1 << 24)
            /// "night".
            static let night = Roles(rawValue: 1 << 25)
            /// "yesterday", "ayer", "ontem", "hier", "gestern".
            static let yesterday = Roles(rawValue: 1 << 26)
            /// "anoche": last night in one word.
            static let lastNight = Roles(rawValue: 1 << 27)
            /// An English month name or abbreviation, which may come before the day ("March 3").
            static let englishMonth = Roles(rawValue: 1 << 28)
            /// "May" and "March" are dates before a day only with a capital ("may 3" is not).
            static let monthNeedsCapital = Roles(rawValue: 1 << 29)
            /// An ordinal ending after a day: "st", "nd", "rd", "th", "er", "º".
            static let ordinal = Roles(rawValue: 1 << 30)
            /// A currency written as an ISO code ("EUR", "usd"), which must be in capitals unless it is
            /// "usd", "eur" or "gbp".
            static let currencyCode = Roles(rawValue: 1 << 31)
            /// A currency code that may be written in lower case.
            static let lowerCaseCode = Roles(rawValue: 1 << 32)
            /// "am", "pm", "Uhr": after a number, a time of day.
            static let timeOfDay = Roles(rawValue: 1 << 33)
            /// "the", "el", "la": may stand between a waiting word and the duration ("for the last 3 days").
            static let determiner = Roles(rawValue: 1 << 34)
            /// "for", "durante", "pendant": a wait unless tenure is near ("a customer for 10 years").
            static let waitFor = Roles(rawValue: 1 << 35)
        }

        var roles: Roles = []
        /// The identifier kind a keyword names, or `nil`.
        var keyword: Keyword?
        /// A number word's value, 1…12, or 0.
        var number: UInt8 = 0
        /// A duration unit, or `nil`.
        var unit: DurationUnit?
        /// For an English unit: whether it is singular ("day") or plural ("days"); other languages' units
        /// and abbreviations such as "min" and "h" are `nil`.
        var englishPlural: Bool?
        /// A month, 1…12, or 0.
        var month: UInt8 = 0
        /// A weekday's English name in lower case ("monday"), as `since:` values use it, or `nil`.
        var weekday: StaticString?
        /// A currency's index in ``Currency/codes`` + 1, or 0.
        var currency: UInt8 = 0

        /// The identifier a keyword introduces.
        enum Keyword: UInt8, Sendable {
            case order, booking, flight, tracking, `case`
            /// "ticket": a support ticket, or a travel ticket (a booking) after "flight", "train", "e-".
            case ticket

            var kind: Fact.Kind {
                switch self {
                case .order: .order
                case .booking: .booking
                case .flight: .flight
                case .tracking: .tracking
                case .case, .ticket: .case
                }
            }
        }

        /// A duration's unit, with its ISO 8601 designator.
        enum DurationUnit: UInt8, Sendable {
            case minute, hour, day, week, month, year

            /// Whether the designator follows `T` (time) rather than `P` alone.
            var isTime: Bool { self == .minute || self == .hour }

            var designator: String {
                switch self {
                case .minute, .month: "M"
                case .hour: "H"
                case .day: "D"
                case .week: "W"
                case .year: "Y"
                }
            }
        }

        /// Adds another meaning of the same word.
        mutating func merge(_ other: Meaning) {
            roles.formUnion(other.roles)
            keyword = keyword ?? other.keyword
            number = number == 0 ? other.number : number
            unit = unit ?? other.unit
            englishPlural = englishPlural ?? other.englishPlural
            month = month == 0 ? other.month : month
            weekday = weekday ?? other.weekday
            currency = currency == 0 ? other.currency : currency
        }
    }
}
