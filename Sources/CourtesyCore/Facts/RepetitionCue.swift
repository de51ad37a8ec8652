/// Whether a customer says they have already explained, been passed around or contacted the brand
/// before: "I already gave my order number to 3 people", "second time I'm asking", "ya les expliqué",
/// "j'ai déjà appelé", "schon dreimal angerufen", "ninguém responde".
///
/// A reply to such a mention acknowledges it ("I'm sorry you've had to explain this more than once").
/// The cues are word sequences; docs/facts.md lists them. Every mention is asked, so the text is read
/// in one pass over its UTF-8 without building strings: a word is a run of letters and digits (with
/// hyphens inside), lower-cased like the classifier's tokens (ASCII and Latin-1), and is known by the
/// FNV-1a hash of its bytes, looked up in one table that gives the roles it plays in the cues.
package enum RepetitionCue {
    /// Whether the text holds a cue.
    package static func isPresent(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // A word takes at least one byte and a separator, so there are at most (count + 1) / 2.
            withUnsafeTemporaryAllocation(of: Role.self, capacity: bytes.count / 2 + 1) { roles in
                let count = readWords(bytes, into: roles)
                return count >= 2 && holdsCue(UnsafeBufferPointer(rebasing: roles[..<count]))
            }
        }
    }

    /// The roles a word plays in the cues; most words play none.
    struct Role: OptionSet {
        let rawValue: Int32

        // Words a cue starts from.
        static let already = Role(rawValue: 1 << 0)
        static let time = Role(rawValue: 1 << 1)
        static let mal = Role(rawValue: 1 << 2)
        static let times = Role(rawValue: 1 << 3)
        static let preposition = Role(rawValue: 1 << 4)
        static let passed = Role(rawValue: 1 << 5)
        static let repeating = Role(rawValue: 1 << 6)
        static let nobody = Role(rawValue: 1 << 7)
        static let one = Role(rawValue: 1 << 8)
        static let said = Role(rawValue: 1 << 9)
        /// A count run together with "mal": "dreimal", "zweimal".
        static let countMal = Role(rawValue: 1 << 10)
        static let starts: Role = [
            .already, .time, .mal, .times, .preposition, .passed, .repeating, .nobody, .one, .said, .countMal,
        ]

        // Words a cue needs around its start.
        static let done = Role(rawValue: 1 << 16)
        static let ordinal = Role(rawValue: 1 << 17)
        static let count = Role(rawValue: 1 << 18)
        static let people = Role(rawValue: 1 << 19)
        static let unanswered = Role(rawValue: 1 << 20)
        static let asLike = Role(rawValue: 1 << 21)
        static let no = Role(rawValue: 1 << 22)
        static let myself = Role(rawValue: 1 << 23)
    }

    /// Whether the roles of a text's words, in order, hold a cue.
    private static func holdsCue(_ words: UnsafeBufferPointer<Role>) -> Bool {
        let count = words.count
        @inline(__always) func any(_ role: Role, from start: Int, to end: Int) -> Bool {
            var index = max(0, start)
            let end = min(count, end)
            while index < end {
                if words[index].contains(role) { return true }
                index += 1
            }
            return false
        }
        @inline(__always) func at(_ index: Int) -> Role { index >= 0 && index < count ? words[index] : [] }

        for index in 0..<count {
            let word = words[index]
            guard !word.isDisjoint(with: .starts) else { continue }
            let previous = at(index - 1)
            let next = at(index + 1)
            // "already told", "ya les expliqué", "j'ai déjà appelé", "schon angerufen"
            if word.contains(.already), any(.done, from: index + 1, to: index + 5) { return true }
            // "second time", "tercera vez", "deuxième fois"
            if word.contains(.time), previous.contains(.ordinal) { return true }
            // "zum dritten Mal", "drei Mal"
            if word.contains(.mal), !previous.isDisjoint(with: [.ordinal, .count]) { return true }
            // "called 5 times", "liguei várias vezes"
            if word.contains(.times), previous.contains(.count), any(.done, from: index - 4, to: index) {
                return true
            }
            // "to 3 people", "with two agents", "a tres personas"
            if word.contains(.preposition), next.contains(.count), at(index + 2).contains(.people) { return true }
            // "passed around", "transferido", "weitergeleitet"
            if word.contains(.passed) || word.contains(.countMal) { return true }
            // "repeat myself", "repetir lo"
            if word.contains(.repeating), next.contains(.myself) { return true }
            // "nobody answers", "nadie contesta", "niemand meldet sich"
            if word.contains(.nobody), any(.unanswered, from: index + 1, to: index + 3) { return true }
            // "no one replies"
            if word.contains(.one), previous.contains(.no), next.contains(.unanswered) { return true }
            // "as I said", "like I mentioned", "como dije", "comme je l'ai dit", "wie gesagt"
            if word.contains(.said), any(.asLike, from: index - 3, to: index) { return true }
        }
        return false
    }

    /// Reads the words of `text` into `roles`, one per word, and returns how many there are.
    private static func readWords(_ text: UnsafeBufferPointer<UInt8>, into roles: UnsafeMutableBufferPointer<Role>)
        -> Int
    {
        let table = vocabulary
        var count = 0
        var index = 0
        var word = Word()
        while index < text.count {
            let byte = text[index]
            if byte < 0x80 {
                index += 1
                if Tokenizer.isASCIILetter(byte) || Tokenizer.isDigit(byte) {
                    word.append(byte | (Tokenizer.isDigit(byte) ? 0 : 0x20))
                    continue
                }
                if byte == UInt8(ascii: "-") && word.length > 0 {
                    word.append(byte)
                    continue
                }
            } else {
                let (scalar, length) = UTF8Scalar.decode(text, at: index)
                index += length
                switch FactExtractor.Characters.classify(scalar) {
                case .letter:
                    for encoded in UTF8Bytes(scalar: UTF8Scalar.lowercasedLatin1(scalar)) {
                        word.append(encoded)
                    }
                    continue
                case .invisible:
                    continue
                default:
                    break
                }
            }
            if word.length > 0 {
                roles[count] = word.roles(in: table)
                count += 1
                word = Word()
            }
        }
        if word.length > 0 {
            roles[count] = word.roles(in: table)
            count += 1
        }
        return count
    }

    /// The word being read: its hash, and enough of its end to see a count run together with "mal".
    private struct Word {
        var hash = Tokenizer.fnvOffset
        var length = 0
        /// The hashes before each of the last three bytes, oldest first.
        var earlier: (UInt64, UInt64, UInt64) = (0, 0, 0)
        /// The last three bytes, the newest in the low byte.
        var tail: UInt32 = 0

        @inline(__always) mutating func append(_ byte: UInt8) {
            earlier = (earlier.1, earlier.2, hash)
            tail = (tail << 8 | UInt32(byte)) & 0xFF_FFFF
            hash = (hash ^ UInt64(byte)) &* Tokenizer.fnvPrime
            length += 1
        }

        func roles(in table: LexiconTable) -> Role {
            let found = table.lookup(hash)
            if found >= 0 { return Role(rawValue: found) }
            // "dreimal", "zweimal", "xmal": the word without its "mal" is a count.
            let mal = UInt32(UInt8(ascii: "m")) << 16 | UInt32(UInt8(ascii: "a")) << 8 | UInt32(UInt8(ascii: "l"))
            guard length > 3, tail == mal else { return [] }
            let stem = table.lookup(earlier.0)
            return stem >= 0 && Role(rawValue: stem).contains(.count) ? .countMal : []
        }
    }

    /// Every word of the cues, with the roles it plays.
    private static let vocabulary: LexiconTable = {
        let lists: [(Role, [String])] = [
            (.already, ["already", "ya", "já", "déjà", "schon", "bereits"]),
            (.time, ["time", "vez", "fois"]),
            (.mal, ["mal"]),
            (.times, ["times", "veces", "vezes"]),
            (.preposition, ["to", "with", "a", "con", "com", "à", "mit"]),
            (
                .passed,
                [
                    "passed", "bounced", "transferred", "pasado", "transferido", "transferida", "passé", "transféré",
                    "weitergeleitet", "weiterverbunden",
                ]
            ),
            (.repeating, ["repeat", "repeating", "repetir"]),
            (.nobody, ["nobody", "noone", "nadie", "ninguém", "personne", "niemand"]),
            (.one, ["one"]),
            (.said, ["said", "mentioned", "dije", "disse", "dit", "gesagt"]),
            (.done, doneVerbs), (.ordinal, ordinals), (.count, counts), (.people, people),
            (.unanswered, unansweredVerbs), (.asLike, ["as", "like", "como", "comme", "wie"]), (.no, ["no"]),
            (.myself, ["myself", "me", "lo"]),
        ]
        var roles: [UInt64: Role] = [:]
        for (role, words) in lists {
            for word in words {
                var key = Word()
                for byte in word.utf8 { key.append(byte) }
                roles[key.hash, default: []].formUnion(role)
            }
        }
        var table = LexiconTable(capacity: roles.count)
        for (key, role) in roles {
            table.insert(key, slot: role.rawValue)
        }
        return table
    }()

    /// Verbs of having told, given or contacted, in the five languages.
    private static let doneVerbs: [String] = [
        "told", "gave", "given", "explained", "sent", "called", "contacted", "asked", "reported", "provided",
        "wrote", "written", "emailed", "messaged", "dmed", "spoke", "spoken", "complained", "rang", "phoned",
        "submitted", "chased", "tried",
        "dije", "di", "expliqué", "envié", "mandé", "llamé", "escribí", "pregunté", "reclamé", "conté",
        "disse", "dei", "expliquei", "enviei", "mandei", "liguei", "escrevi", "perguntei", "reclamei", "falei",
        "donné", "expliqué", "envoyé", "appelé", "écrit", "demandé", "signalé", "contacté", "réclamé",
        "angerufen", "erklärt", "geschrieben", "gegeben", "gemeldet", "geschickt", "gefragt", "beschwert",
        "kontaktiert", "mitgeteilt",
    ]

    private static let ordinals: [String] = [
        "second", "third", "fourth", "fifth", "sixth", "umpteenth", "nth", "2nd", "3rd", "4th", "5th",
        "segunda", "tercera", "cuarta", "quinta", "terceira", "quarta",
        "deuxième", "troisième", "quatrième", "2e", "3e", "4e",
        "zweiten", "dritten", "vierten", "fünften", "x-ten",
    ]

    private static let counts: [String] = [
        "2", "3", "4", "5", "6", "7", "8", "9", "10", "two", "three", "four", "five", "six", "several", "multiple",
        "many", "dos", "tres", "cuatro", "cinco", "varias", "muchas", "duas", "três", "quatro", "várias",
        "deux", "trois", "quatre", "cinq", "plusieurs", "zwei", "drei", "vier", "fünf", "mehrere", "x",
    ]

    private static let people: [String] = [
        "people", "agents", "different", "persons", "staff", "personas", "agentes", "pessoas", "atendentes",
        "personnes", "conseillers", "leute", "personen", "mitarbeiter", "mitarbeitern", "times", "veces",
        "vezes", "fois",
    ]

    private static let unansweredVerbs: [String] = [
        "answers", "answered", "replies", "replied", "responds", "responded", "gets", "got", "calls", "called",
        "contesta", "responde", "respondió", "atiende", "atende", "respondeu", "répond", "rappelle", "antwortet",
        "meldet", "ruft",
    ]
}
