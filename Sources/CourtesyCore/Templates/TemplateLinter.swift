import Foundation

/// Checks a templates directory before it is used: what `courtesy templates check` runs.
///
/// Beyond what loading refuses (parse errors, unknown variables or tags, bad file names, unsafe topic
/// phrases), it requires every reply kind × platform in every language (directly or through the default
/// file), English present, at least `TemplateLibrary.minimumVariants` variants per file, no duplicate
/// variants, an apology in every complaint and thanks in every compliment (for languages it knows),
/// that every form fits each platform's limit with the longest plausible values, and the never-ask
/// rule (``neverAskProblems(_:language:)``).
package enum TemplateLinter {
    /// A customer or agent name of the longest length a reply accepts.
    static let longName = "Bartholomew-Maximilianus"

    /// The words that show a reply apologises or thanks, by language: the lists `courtesy eval drafts`
    /// judges drafts by, so that the two agree. When they cannot be read the check says so (an error),
    /// rather than pass every variant unchecked.
    static let judgeWordsResult = Result { () throws(EvaluationError) in try DraftScorecardWords.shipped() }
    static var judgeWords: [String: DraftScorecardWords] { (try? judgeWordsResult.get()) ?? [:] }

    /// Checks the templates in a directory.
    package static func check(directory: URL) -> TemplateCheckReport {
        let library: TemplateLibrary
        var problems: [TemplateProblem]
        do {
            (library, problems) = try TemplateLibrary.build(from: directory)
        } catch {
            return TemplateCheckReport(
                problems: [TemplateProblem(file: directory.path, line: nil, message: "\(error)")], languages: [],
                fileCount: 0, variantCount: 0)
        }
        if case .failure(let error) = judgeWordsResult {
            problems.append(
                TemplateProblem(
                    file: "scorecard.json", line: nil,
                    message: "\(error): apologies and thanks cannot be checked"))
        }
        if library.files[TemplateLibrary.defaultLanguage] == nil {
            problems.append(
                TemplateProblem(
                    file: TemplateLibrary.defaultLanguage, line: nil,
                    message: "English templates are required: other languages fall back to them"))
        }
        for language in library.languages {
            problems += coverageProblems(library, language: language)
            for set in (library.files[language] ?? [:]).values.sorted(by: { $0.file < $1.file }) {
                problems += variantProblems(set, language: language)
            }
            problems += lengthProblems(library, language: language)
            problems += neverAskProblems(library, language: language)
            problems += privateChannelProblems(library, language: language)
            problems += industryProblems(library, language: language)
        }
        let sets = library.files.values.flatMap(\.values)
        return TemplateCheckReport(
            problems: problems.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) },
            languages: library.languages, fileCount: sets.count,
            variantCount: sets.reduce(0) { $0 + $1.variants.count })
    }

    /// Every industry's topic phrases in every language: a language without the phrases the default
    /// language has for an industry (its `topics.INDUSTRY.json`, or a topic in it) would answer that
    /// industry's customers in the shop's words.
    static func industryProblems(_ library: TemplateLibrary, language: String) -> [TemplateProblem] {
        let reference = TemplateLibrary.defaultLanguage
        guard language != reference, let expected = library.industryTopicPhrases[reference] else { return [] }
        let own = library.industryTopicPhrases[language] ?? [:]
        var problems: [TemplateProblem] = []
        for industry in Industry.allCases {
            guard let topics = expected[industry] else { continue }
            let file = "\(language)/topics.\(industry.rawValue).json"
            guard let phrases = own[industry] else {
                problems.append(
                    TemplateProblem(
                        file: file, line: nil,
                        message: "missing: \(reference) has phrases for \(industry.rawValue) customers "
                            + "(\(topics.keys.sorted().joined(separator: ", "))), so \(language) would use its "
                            + "default ones"))
                continue
            }
            let missing = topics.keys.filter { phrases[$0] == nil }.sorted()
            if !missing.isEmpty {
                problems.append(
                    TemplateProblem(
                        file: file, line: nil,
                        message: "no phrase for \(missing.joined(separator: ", ")), which "
                            + "\(reference)/topics.\(industry.rawValue).json has"))
            }
        }
        return problems
    }

    private static func coverageProblems(_ library: TemplateLibrary, language: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        let table = library.resolved[language] ?? [:]
        for kind in ReplyKind.allCases {
            let missing = Platform.allCases.filter { table[TemplateKey(kind: kind, platform: $0)] == nil }
            guard !missing.isEmpty else { continue }
            let names = missing.map(\.rawValue).joined(separator: ", ")
            problems.append(
                TemplateProblem(
                    file: language, line: nil,
                    message: "no \(kind.rawValue) template for \(names): add \(language)/\(kind.rawValue).mustache "
                        + "(every platform) or \(language)/\(kind.rawValue).PLATFORM.mustache"))
        }
        return problems
    }

    private static func variantProblems(_ set: TemplateSet, language: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        if set.variants.count < TemplateLibrary.minimumVariants {
            problems.append(
                TemplateProblem(
                    file: set.file, line: nil,
                    message: "\(set.variants.count) variant(s); write at least \(TemplateLibrary.minimumVariants) "
                        + "so customers do not all get the same words"))
        }
        var seen: [[TemplateForm]: Int] = [:]
        for variant in set.variants {
            if let first = seen[variant.forms] {
                problems.append(
                    TemplateProblem(
                        file: set.file, line: variant.line, message: "duplicate of the variant at line \(first)"))
            } else {
                seen[variant.forms] = variant.line
            }
        }
        let required: (words: [String], what: String)? =
            switch set.kind {
            case .complaint, .serious: judgeWords[language].map { ($0.apology, "apologise") }
            case .compliment: judgeWords[language].map { ($0.thanks, "thank the customer") }
            default: nil
            }
        if let required {
            for variant in set.variants {
                if WholeWords(variant.source).first(of: required.words) == nil {
                    problems.append(
                        TemplateProblem(
                            file: set.file, line: variant.line,
                            message: "this \(set.kind.rawValue) variant does not \(required.what) "
                                + "(expected one of: \(required.words.joined(separator: ", ")))"))
                }
            }
        }
        if set.kind == .compliment {
            for variant in set.variants where !variant.variables.contains(.staff) {
                problems.append(
                    TemplateProblem(
                        file: set.file, line: variant.line, severity: .warning,
                        message: "this compliment variant never names the member of staff praised: "
                            + "add {{#staff}}…{{staff}}…{{/staff}}"))
            }
        }
        return problems
    }

    /// The longest plausible values of a language, for length checks: long names, the longest topic
    /// phrase, facts and references at the longest a reply quotes, the longest "when" phrase.
    static func longestValues(_ library: TemplateLibrary, language: String) -> TemplateValues {
        let fact = String(repeating: "8", count: ReplyValueSanitiser.maximumFactLength)
        let phrases = library.factPhrases[language]
        var values = TemplateValues()
        values.customer = longName
        values.agent = longName
        values.staff = longName
        let topicPhrases =
            Array((library.topicPhrases[language] ?? [:]).values)
            + (library.industryTopicPhrases[language] ?? [:]).values.flatMap(\.values)
        values.topic =
            topicPhrases.max { $0.count < $1.count }
            ?? String(repeating: "x", count: TemplateLibrary.maximumTopicPhraseLength)
        for kind in Fact.Kind.allCases {
            if let variable = TemplateVariable.forFact(kind) { values[variable] = fact }
        }
        values.reference =
            phrases?.references.values.map { $0.replacingOccurrences(of: "{value}", with: fact) }
            .max { $0.count < $1.count } ?? fact
        values.previous = phrases?.longestPrevious ?? fact
        values.repeated = true
        values.askFor =
            phrases.map { ([$0.askForByDefault] + $0.askFor.compactMap { $0 }).max { $0.count < $1.count } } ?? fact
        values.safety = true
        return values
    }

    private static func lengthProblems(_ library: TemplateLibrary, language: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        let table = library.resolved[language] ?? [:]
        let longest = longestValues(library, language: language)
        for kind in ReplyKind.allCases {
            for platform in Platform.allCases {
                guard let set = table[TemplateKey(kind: kind, platform: platform)] else { continue }
                let limit = platform.replyLengthLimit
                for variant in set.variants {
                    var worst: (length: Int, mask: Int)?
                    for (index, form) in variant.forms.enumerated() {
                        let mask = variant.mask(forFormIndex: index)
                        var values = TemplateValues()
                        for variable in TemplateVariable.allCases
                        where mask & variable.bit != 0 || variable.isAlwaysPresent {
                            values[variable] = longest[variable]
                        }
                        let text = form.render(values)
                        let length = platform.replyLength(of: text)
                        if length > limit, length > worst?.length ?? 0 { worst = (length, mask) }
                        if text.isEmpty {
                            problems.append(
                                TemplateProblem(
                                    file: set.file, line: variant.line,
                                    message: "renders empty when \(describe(mask: mask, of: variant))"))
                        }
                    }
                    if let worst {
                        problems.append(
                            TemplateProblem(
                                file: set.file, line: variant.line,
                                message:
                                    "\(worst.length) characters on \(platform.rawValue) with the longest plausible "
                                    + "values (\(longName.count)-character names, \(ReplyValueSanitiser.maximumFactLength)-"
                                    + "character facts) when \(describe(mask: worst.mask, of: variant)), over the "
                                    + "limit of \(limit)"))
                    }
                }
            }
        }
        return problems
    }

    /// The never-ask rule: no form may ask for a kind of identifier in a case where the customer has
    /// already given one of that kind, and a complaint should refer to the identifier given.
    ///
    /// A form asks for a kind when its fixed text holds one of the language's `asks` phrases for it. It
    /// can be used with that kind known unless the variant tests the kind (`{{#order}}`), or tests
    /// `{{#reference}}`, which every known identifier with a noun in `facts.json` fills.
    static func neverAskProblems(_ library: TemplateLibrary, language: String) -> [TemplateProblem] {
        guard let phrases = library.factPhrases[language] else {
            return [
                TemplateProblem(
                    file: "\(language)/facts.json", line: nil,
                    message: "missing: the words for identifiers and earlier contacts, and the phrases that ask "
                        + "for identifiers, which the never-ask rule checks")
            ]
        }
        var problems: [TemplateProblem] = []
        for set in (library.files[language] ?? [:]).values.sorted(by: { $0.file < $1.file }) {
            for variant in set.variants {
                let used = variant.usedMask
                var reported = Set<Fact.Kind>()
                for (index, form) in variant.forms.enumerated() {
                    let mask = variant.mask(forFormIndex: index)
                    let text = form.segments.reduce(into: "") { text, segment in
                        if case .text(let fixed) = segment { text += fixed }
                    }.lowercased()
                    for kind in Fact.Kind.identifiers where !reported.contains(kind) {
                        guard let asks = phrases.asks[kind], let phrase = asks.first(where: text.contains) else {
                            continue
                        }
                        let variable = TemplateVariable.forFact(kind)!
                        let knownHere = used & variable.bit == 0 || mask & variable.bit != 0
                        let referenceHere =
                            used & TemplateVariable.reference.bit == 0 || mask & TemplateVariable.reference.bit != 0
                            || phrases.references[kind] == nil
                        guard knownHere, referenceHere else { continue }
                        reported.insert(kind)
                        problems.append(
                            TemplateProblem(
                                file: set.file, line: variant.line,
                                message: "asks for the \(kind.rawValue) (\"\(phrase)\") even when the customer gave "
                                    + "one: put the question in {{^\(variable.rawValue)}}…{{/\(variable.rawValue)}} or "
                                    + "{{^reference}}…{{/reference}}, with a form that uses it in the other branch"))
                    }
                }
                let identifierBits = Fact.Kind.identifiers.reduce(TemplateVariable.reference.bit) {
                    $0 | TemplateVariable.forFact($1)!.bit
                }
                // "Sorry about order #48213. I've flagged order #48213…": once is personal, twice is a form.
                if let index = variant.forms.indices.first(where: { index in
                    variant.forms[index].segments.count { segment in
                        guard case .value(let variable) = segment else { return false }
                        return variable.bit & identifierBits != 0
                    } > 1
                }) {
                    problems.append(
                        TemplateProblem(
                            file: set.file, line: variant.line, severity: .warning,
                            message: "names the customer's identifier twice when "
                                + describe(mask: variant.mask(forFormIndex: index), of: variant)
                                + "; say \"it\" the second time"))
                }
                if let index = variant.forms.indices.first(where: { index in
                    let form = variant.forms[index]
                    let mask = variant.mask(forFormIndex: index)
                    return form.segments.contains(.value(.askFor))
                        && (used & TemplateVariable.reference.bit == 0 || mask & TemplateVariable.reference.bit != 0)
                }) {
                    problems.append(
                        TemplateProblem(
                            file: set.file, line: variant.line,
                            message: "asks for {{askFor}} even when the customer gave an identifier ("
                                + describe(mask: variant.mask(forFormIndex: index), of: variant)
                                + "): ask only inside {{^reference}}…{{/reference}}"))
                }
                if set.kind == .complaint, used & TemplateVariable.previous.bit == 0 {
                    problems.append(
                        TemplateProblem(
                            file: set.file, line: variant.line, severity: .warning,
                            message: "never acknowledges an earlier contact; use {{#previous}}…{{/previous}}, "
                                + "e.g. \"I can see you wrote to us {{previous}}\""))
                }
                if set.kind == .complaint, used & identifierBits == 0 {
                    problems.append(
                        TemplateProblem(
                            file: set.file, line: variant.line, severity: .warning,
                            message:
                                "never refers to the identifier the customer gave; use {{#reference}}…{{/reference}} "
                                + "or an identifier's own section"))
                }
            }
        }
        return problems
    }

    /// Replies on a private channel (chat, e-mail) never move the conversation to private messages: the
    /// customer is already in one. A form breaks this when its fixed text holds one of the language's
    /// `directMessage` phrases as whole words.
    static func privateChannelProblems(_ library: TemplateLibrary, language: String) -> [TemplateProblem] {
        guard let phrases = library.factPhrases[language]?.directMessage else { return [] }
        let table = library.resolved[language] ?? [:]
        var problems: [TemplateProblem] = []
        var reported = Set<String>()
        for kind in ReplyKind.allCases {
            for platform in Platform.allCases where platform.isPrivate {
                guard let set = table[TemplateKey(kind: kind, platform: platform)] else { continue }
                for variant in set.variants {
                    let text = variant.forms.flatMap(\.segments).reduce(into: "") { text, segment in
                        if case .text(let fixed) = segment { text += fixed + " " }
                    }
                    guard let phrase = WholeWords(text).first(of: phrases),
                        reported.insert("\(set.file):\(variant.line)").inserted
                    else { continue }
                    problems.append(
                        TemplateProblem(
                            file: set.file, line: variant.line,
                            message: "says \"\(phrase)\" on \(platform.rawValue), where the customer is already in a "
                                + "private conversation: ask directly, or add \(language)/\(kind.rawValue)."
                                + "\(platform.rawValue).mustache"))
                }
            }
        }
        return problems
    }

    private static func describe(mask: Int, of variant: TemplateVariant) -> String {
        variant.variables.map { "\($0.rawValue) is \(mask & $0.bit != 0 ? "present" : "absent")" }
            .joined(separator: ", ")
    }
}
