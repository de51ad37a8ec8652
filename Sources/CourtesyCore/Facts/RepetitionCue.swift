/// Whether a customer says they have already explained, been passed around or contacted the brand
/// before: "I already gave my order number to 3 people", "second time I'm asking", "ya les expliqué",
/// "j'ai déjà appelé", "schon dreimal angerufen", "ninguém responde".
///
/// A reply to such a mention acknowledges it ("I'm sorry you've had to explain this more than once").
/// The cues are word sequences, matched on the lowercased words of the text; docs/facts.md lists them.
public enum RepetitionCue {
    /// Whether the text holds a cue.
    public static func isPresent(in text: String) -> Bool {
        let words = self.words(of: text)
        guard words.count >= 2 else { return false }
        for index in words.indices {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : ""
            let window = words[(index + 1)..<min(words.count, index + 5)]
            switch word {
            case "already", "ya", "já", "déjà", "schon", "bereits":
                if window.contains(where: { doneVerbs.contains($0) }) { return true }
            case "time", "vez", "fois":
                if index > 0, ordinals.contains(words[index - 1]) { return true }
            case "mal":
                if index > 0, ordinals.contains(words[index - 1]) || counts.contains(words[index - 1]) { return true }
            case "times", "veces", "vezes":
                if index > 0, counts.contains(words[index - 1]),
                    words[max(0, index - 4)..<index].contains(where: { doneVerbs.contains($0) })
                {
                    return true
                }
            case "to", "with", "a", "con", "com", "à", "mit":
                if counts.contains(next), index + 2 < words.count, people.contains(words[index + 2]) { return true }
            case "passed", "bounced", "transferred", "pasado", "transferido", "transferida", "passé", "transféré",
                "weitergeleitet", "weiterverbunden":
                return true
            case "repeat", "repeating", "repetir":
                if next == "myself" || next == "me" || next == "lo" { return true }
            case "nobody", "noone", "nadie", "ninguém", "personne", "niemand":
                if window.prefix(2).contains(where: { unansweredVerbs.contains($0) }) { return true }
            case "one":
                if index > 0, words[index - 1] == "no", unansweredVerbs.contains(next) { return true }
            case "said", "mentioned", "dije", "disse", "dit", "gesagt":
                // "as I said", "like I mentioned", "como dije", "comme je l'ai dit", "wie gesagt".
                if words[max(0, index - 3)..<index].contains(where: {
                    ["as", "like", "como", "comme", "wie"].contains($0)
                }) {
                    return true
                }
            default:
                if word.hasSuffix("mal"), counts.contains(String(word.dropLast(3))) { return true }
            }
        }
        return false
    }

    /// Verbs of having told, given or contacted, in the five languages.
    private static let doneVerbs: Set<String> = [
        "told", "gave", "given", "explained", "sent", "called", "contacted", "asked", "reported", "provided",
        "wrote", "written", "emailed", "messaged", "dmed", "spoke", "spoken", "complained", "rang", "phoned",
        "submitted", "chased", "tried",
        "dije", "di", "expliqué", "envié", "mandé", "llamé", "escribí", "pregunté", "reclamé", "conté",
        "disse", "dei", "expliquei", "enviei", "mandei", "liguei", "escrevi", "perguntei", "reclamei", "falei",
        "donné", "expliqué", "envoyé", "appelé", "écrit", "demandé", "signalé", "contacté", "réclamé",
        "angerufen", "erklärt", "geschrieben", "gegeben", "gemeldet", "geschickt", "gefragt", "beschwert",
        "kontaktiert", "mitgeteilt",
    ]

    private static let ordinals: Set<String> = [
        "second", "third", "fourth", "fifth", "sixth", "umpteenth", "nth", "2nd", "3rd", "4th", "5th",
        "segunda", "tercera", "cuarta", "quinta", "terceira", "quarta",
        "deuxième", "troisième", "quatrième", "2e", "3e", "4e",
        "zweiten", "dritten", "vierten", "fünften", "x-ten",
    ]

    private static let counts: Set<String> = [
        "2", "3", "4", "5", "6", "7", "8", "9", "10", "two", "three", "four", "five", "six", "several", "multiple",
        "many", "dos", "tres", "cuatro", "cinco", "varias", "muchas", "duas", "três", "quatro", "várias",
        "deux", "trois", "quatre", "cinq", "plusieurs", "zwei", "drei", "vier", "fünf", "mehrere", "x",
    ]

    private static let people: Set<String> = [
        "people", "agents", "different", "persons", "staff", "personas", "agentes", "pessoas", "atendentes",
        "personnes", "conseillers", "leute", "personen", "mitarbeiter", "mitarbeitern", "times", "veces",
        "vezes", "fois",
    ]

    private static let unansweredVerbs: Set<String> = [
        "answers", "answered", "replies", "replied", "responds", "responded", "gets", "got", "calls", "called",
        "contesta", "responde", "respondió", "atiende", "atende", "respondeu", "répond", "rappelle", "antwortet",
        "meldet", "ruft",
    ]

    /// The lowercased words of the text: letters, digits, apostrophes and hyphens inside words.
    private static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || (character == "-" && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
