import Foundation

extension TemplateLibrary {
    /// The longest topic phrase accepted, in characters.
    static let maximumTopicPhraseLength = 40

    /// The templates in a directory, parsed and compiled.
    /// - Throws: `TemplateError.unreadable` when the directory cannot be listed,
    ///   `TemplateError.invalidTemplates` listing every error found.
    package static func load(from directory: URL) throws -> TemplateLibrary {
        let (library, problems) = try build(from: directory)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else { throw TemplateError.invalidTemplates(errors) }
        return library
    }

    /// The templates shipped with Courtesy, loaded once per process.
    /// - Throws: `TemplateError` when the resource bundle is missing or its templates are invalid.
    package static func bundled() throws -> TemplateLibrary {
        try bundledLibrary.get()
    }

    /// The bundle does not change while the process runs, and compiling every form of every variant takes
    /// a noticeable part of a second: every caller shares one load.
    private static let bundledLibrary = Result<TemplateLibrary, any Error> {
        guard let directory = bundledDirectory else {
            throw TemplateError.unreadable(path: "templates", reason: "the resource bundle has no templates")
        }
        return try load(from: directory)
    }

    /// The templates directory inside the resource bundle.
    package static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "templates", withExtension: nil)
    }

    /// Everything that compiled, and every problem found on the way.
    static func build(from directory: URL) throws -> (TemplateLibrary, [TemplateProblem]) {
        let manager = FileManager.default
        let languageNames: [String]
        do {
            languageNames = try manager.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw TemplateError.unreadable(path: directory.path, reason: error.localizedDescription)
        }
        var problems: [TemplateProblem] = []
        var files: [String: [TemplateKey: TemplateSet]] = [:]
        var phrases: [String: [String: String]] = [:]
        var factPhrases: [String: TemplateFactPhrases] = [:]
        var industryPhrases: [String: [Industry: [String: String]]] = [:]
        for language in languageNames {
            let languageDirectory = directory.appendingPathComponent(language)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: languageDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                if language != "README.md" {
                    problems.append(
                        TemplateProblem(
                            file: language, line: nil, severity: .warning,
                            message: "ignored: only language directories (en, es, …) belong here"))
                }
                continue
            }
            guard isLanguageCode(language) else {
                problems.append(
                    TemplateProblem(
                        file: language, line: nil, severity: .warning,
                        message: "ignored: \"\(language)\" is not a lowercase language code such as en or pt-br"))
                continue
            }
            let names = (try? manager.contentsOfDirectory(atPath: languageDirectory.path).sorted()) ?? []
            var sets: [TemplateKey: TemplateSet] = [:]
            for name in names {
                let relative = "\(language)/\(name)"
                let url = languageDirectory.appendingPathComponent(name)
                if name == "topics.json" {
                    phrases[language] = readTopics(url, file: relative, problems: &problems)
                    continue
                }
                if name.hasPrefix("topics."), name.hasSuffix(".json"), name != "topics.json" {
                    let industryName = String(name.dropFirst("topics.".count).dropLast(".json".count))
                    guard let industry = Industry(rawValue: industryName) else {
                        let industries = Industry.allCases.map(\.rawValue).joined(separator: ", ")
                        problems.append(
                            TemplateProblem(
                                file: relative, line: nil,
                                message: "\"\(industryName)\" is not an industry; topics.INDUSTRY.json takes one of "
                                    + industries))
                        continue
                    }
                    industryPhrases[language, default: [:]][industry] = readTopics(
                        url, file: relative, problems: &problems)
                    continue
                }
                if name == "facts.json" {
                    factPhrases[language] = TemplateFactPhrases.read(url, file: relative, problems: &problems)
                    continue
                }
                guard name.hasSuffix(".mustache") else {
                    problems.append(
                        TemplateProblem(
                            file: relative, line: nil, severity: .warning,
                            message: "ignored: template files end in .mustache"))
                    continue
                }
                let stem = String(name.dropLast(".mustache".count))
                let parts = stem.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard (1...2).contains(parts.count), let kind = ReplyKind(rawValue: parts[0]) else {
                    let kinds = ReplyKind.allCases.map(\.rawValue).joined(separator: ", ")
                    problems.append(
                        TemplateProblem(
                            file: relative, line: nil,
                            message: "the file name must be KIND.mustache or KIND.PLATFORM.mustache with "
                                + "KIND one of \(kinds)"))
                    continue
                }
                var platform: Platform?
                if parts.count == 2 {
                    guard let named = Platform(rawValue: parts[1]) else {
                        let platforms = Platform.allCases.map(\.rawValue).joined(separator: ", ")
                        problems.append(
                            TemplateProblem(
                                file: relative, line: nil,
                                message: "unknown platform \"\(parts[1])\"; the platforms are \(platforms)"))
                        continue
                    }
                    platform = named
                }
                guard let data = manager.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
                else {
                    problems.append(TemplateProblem(file: relative, line: nil, message: "unreadable or not UTF-8"))
                    continue
                }
                let set = compile(
                    text, name: "\(language)/\(stem)", file: relative, kind: kind, problems: &problems)
                if !set.variants.isEmpty { sets[TemplateKey(kind: kind, platform: platform)] = set }
            }
            files[language] = sets
        }
        return (
            TemplateLibrary(
                files: files, topicPhrases: phrases, factPhrases: factPhrases, industryTopicPhrases: industryPhrases),
            problems
        )
    }

    /// The compiled variants of one file; variants with problems are left out and reported.
    static func compile(
        _ text: String, name: String, file: String, kind: ReplyKind, problems: inout [TemplateProblem]
    ) -> TemplateSet {
        var variants: [TemplateVariant] = []
        let chunks = TemplateFile(text: text).chunks
        if chunks.isEmpty {
            problems.append(TemplateProblem(file: file, line: nil, message: "the file has no variants"))
        }
        for chunk in chunks {
            let (tagProblems, variables) = TemplateTagScanner.scan(chunk.text, file: file, firstLine: chunk.line)
            if let invisible = chunk.text.unicodeScalars.first(where: {
                NameExtractor.isInvisible($0) && $0 != "\n" && $0 != "\t"
            }) {
                let code = String(invisible.value, radix: 16, uppercase: true)
                problems.append(
                    TemplateProblem(
                        file: file, line: chunk.line,
                        message: "the variant contains the invisible or control character U+\(code)"))
                continue
            }
            problems.append(contentsOf: tagProblems)
            switch TemplateCompiler.parse(chunk.text, file: file, firstLine: chunk.line) {
            case .failure(let problem):
                problems.append(problem)
            case .success(let template):
                guard tagProblems.isEmpty else { continue }
                variants.append(
                    TemplateVariant(
                        line: chunk.line, source: chunk.text, variables: variables,
                        compiled: TemplateForms(template: template, variables: variables)))
            }
        }
        return TemplateSet(name: name, file: file, kind: kind, variants: variants)
    }

    private static func readTopics(_ url: URL, file: String, problems: inout [TemplateProblem]) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: url.path),
            let dictionary = (try? JSONTree(parsing: data))?.object
        else {
            problems.append(
                TemplateProblem(
                    file: file, line: nil,
                    message: "expected a JSON object of topic → phrase, e.g. {\"delivery\": \"your delivery\"}"))
            return [:]
        }
        var phrases: [String: String] = [:]
        for (topic, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            guard let phrase = value.string else {
                problems.append(
                    TemplateProblem(file: file, line: nil, message: "\"\(topic)\": the phrase must be a string"))
                continue
            }
            if let problem = topicPhraseProblem(phrase) {
                problems.append(TemplateProblem(file: file, line: nil, message: "\"\(topic)\": \(problem)"))
                continue
            }
            phrases[topic.lowercased()] = phrase
        }
        return phrases
    }

    /// Why a topic phrase cannot be used, or nil when it can: letters, digits, spaces and `&',.-` only.
    static func topicPhraseProblem(_ phrase: String) -> String? {
        if phrase.isEmpty { return "the phrase is empty" }
        if phrase.count > maximumTopicPhraseLength {
            return "the phrase is longer than \(maximumTopicPhraseLength) characters"
        }
        let allowed = phrase.unicodeScalars.allSatisfy { scalar in
            NameExtractor.isNameScalar(scalar) || scalar.properties.generalCategory == .decimalNumber
                || " &',.-’".unicodeScalars.contains(scalar)
        }
        return allowed ? nil : "the phrase may hold only letters, digits, spaces and & ' , . -"
    }

    /// Whether a name is a lower-case language code: two or three letters, optionally `-` and a region
    /// ("en", "pt-br", "es-419"). Template directories, corpus lines and brand profiles use it.
    static func isLanguageCode(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), parts.count <= 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
