import Foundation

extension SampleMentions {
    /// A complaint about `segment`: an opener, what went wrong, sometimes a detail and a request, and
    /// for a high-risk customer anger and a threat.
    mutating func complaint(brand: SampleBrand, segment: SampleSegment, spanish: Bool, highRisk: Bool) -> String {
        let cores = spanish ? SamplePhrases.complaintsSpanish(segment) : SamplePhrases.complaints(segment)
        var core = fill(random.pick(cores), brand: brand, spanish: spanish)
        if highRisk && random.chance(0.5) { core = core.uppercased() }
        let opener = random.pick(spanish ? SamplePhrases.complaintOpenersSpanish : SamplePhrases.complaintOpeners)
        var parts = [joined(opener, core)]
        if random.chance(0.45) {
            let details = spanish ? SamplePhrases.complaintDetailsSpanish : SamplePhrases.complaintDetails
            parts.append(fill(random.pick(details), brand: brand, spanish: spanish))
        }
        if random.chance(0.5) {
            parts.append(random.pick(spanish ? SamplePhrases.complaintAsksSpanish : SamplePhrases.complaintAsks))
        }
        if highRisk {
            parts.append(random.pick(spanish ? SamplePhrases.threatsSpanish : SamplePhrases.threats))
        }
        let endings = spanish ? SamplePhrases.complaintEndingsSpanish : SamplePhrases.complaintEndings
        return ended(sentences(parts), highRisk ? "!!" : random.pick(endings))
    }

    /// Thanks or praise for something that went well.
    mutating func compliment(brand: SampleBrand, spanish: Bool) -> String {
        let core = fill(
            random.pick(spanish ? brand.complimentsSpanish : brand.compliments), brand: brand, spanish: spanish)
        let extra = random.pick(spanish ? SamplePhrases.complimentExtrasSpanish : SamplePhrases.complimentExtras)
        let ending = random.pick(spanish ? SamplePhrases.complimentEndingsSpanish : SamplePhrases.complimentEndings)
        return ended(sentences(extra.isEmpty ? [core] : [core, extra]), ending)
    }

    /// A question about the brand's service.
    mutating func question(brand: SampleBrand, spanish: Bool) -> String {
        let opener = random.pick(spanish ? SamplePhrases.questionOpenersSpanish : SamplePhrases.questionOpeners)
        let core = fill(random.pick(spanish ? brand.questionsSpanish : brand.questions), brand: brand, spanish: spanish)
        let ending = random.pick(spanish ? SamplePhrases.questionEndingsSpanish : SamplePhrases.questionEndings)
        return joined(fill(opener, brand: brand, spanish: spanish), core) + ending
    }

    /// A remark that asks for nothing.
    mutating func remark(brand: SampleBrand, spanish: Bool) -> String {
        let remark = random.pick(spanish ? SamplePhrases.neutralSpanish : SamplePhrases.neutral)
        let tail = random.pick(spanish ? SamplePhrases.neutralTailsSpanish : SamplePhrases.neutralTails)
        return capitalised(fill(remark, brand: brand, spanish: spanish)) + tail
    }

    /// The text as the channel carries it: an @mention of the brand on X and Instagram (usually first),
    /// a greeting and a signature in an e-mail.
    mutating func framed(_ text: String, platform: Platform, brand: SampleBrand, author: Mention.Author, spanish: Bool)
        -> String
    {
        let roll = random.unit()
        switch platform {
        case .x:
            return roll < 0.7 ? "@" + brand.xHandle + " " + text : roll < 0.9 ? text + " @" + brand.xHandle : text
        case .instagram:
            return roll < 0.5 ? "@" + brand.instagramHandle + " " + text : text
        case .email:
            let greeting = spanish ? "Hola:" : roll < 0.5 ? "Hello," : "Hi " + brand.name + ","
            let closing = spanish ? "Saludos," : roll < 0.3 ? "Thanks," : "Regards,"
            let name = author.displayName ?? ""
            return greeting + "\n\n" + capitalised(withoutGreeting(text)) + "\n\n" + closing
                + (name.isEmpty ? "" : "\n" + name)
        case .facebook, .review, .chat:
            return text
        }
    }

