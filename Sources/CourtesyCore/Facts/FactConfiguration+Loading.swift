import Foundation

extension FactConfiguration {
    /// Reads a facts file (UTF-8; docs/facts.md gives the format).
    /// - Throws: `FactConfigurationError` naming the path, the line and what is wrong.
    package static func load(from url: URL) throws(FactConfigurationError) -> FactConfiguration {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FactConfigurationError(
                source: url.path, line: nil, problem: .unreadable(reason: error.localizedDescription))
        }
        return try FactConfiguration(text: text, source: url.path)
    }

    /// Reads a facts configuration from its text; `source` names it in errors (a path, or "inline").
    ///
    /// One entry a line; blank lines and lines starting with `#` are skipped:
    ///
    ///     identifier KIND "LABEL" [after=WORD,WORD…] REGEX
    ///     product "NAME"
    ///
    /// KIND is order, booking, flight, tracking or case; the regular expression is the rest of the line, in
    /// Swift `Regex` syntax, and must not match the empty string.
    /// - Throws: `FactConfigurationError` naming `source`, the line and what is wrong.
    package init(text: String, source: String) throws(FactConfigurationError) {
        var formats: [IdentifierFormat] = []
        var products: [String] = []
        var productLines: [[UInt8]: Int] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            func fail(_ problem: FactConfigurationError.Problem) -> FactConfigurationError {
                FactConfigurationError(source: source, line: number, problem: problem)
            }
            let line = Self.trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (directive, rest) = Self.firstWord(line)
            switch directive {
            case "identifier":
                do throws(FactConfigurationError.Problem) {
                    formats.append(try Self.identifierFormat(rest))
                } catch {
                    throw fail(error)
                }
            case "product":
                let name: String
                let after: Substring
                do throws(FactConfigurationError.Problem) {
                    (name, after) = try Self.quoted(rest)
                } catch {
                    throw fail(error)
                }
                guard after.isEmpty else { throw fail(.trailingText(String(after))) }
                guard let first = name.first, first.isLetter || first.isNumber else { throw fail(.productStart(name)) }
                let key = Self.productKey(name)
                if let firstLine = productLines[key] {
                    throw fail(.duplicateProduct(name: name, firstLine: firstLine))
                }
                productLines[key] = number
                products.append(name)
            default:
                throw fail(.unknownDirective(String(directive)))
            }
        }
        self.init(identifierFormats: formats, products: products)
    }

    private static func identifierFormat(_ line: Substring) throws(FactConfigurationError.Problem)
        -> IdentifierFormat
    {
        let (kindWord, afterKind) = firstWord(line)
        guard let kind = Fact.Kind(rawValue: String(kindWord)), kind.isIdentifier else {
            throw .unknownKind(String(kindWord))
        }
        guard !afterKind.isEmpty else { throw .missingLabel }
        var (label, rest) = try quoted(afterKind)
        var keywords: [String] = []
        if rest.hasPrefix("after=") {
            let (list, afterList) = firstWord(rest)
            for word in list.dropFirst("after=".count).split(separator: ",", omittingEmptySubsequences: false) {
                guard !word.isEmpty, word.allSatisfy(\.isLetter) else { throw .badKeyword(String(word)) }
                keywords.append(String(word))
            }
            rest = afterList
        }
        let pattern = String(rest)
        guard !pattern.isEmpty else { throw .missingPattern }
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            throw .badPattern(pattern: pattern, reason: "\(error)")
        }
        guard "".wholeMatch(of: regex) == nil else { throw .patternMatchesEmpty(pattern: pattern) }
        return IdentifierFormat(
            kind: kind, label: label, pattern: pattern, keywords: keywords, compiled: CompiledPattern(regex))
    }

    /// A name in double quotes at the start of `text`, and what follows it, trimmed.
    private static func quoted(_ text: Substring) throws(FactConfigurationError.Problem) -> (String, Substring) {
        guard text.first == "\"" else {
            throw .unquoted(String(firstWord(text).word))
        }
        let body = text.dropFirst()
        guard let close = body.firstIndex(of: "\"") else { throw .unterminatedQuote }
        let name = trimmed(body[..<close])
        guard !name.isEmpty else { throw .emptyName }
        return (String(name), trimmed(body[body.index(after: close)...]))
    }

    private static func firstWord(_ text: Substring) -> (word: Substring, rest: Substring) {
        let end = text.firstIndex(where: \.isWhitespace) ?? text.endIndex
        return (text[..<end], trimmed(text[end...]))
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let start = text.firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
        let end = text.lastIndex(where: { !$0.isWhitespace }).map(text.index(after:)) ?? start
        return text[start..<end]
    }
}
