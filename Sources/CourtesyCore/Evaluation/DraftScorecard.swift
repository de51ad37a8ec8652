/// Drafts judged as a care lead would judge them: counts of ``DraftRule`` violations, with examples.
///
/// Feed it every mention with its draft (``score(mention:classification:draft:expected:)``) or the
/// reason no draft was made (``recordFailure(mention:error:)``), then call ``finish()``, which judges
/// what only the whole run shows (openings used over and over).
///
/// ```swift
/// var card = DraftScorecard(words: try DraftScorecardWords.shipped(), templates: library, classifier: classifier)
/// card.score(mention: mention, classification: classification, draft: draft, expected: .complaint)
/// card.finish()
/// print(card.report(title: "Sample mentions"))
/// ```
package struct DraftScorecard: Sendable {
    /// One draft that broke a rule.
    package struct Violation: Sendable, Hashable {
        package var rule: DraftRule
        package var mentionID: String
        package var platform: Platform
        /// The mention's text, and the draft's (empty when none was made).
        package var mention: String
        package var draft: String
        /// What exactly is wrong ("no apology", "\"order\"").
        package var detail: String
    }

    /// How many drafts were judged, and how many mentions could not be drafted for another reason than
    /// length (which is a violation).
    package private(set) var drafted = 0
    package private(set) var failed: [String] = []
    /// Violations by rule, and the first few of each.
    package private(set) var counts: [DraftRule: Int] = [:]
    package private(set) var examples: [DraftRule: [Violation]] = [:]
    /// Mentions known to be complaints (sample mentions, a tone corpus's apology texts), and how many of them
    /// the classifier read as something else, so that the reply did not apologise: not a wording fault but
    /// a reading one, reported apart from the rules, with its first examples.
    package private(set) var labelledComplaints = 0
    package private(set) var misread = 0
    package private(set) var misreadExamples: [Violation] = []
    /// Mentions known to be praise or a remark (sample mentions, a tone corpus's thanks texts), and how many
    /// of them the classifier read as a complaint, so that the reply apologised for nothing: the reverse
    /// reading fault, reported apart in the same way.
    package private(set) var labelledPraiseAndRemarks = 0
    package private(set) var apologisedTo = 0
    package private(set) var apologisedToExamples: [Violation] = []
    /// The most used opening of each language's drafts: its text (names and digits masked), how many
    /// drafts start with it, and how many drafts the language has.
    package private(set) var commonestOpenings: [String: (opening: String, count: Int, of: Int)] = [:]

    /// An opening used by more than this share of a language's drafts (and by at least
    /// ``minimumOverusedCount``) is overused.
    package var maximumOpeningShare = 0.05
    package var minimumOverusedCount = 10
    /// How many examples to keep per rule.
    package var examplesPerRule = 3

    /// Finds the member of staff a compliment praises, for ``DraftRule/unnamedStaff``; without it that
    /// rule is not judged. ``draftAndScore(_:with:)`` uses the responder's.
    package var names: NameExtractor?

    let words: [String: DraftScorecardWords]
    let templates: TemplateLibrary
    let classifier: Classifier
    /// Openings by language, with one example draft each.
    private var openings: [String: [String: (count: Int, example: Violation)]] = [:]

    /// - Parameters:
    ///   - words: the judge's word lists by language (``DraftScorecardWords/shipped()``).
    ///   - templates: the library the drafts came from, whose `facts.json` says how each language asks
    ///     for an identifier and talks of private messages.
    ///   - classifier: tells the language a reply is written in.
    package init(words: [String: DraftScorecardWords], templates: TemplateLibrary, classifier: Classifier) {
        self.words = words
        self.templates = templates
        self.classifier = classifier
    }

    /// The violations counted, over every rule.
    package var violations: Int { counts.values.reduce(0, +) }

    /// Judges one draft.
    /// - Parameters:
    ///   - classification: the classifier's reading of the mention (industry, concerns, intent).
    ///   - expected: what the mention is known to be (a labelled corpus, the sample stream), or `nil`.
    package mutating func score(mention: Mention, classification: Classification, draft: Draft, expected: Intent?) {
        drafted += 1
        let replyLanguage = Self.language(ofTemplate: draft.template.name) ?? draft.language.rawValue
        let kind = Self.kind(ofTemplate: draft.template.name)
        let text = WholeWords(draft.text)
        let lists = words[replyLanguage] ?? words[TemplateLibrary.defaultLanguage]
        func flag(_ rule: DraftRule, _ detail: String) {
            record(
                Violation(
                    rule: rule, mentionID: mention.id, platform: mention.platform, mention: mention.text,
                    draft: draft.text, detail: detail))
        }

        // The rules judge the wording against what Courtesy read; a complaint it did not read as one is
        // the classifier's miss, counted apart.
        let complaint =
            classification.intent == .complaint || kind == ReplyKind.complaint.rawValue
            || !classification.concerns.isDisjoint(with: [.legal, .regulator, .safety])
        if expected == .complaint {
            labelledComplaints += 1
            if !complaint && kind != ReplyKind.holding.rawValue && kind != ReplyKind.serious.rawValue {
                misread += 1
                if misreadExamples.count < examplesPerRule {
                    misreadExamples.append(
                        Violation(
                            rule: .breezy, mentionID: mention.id, platform: mention.platform, mention: mention.text,
                            draft: draft.text, detail: "read as \(classification.intent.rawValue)"))
                }
            }
        }
        if let expected, expected == .compliment || expected == .other {
            labelledPraiseAndRemarks += 1
            // The classifier's reading, not the reply kind: a remark from a customer whose earlier contact
            // complained is owed an apology by design.
            if classification.tone == .apology {
                apologisedTo += 1
                if apologisedToExamples.count < examplesPerRule {
                    apologisedToExamples.append(
                        Violation(
                            rule: .breezy, mentionID: mention.id, platform: mention.platform, mention: mention.text,
                            draft: draft.text, detail: "\(expected.rawValue) read as a complaint"))
                }
            }
        }
        if let lists {
            if complaint, kind != ReplyKind.holding.rawValue, text.first(of: lists.apology) == nil {
                flag(.breezy, "no apology in a \(kind) reply")
            } else if complaint || classification.needsHuman,
                let light = text.first(of: lists.breezy)
            {
                flag(.breezy, "\"\(light)\"")
            }
            if let industry = classification.industry, industry != .retail {
                var reply = text.joined
                for phrase in lists.shopPhrases { reply = reply.replacingOccurrences(of: " \(phrase) ", with: " ") }
                let said = WholeWords(mention.text)
                if let word = lists.shopWords.first(where: { reply.contains(" \($0) ") && !said.contains($0) }) {
                    flag(.shopWords, "\"\(word)\" to a \(industry.rawValue) customer")
                }
            }
            if let plea = text.first(of: lists.begging) {
                let praise = draft.tone == .thanks && classification.intent == .compliment
                if mention.platform.isPrivate || !praise || classification.mixed {
                    flag(
                        .begging,
                        "\"\(plea)\""
                            + (mention.platform.isPrivate
                                ? " in \(mention.platform.rawValue)"
                                : classification.mixed ? " after a mixed message" : "")
                    )
                }
            }
        }
        if kind == ReplyKind.compliment.rawValue, let names,
            let staff = names.praisedStaff(in: mention.text, customer: draft.customer.name),
            !draft.text.contains(staff)
        {
            flag(.unnamedStaff, "\"\(staff)\" praised, not named")
        }
        let phrases = templates.factPhrases[replyLanguage]
        if mention.platform.isPrivate, let phrases, let talk = text.first(of: phrases.directMessage) {
            flag(.directMessageInPrivate, "\"\(talk)\" in \(mention.platform.rawValue)")
        }
        let given = Set((draft.facts + draft.previousContacts.flatMap(\.facts)).map(\.kind))
        if let phrases {
            for kind in Fact.Kind.allCases where given.contains(kind) {
                if let ask = text.first(of: phrases.asks[kind] ?? []) {
                    flag(.askedForGiven, "asks for the \(ask) given as a \(kind.rawValue)")
                    break
                }
            }
        }
        // A language without templates gets the default language's holding reply, flagged for a person.
        let untemplated = classification.needsHuman && !templates.languages.contains(draft.language.rawValue)
        if draft.language != .undetermined && !untemplated {
            if replyLanguage != draft.language.rawValue {
                flag(.wrongLanguage, "a \(replyLanguage) reply to a \(draft.language.rawValue) mention")
            } else {
                // English is the detector's answer when it has little to go on, so only another language
                // found in the words counts against a template.
                let written = classifier.classify(text: draft.text).language
                if written != .undetermined, written != .english, written != draft.language {
                    flag(.wrongLanguage, "the \(draft.language.rawValue) template reads as \(written.rawValue)")
                }
            }
        }
        let length = mention.platform.replyLength(of: draft.text)
        if length > mention.platform.replyLengthLimit {
            flag(.overLength, "\(length) of \(mention.platform.replyLengthLimit) on \(mention.platform.rawValue)")
        }
        let opening = Self.opening(of: draft.text, names: [draft.customer.name, draft.agent.name])
        if !opening.isEmpty {
            let example = Violation(
                rule: .overusedOpening, mentionID: mention.id, platform: mention.platform, mention: mention.text,
                draft: draft.text, detail: "")
            openings[draft.language.rawValue, default: [:]][opening, default: (0, example)].count += 1
        }
    }

    /// Records a mention that got no draft: over the length limit is a violation; anything else a failure.
    package mutating func recordFailure(mention: Mention, error: ResponderError) {
        if error.reason == .replyTooLong {
            record(
                Violation(
                    rule: .overLength, mentionID: mention.id, platform: mention.platform, mention: mention.text,
                    draft: "", detail: error.message))
        } else {
            failed.append("\(mention.id): \(error)")
        }
    }

    /// Judges the openings of the whole run; call once, after the last draft.
    package mutating func finish() {
        for (language, used) in openings {
            let total = used.values.reduce(0) { $0 + $1.count }
            guard let top = used.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else { continue }
            commonestOpenings[language] = (top.key, top.value.count, total)
            for (opening, entry) in used.sorted(by: { $0.value.count > $1.value.count })
            where entry.count >= minimumOverusedCount && Double(entry.count) > maximumOpeningShare * Double(total) {
                var example = entry.example
                example.detail = "\"\(opening)\" opens \(entry.count) of \(total) \(language) drafts"
                counts[.overusedOpening, default: 0] += entry.count
                if examples[.overusedOpening, default: []].count < examplesPerRule {
                    examples[.overusedOpening, default: []].append(example)
                }
            }
        }
    }

    private mutating func record(_ violation: Violation) {
        counts[violation.rule, default: 0] += 1
        if examples[violation.rule, default: []].count < examplesPerRule {
            examples[violation.rule, default: []].append(violation)
        }
    }

    /// The language directory of a template name such as `es/complaint.chat`.
    static func language(ofTemplate name: String) -> String? {
        name.firstIndex(of: "/").map { String(name[..<$0]) }
    }

    /// The reply kind of a template name such as `es/complaint.chat`: `complaint`.
    static func kind(ofTemplate name: String) -> String {
        let file = name.lastIndex(of: "/").map { name[name.index(after: $0)...] } ?? name[...]
        return String(file.prefix { $0 != "." })
    }

    /// The first sentence of a reply, lowercased, with the names in it and every digit masked, so that two
    /// customers' openings compare equal when only the names differ. An e-mail's greeting line is skipped,
    /// and a greeting of a few words ("Hi Sam!") is read with the sentence after it.
    static func opening(of text: String, names: [String?]) -> String {
        var body = Substring(text)
        if let newline = body.firstIndex(of: "\n"), let last = body[..<newline].last, ",:".contains(last) {
            body = body[newline...].drop { $0.isWhitespace }
        }
        var end = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            let next = body.index(after: index)
            if character == "\n" || ".!?".contains(character) && (next == body.endIndex || body[next].isWhitespace) {
                end = character == "\n" ? index : next
                if body[..<end].split(whereSeparator: \.isWhitespace).count >= 4 || character == "\n" { break }
            }
            index = next
        }
        if index == body.endIndex { end = body.endIndex }
        var sentence = String(body[..<end]).lowercased()
        for name in names.compactMap({ $0?.lowercased() }) where !name.isEmpty {
            sentence = sentence.replacingOccurrences(of: name, with: "…")
        }
        return String(sentence.map { $0.isNumber ? "#" : $0 })
    }
}
