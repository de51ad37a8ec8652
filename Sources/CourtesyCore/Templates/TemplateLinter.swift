import Foundation

/// Checks a templates directory before it is used: what `courtesy templates check` runs.
///
/// Beyond what loading refuses (parse errors, unknown variables or tags, bad file names, unsafe topic
/// phrases), it requires every intent × platform in every language (directly or through the default
/// file), English present, at least `TemplateLibrary.minimumVariants` variants per file, no duplicate
/// variants, an apology in every complaint and thanks in every compliment (for languages it knows),
/// and that long values still fit each platform's limit.
public enum TemplateLinter {
    /// A customer or agent name of the longest length a reply accepts.
    static let longName = "Bartholomew-Maximilianus"

    /// Words that show a complaint reply apologises, by language (lowercase, matched as substrings).
    static let apologyWords: [String: [String]] = [
        "en": ["sorry", "apologi"],
        "es": ["lo siento", "lamento", "lamentamos", "sentimos", "disculp", "perdón"],
    ]

    /// Words that show a compliment reply thanks, by language.
    static let thanksWords: [String: [String]] = [
        "en": ["thank"],
        "es": ["gracias", "agradec"],
    ]

    /// Checks the templates in a directory.
    public static func check(directory: URL) -> TemplateCheckReport {
        let library: TemplateLibrary
        var problems: [TemplateProblem]
        do {
            (library, problems) = try TemplateLibrary.build(from: directory)
        } catch {
            return TemplateCheckReport(
                problems: [TemplateProblem(file: directory.path, line: nil, message: "\(error)")], languages: [],
                fileCount: 0, variantCount: 0)
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
        }
        let sets = library.files.values.flatMap(\.values)
        return TemplateCheckReport(
            problems: problems.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) },
            languages: library.languages, fileCount: sets.count,
            variantCount: sets.reduce(0) { $0 + $1.variants.count })
    }

    private static func coverageProblems(_ library: TemplateLibrary, language: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        let table = library.resolved[language] ?? [:]
        for intent in Intent.allCases {
            let missing = Platform.allCases.filter { table[TemplateKey(intent: intent, platform: $0)] == nil }
            guard !missing.isEmpty else { continue }
            let names = missing.map(\.rawValue).joined(separator: ", ")
            problems.append(
                TemplateProblem(
                    file: language, line: nil,
                    message: "no \(intent.rawValue) template for \(names): add \(language)/\(intent.rawValue).mustache "
                        + "(every platform) or \(language)/\(intent.rawValue).PLATFORM.mustache"))
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
            switch set.intent {
            case .complaint: apologyWords[language].map { ($0, "apologise") }
            case .compliment: thanksWords[language].map { ($0, "thank the customer") }
            default: nil
            }
        if let required {
            for variant in set.variants {
                let text = variant.source.lowercased()
                if !required.words.contains(where: { text.contains($0) }) {
                    problems.append(
                        TemplateProblem(
                            file: set.file, line: variant.line,
                            message: "this \(set.intent.rawValue) variant does not \(required.what) "
                                + "(expected one of: \(required.words.joined(separator: ", ")))"))
                }
            }
        }
        return problems
    }

    private static func lengthProblems(_ library: TemplateLibrary, language: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        let table = library.resolved[language] ?? [:]
        let longestTopic = library.topicPhrases[language]?.values.max { $0.count < $1.count }
        for intent in Intent.allCases {
            for platform in Platform.allCases {
                guard let set = table[TemplateKey(intent: intent, platform: platform)] else { continue }
                let limit = platform.replyLengthLimit
                var fittingByMask = Array(repeating: false, count: TemplateVariable.maskCount)
                for variant in set.variants {
                    var worst = 0
                    for (mask, form) in variant.forms.enumerated() {
                        let text = form.render(
                            customer: mask & TemplateVariable.customer.bit != 0 ? longName : nil,
                            agent: mask & TemplateVariable.agent.bit != 0 ? longName : nil,
                            topic: mask & TemplateVariable.topic.bit != 0
                                ? longestTopic
                                    ?? String(repeating: "x", count: TemplateLibrary.maximumTopicPhraseLength)
                                : nil)
                        let length = platform.replyLength(of: text)
                        worst = max(worst, length)
                        if length <= limit { fittingByMask[mask] = true }
                        if text.isEmpty {
                            problems.append(
                                TemplateProblem(
                                    file: set.file, line: variant.line,
                                    message: "renders empty when \(describe(mask: mask))"))
                        }
                    }
                    if worst > limit {
                        problems.append(
                            TemplateProblem(
                                file: set.file, line: variant.line, severity: .warning,
                                message: "\(worst) characters on \(platform.rawValue) with \(longName.count)-character "
                                    + "names, over the limit of \(limit); such replies will use another variant"))
                    }
                }
                if let mask = fittingByMask.firstIndex(of: false) {
                    problems.append(
                        TemplateProblem(
                            file: set.file, line: nil,
                            message: "no variant fits \(platform.rawValue)'s limit of \(limit) characters when "
                                + "\(describe(mask: mask)) with long values; add a shorter variant"))
                }
            }
        }
        return problems
    }

    private static func describe(mask: Int) -> String {
        TemplateVariable.allCases.map { "\($0.rawValue) is \(mask & $0.bit != 0 ? "present" : "absent")" }
            .joined(separator: ", ")
    }
}
