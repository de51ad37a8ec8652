import Testing

@testable import CourtesyCore

/// One display name and the first name a reply may greet (nil: greet without a name).
struct NameCase: CustomTestStringConvertible, Sendable {
    let displayName: String?
    let handle: String?
    let expected: String?

    init(_ displayName: String?, _ expected: String?, handle: String? = nil) {
        self.displayName = displayName
        self.handle = handle
        self.expected = expected
    }

    var testDescription: String { "\(displayName.map { "\"\($0)\"" } ?? "nil") → \(expected ?? "nil")" }
}

private let extractor = try! NameExtractor()

// Collected display names: plain people, decorated ones, titles, initials, capitals, couples,
// scripts, brands and hostile input. Expected nil means "greet without a name".
private let nameTable: [NameCase] = [
    // Plain given name and surname.
    NameCase("Jane Doe", "Jane"),
    NameCase("John Smith", "John"),
    NameCase("Mary Johnson", "Mary"),
    NameCase("David Brown", "David"),
    NameCase("Sarah Connor", "Sarah"),
    NameCase("Michael Jordan", "Michael"),
    NameCase("Emily Clarke", "Emily"),
    NameCase("Kevin Hart", "Kevin"),
    NameCase("Jennifer Lopez", "Jennifer"),
    NameCase("Chris Evans", "Chris"),
    NameCase("Mike Tyson", "Mike"),
    NameCase("Matt Damon", "Matt"),
    NameCase("Steve Martin", "Steve"),
    NameCase("Kate Winslet", "Kate"),
    NameCase("Brian Cox", "Brian"),
    NameCase("Amanda Seyfried", "Amanda"),
    NameCase("Ashley Green", "Ashley"),
    NameCase("Tom Hanks", "Tom"),
    NameCase("Bob Marley", "Bob"),
    NameCase("Liz Taylor", "Liz"),
    NameCase("Sue Perkins", "Sue"),
    NameCase("Olivia Colman", "Olivia"),
    NameCase("Noah Centineo", "Noah"),
    NameCase("Liam Neeson", "Liam"),
    NameCase("Charlotte Church", nil),  // "Church" marks an organisation; safe to skip.
    NameCase("Daniel Craig", "Daniel"),
    NameCase("Jessica Alba", "Jessica"),
    NameCase("Ryan Gosling", "Ryan"),
    NameCase("Laura Palmer", "Laura"),
    NameCase("Peter Parker", "Peter"),
    NameCase("Jane", "Jane"),
    NameCase("Kevin", "Kevin"),
    NameCase("Priya Patel", "Priya"),
    NameCase("Mohamed Salah", "Mohamed"),
    NameCase("Ahmed Hassan", "Ahmed"),
    NameCase("Fatima Khan", "Fatima"),
    NameCase("Yuki Tanaka", "Yuki"),
    NameCase("Olga Petrova", "Olga"),
    NameCase("Lars Nilsson", "Lars"),
    NameCase("Sven Larsson", "Sven"),
    NameCase("Giulia Rossi", "Giulia"),
    NameCase("Lukas Müller", "Lukas"),
    NameCase("Sophie Dubois", "Sophie"),
    NameCase("Aoife Murphy", "Aoife"),
    NameCase("Siobhan Kelly", nil),  // not in the lists: greeting without a name is the safe miss.
    NameCase("Thomas, Jane", nil),  // both could be the given name: no guessing.
    // Middle names and initials after the given name.
    NameCase("Jane M. Smith", "Jane"),
    NameCase("John F. Kennedy", "John"),
    NameCase("Mary Anne Smith", "Mary"),
    NameCase("Sarah J Parker", "Sarah"),
    // Initials first: never "Hi J".
    NameCase("J. Smith", nil),
    NameCase("J Smith", nil),
    NameCase("J. R. Smith", nil),
    NameCase("J.R. Smith", nil),
    NameCase("J.R.R. Tolkien", nil),
    NameCase("A. Jane Smith", nil),
    NameCase("JD", nil),
    NameCase("K", nil),
    // Capitals and lower case.
    NameCase("JANE DOE", "Jane"),
    NameCase("jane doe", "Jane"),
    NameCase("JOHN", "John"),
    NameCase("mARY smith", "Mary"),
    NameCase("ANNE-MARIE DUPONT", "Anne-Marie"),
    NameCase("anne-marie", "Anne-Marie"),
    NameCase("JOSÉ GARCÍA", "José"),
    NameCase("José García", "José"),
    NameCase("Jose Garcia", "Jose"),
    NameCase("María López", "María"),
    NameCase("maria lopez", "Maria"),
    NameCase("Zoë Saldana", "Zoë"),
    NameCase("Chloé Martin", "Chloé"),
    NameCase("Chloe Martin", "Chloe"),
    NameCase("Anne-Marie Duff", "Anne-Marie"),
    NameCase("Jean-Luc Picard", "Jean-Luc"),
    NameCase("Mary-Kate Olsen", "Mary-Kate"),
    NameCase("Ana-Maria Popescu", "Ana-Maria"),
    NameCase("Ali-Reza Karimi", "Ali-Reza"),
    NameCase("Jane-Xyzzy Doe", nil),
    NameCase("Björn Borg", "Björn"),
    NameCase("Søren Kierkegaard", nil),
    // Titles.
    NameCase("Dr. Jane Smith", "Jane"),
    NameCase("Dr Jane Smith", "Jane"),
    NameCase("Dr. Smith", nil),
    NameCase("Mrs Smith", nil),
    NameCase("Mrs. Jane Doe", "Jane"),
    NameCase("Ms Emily Clarke", "Emily"),
    NameCase("Mr. T", nil),
    NameCase("Sir Patrick Stewart", "Patrick"),
    NameCase("Prof. Brian Cox", "Brian"),
    NameCase("Professor Sarah Hart", "Sarah"),
    NameCase("Rev. Martin Luther King", "Martin"),
    NameCase("Capt. James Kirk", "James"),
    NameCase("Dame Judi Dench", nil),
    NameCase("Sra. María López", "María"),
    NameCase("Don José Pérez", "José"),
    NameCase("Don Johnson", "Don"),
    NameCase("Don", "Don"),
    NameCase("Dr.", nil),
    NameCase("Mr.", nil),
    NameCase("Lady Gaga", nil),
    // Last name first.
    NameCase("Smith, Jane", "Jane"),
    NameCase("Doe, John", "John"),
    NameCase("García, José", "José"),
    NameCase("Jane Smith, PhD", "Jane"),
    NameCase("John Smith, Jr.", "John"),
    NameCase("Jane Smith, MD", "Jane"),
    NameCase("Jane, Bob", nil),
    NameCase("Smith, Jane, Bob", nil),
    // Several people.
    NameCase("Jane & Bob", nil),
    NameCase("Jane and Bob", nil),
    NameCase("Jane + Bob", nil),
    NameCase("Jane y Pedro", nil),
    NameCase("Jane & Bob Smith", nil),
    NameCase("The Smiths", nil),
    NameCase("Jane Smith and family", nil),
    NameCase("Mr & Mrs Smith", nil),
    NameCase("Tom & Jerry", nil),
    // Emoji and decorations.
    NameCase("Jane Doe 🌸", "Jane"),
    NameCase("✨Jane✨", "Jane"),
    NameCase("🌸 Jane 🌸", "Jane"),
    NameCase("★ Jane Doe ★", "Jane"),
    NameCase("~Jane~", "Jane"),
    NameCase("Jane 🇺🇸", "Jane"),
    NameCase("Jane Doe 🏳️‍🌈", "Jane"),
    NameCase("❤️ Mary ❤️", "Mary"),
    NameCase("Jane 👋🏽", "Jane"),
    NameCase("🔥🔥🔥", nil),
    NameCase("😀", nil),
    NameCase("Jane Doe (she/her)", "Jane"),
    NameCase("Jane Doe she/her", "Jane"),
    NameCase("Jane [on holiday]", "Jane"),
    NameCase("Robert \"Bob\" Smith", "Robert"),
    NameCase("Jane Doe | Writer", "Jane"),
    NameCase("Jane Doe • Designer", "Jane"),
    NameCase("Jane Doe - Marketing", "Jane"),
    NameCase("Jane Doe #BLM", "Jane"),
    NameCase("Jane Doe @work", "Jane"),
    NameCase("Jane Doe 🇬🇧 #FBPE", "Jane"),
    NameCase("𝐉𝐚𝐧𝐞 𝐃𝐨𝐞", "Jane"),
    NameCase("𝓙𝓪𝓷𝓮", "Jane"),
    NameCase("Ｊａｎｅ Ｄｏｅ", "Jane"),
    NameCase("J҉a҉n҉e҉", nil),
    NameCase("Jane Doe ✈️ travel addict", "Jane"),
    NameCase("- Jane -", "Jane"),
    NameCase("...Jane...", nil),
    // Brands, organisations, phrases and words that are not names.
    NameCase("Best Buy", nil),
    NameCase("The Best", nil),
    NameCase("The", nil),
    NameCase("Jetbluenews", nil),
    NameCase("JetBlue News", nil),
    NameCase("Official", nil),
    NameCase("Customer", nil),
    NameCase("Customer Service", nil),
    NameCase("Acme Support", nil),
    NameCase("Acme Inc.", nil),
    NameCase("Wendy's", nil),
    NameCase("McDonald's", nil),
    NameCase("Jane's Bakery", nil),
    NameCase("Maria's Kitchen", nil),
    NameCase("Grace Hotel", nil),
    NameCase("Jordan News", nil),
    NameCase("Mercedes-Benz USA", nil),
    NameCase("Mercedes Benz", "Mercedes"),
    NameCase("Sophia Official", nil),
    NameCase("Sarah Fan Page", nil),
    NameCase("Emma Watson Fans", nil),
    NameCase("Daily Mail", nil),
    NameCase("Delta Air Lines", nil),
    NameCase("United Airlines", nil),
    NameCase("American Airlines", nil),
    NameCase("Love Island", nil),
    NameCase("Summer Vibes", nil),
    NameCase("Summer", nil),
    NameCase("Hope", nil),
    NameCase("Hope Springs Eternal", nil),
    NameCase("Grace", nil),
    NameCase("Will", nil),
    NameCase("Will Smith", "Will"),
    NameCase("May Parker", "May"),
    NameCase("Rose Byrne", "Rose"),
    NameCase("Angel", nil),
    NameCase("Crystal Palace", nil),
    NameCase("Paris Hilton", "Paris"),
    NameCase("Paris", nil),
    NameCase("Jordan", nil),
    NameCase("I love my cat", nil),
    NameCase("Not Jane", nil),
    NameCase("Anonymous", nil),
    NameCase("User 12345", nil),
    NameCase("guest", nil),
    NameCase("Frequent Flyer", nil),
    NameCase("Hi I'm Jane", nil),
    NameCase("Jane from Ohio", nil),
    NameCase("Mom of 3", nil),
    NameCase("Proud Mom", nil),
    NameCase("Queen Elizabeth", nil),
    NameCase("King Charles", nil),
    NameCase("Music Lover", nil),
    NameCase("Happy Traveller", nil),
    NameCase("Coffee Addict", nil),
    NameCase("Apple", nil),
    NameCase("Tesla", nil),
    NameCase("Nike", nil),
    // Handles posing as names.
    NameCase("jane_doe99", nil),
    NameCase("janedoe", nil, handle: "janedoe"),
    NameCase("JaneDoe", nil, handle: "JaneDoe"),
    NameCase("jane99", nil),
    NameCase("Jane99", nil),
    NameCase("xXJaneXx", nil),
    NameCase("j4ne", nil),
    NameCase("@jane", nil),
    NameCase("@janedoe", nil, handle: "janedoe"),
    NameCase("Jane", "Jane", handle: "jane"),
    NameCase("Sarah", nil, handle: "SarahNewsDaily"),
    NameCase("Jane Doe", nil, handle: "acme_support"),
    NameCase("Emma", nil, handle: "EmmaOfficial"),
    NameCase("Jane Doe", "Jane", handle: "jane_doe99"),
    NameCase("the_real_jane", nil),
    NameCase("jane.doe", nil),
    NameCase("jane.doe@example.com", nil),
    NameCase("www.jane.com", nil),
    NameCase("jane.com", nil),
    NameCase("https://jane.example", nil),
    // Non-Latin scripts: greeted only when the word is a listed given name in that script.
    NameCase("Мария Иванова", "Мария"),
    NameCase("МАРИЯ", "Мария"),
    NameCase("Иван Петров", "Иван"),
    NameCase("Сергей", "Сергей"),
    NameCase("محمد علي", "محمد"),
    NameCase("فاطمة", "فاطمة"),
    NameCase("山田太郎", nil),
    NameCase("田中 花子", nil),
    NameCase("若汐", "若汐"),
    NameCase("김민준", nil),
    NameCase("Γιώργος Παπαδόπουλος", nil),
    NameCase("Ελένη", "Ελένη"),
    NameCase("דוד כהן", nil),
    NameCase("สมชาย", nil),
    // Hostile input.
    NameCase("{{agent}}", nil),
    NameCase("{{customer}} Jane", "Jane"),
    NameCase("Jane {{#agent}}x{{/agent}}", "Jane"),
    NameCase("@everyone", nil),
    NameCase("@here Jane", "Jane"),
    NameCase("http://x.co", nil),
    NameCase("Jane http://x.co", "Jane"),
    NameCase("Jane\u{202E}eod", nil),
    NameCase("\u{202E}enaJ", nil),
    NameCase("Ja\u{200B}ne", "Jane"),
    NameCase("Jane\u{200D}", "Jane"),
    NameCase("\u{FEFF}Jane Doe", "Jane"),
    NameCase("Jane\nDoe", "Jane"),
    NameCase("Jane\r\nBob", "Jane"),
    NameCase("\u{3164}", nil),
    NameCase("\u{3164}Jane", "Jane"),
    NameCase("Jane\u{0000}Doe", nil),
    NameCase("<script>alert(1)</script>", nil),
    NameCase("<b>Jane</b>", "Jane"),
    NameCase("Jane <b>Doe</b>", "Jane"),
    NameCase("Robert'); DROP TABLE students;--", "Robert"),
    NameCase("Jаne", nil),  // Cyrillic "а": not the Latin name.
    NameCase(String(repeating: "Jane ", count: 200), nil),
    NameCase(String(repeating: "a", count: 40), nil),
    NameCase("Jane" + String(repeating: "\u{0301}", count: 3), nil),
    NameCase("", nil),
    NameCase("   ", nil),
    NameCase(nil, nil),
    NameCase(".", nil),
    NameCase("-", nil),
    NameCase("'", nil),
    NameCase("''Jane''", "Jane"),
    NameCase("O'Brien", nil),
    NameCase("d'angelo", nil),
    NameCase("Ma'soumeh Rahimi", "Ma'soumeh"),
]

@Suite("First names from display names")
struct NameExtractorTests {
    @Test("The table has at least 200 display names")
    func tableSize() {
        #expect(nameTable.count >= 200)
    }

    @Test("Each display name gives the expected first name or none", arguments: nameTable)
    func firstName(_ example: NameCase) {
        #expect(extractor.firstName(displayName: example.displayName, handle: example.handle) == example.expected)
    }

    @Test("A first name is letters, hyphens and apostrophes only")
    func firstNamesAreClean() {
        for example in nameTable {
            guard let name = extractor.firstName(displayName: example.displayName, handle: example.handle) else {
                continue
            }
            #expect(name.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" }, "\(name)")
            #expect(name.count <= NameExtractor.maximumLength)
        }
    }

    @Test("A custom list decides what counts as a given name")
    func customList() {
        let custom = NameExtractor(forenames: ["Siobhan", "Chloé"])
        #expect(custom.firstName(displayName: "Siobhan Kelly", handle: nil) == "Siobhan")
        #expect(custom.firstName(displayName: "CHLOE MARTIN", handle: nil) == "Chloe")
        #expect(custom.firstName(displayName: "Jane Doe", handle: nil) == nil)
    }
}