    /// Sentences joined with spaces, each capitalised and ended with a full stop unless it ends in
    /// punctuation already.
    private func sentences(_ parts: [String]) -> String {
        parts.map { part in
            let text = capitalised(part)
            guard let last = text.last, !".!?".contains(last) else { return text }
            return text + "."
        }.joined(separator: " ")
    }

    /// `text` without an opener that greets ("Hi, ", "Hey Skylark, "): an e-mail has its own greeting line.
    private func withoutGreeting(_ text: String) -> String {
        for greeting in ["Hi, ", "Hello! ", "Hola, "] where text.hasPrefix(greeting) {
            return String(text.dropFirst(greeting.count))
        }
        if text.hasPrefix("Hey "), let comma = text.range(of: ", ") {
            return String(text[comma.upperBound...])
        }
        return text
    }

    /// An opener and what follows it, which starts a sentence when the opener is empty or ends one.
    private func joined(_ opener: String, _ text: String) -> String {
        let startsSentence = opener.last { !$0.isWhitespace }.map { ".!?".contains($0) } ?? true
        return opener + (startsSentence ? capitalised(text) : text)
    }

    /// `text` followed by `ending`, without a full stop before an ending that is punctuation itself.
    private func ended(_ text: String, _ ending: String) -> String {
        guard let mark = ending.first, ".!?".contains(mark), text.hasSuffix(".") else { return text + ending }
        return text.dropLast() + ending
    }

    /// `text` with its first letter in capitals, after any opening `¿` or `¡`.
    private func capitalised(_ text: String) -> String {
        guard let index = text.firstIndex(where: { !"¿¡".contains($0) }), text[index].isLowercase else { return text }
        return text[..<index] + text[index].uppercased() + text[text.index(after: index)...]
    }

    /// `template` with every `{slot}` replaced by a value drawn for this mention.
    mutating func fill(_ template: String, brand: SampleBrand, spanish: Bool) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += value(String(rest[rest.index(after: open)..<close]), brand: brand, spanish: spanish)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// A value for one slot of ``SamplePhrases``.
    private mutating func value(_ slot: String, brand: SampleBrand, spanish: Bool) -> String {
        switch slot {
        case "order": return random.pick(["#", "#", "", "order "]) + random.digits(random.int(in: 6...9))
        case "ref": return String(random.hex(6).uppercased())
        case "flight": return "SK" + String(random.int(in: 100...2999))
        case "city": return random.pick(SamplePhrases.cities)
        case "country": return random.pick(spanish ? SamplePhrases.countriesSpanish : SamplePhrases.countries)
        case "days": return String(random.int(in: 2...12))
        case "weeks": return String(random.int(in: 2...7))
        case "months": return String(random.int(in: 2...14))
        case "hours": return String(random.int(in: 2...9))
        case "minutes": return String(random.pick([15, 20, 25, 30, 40, 45, 50, 55, 70, 90]))
        case "times": return String(random.int(in: 3...6))
        case "speed": return String(random.pick([300, 500, 800, 900, 1000]))
        case "amount":
            let amount = String(random.int(in: 4...180)) + "." + String(random.int(in: 10...99))
            return spanish
                ? amount.replacingOccurrences(of: ".", with: ",") + " €" : random.pick(["$", "£", "€"]) + amount
        case "product":
            let index = random.below(brand.products.count)
            return spanish ? brand.productsSpanish[index] : brand.products[index]
        case "place": return random.pick(brand.places)
        case "relative": return random.pick(spanish ? SamplePhrases.relativesSpanish : SamplePhrases.relatives)
        case "weekday": return random.pick(spanish ? SamplePhrases.weekdaysSpanish : SamplePhrases.weekdays)
        case "month": return random.pick(spanish ? SamplePhrases.monthsSpanish : SamplePhrases.months)
        case "staff": return forenames.isEmpty ? "Sam" : pickStaffName()
        case "brand": return brand.name
        default: return slot
        }
    }

    /// A member of staff a customer names: a forename in the Latin script.
    private mutating func pickStaffName() -> String {
        for _ in 0..<8 {
            let name = random.pick(forenames)
            if name.unicodeScalars.allSatisfy({ $0.value < 0x250 }) { return name }
        }
        return "Sam"
    }
}
