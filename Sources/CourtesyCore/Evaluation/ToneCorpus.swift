/// A tone corpus: one labelled message a line, `tone<TAB>text` or `tone<TAB>language<TAB>text`, where
/// the tone is the one a reply needs (`apology`, `thanks` or `neutral`) and the language the one the
/// text is written in (`fr`, `pt-br`), as in `Tests/ToneCorpus/`.
package enum ToneCorpus {
    /// Reads the labelled messages of the file at `path`. Blank lines are skipped; any other line
    /// that is not a known tone, a tab, optionally a language code and a tab, and a non-empty text stops
    /// the load, naming its number.
    package static func load(path: String) throws(EvaluationError) -> [LabelledText] {
        let items = try parse(EvaluationError.readFile(path))
        guard !items.isEmpty else { throw EvaluationError.empty(path: path) }
        return items
    }

    /// Parses corpus bytes (UTF-8, LF or CRLF line ends).
    package static func parse(_ bytes: [UInt8]) throws(EvaluationError) -> [LabelledText] {
        var items: [LabelledText] = []
        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine[...]
            if line.last == UInt8(ascii: "\r") {
                line = line.dropLast()
            }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                continue
            }
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else {
                throw .malformedCorpusLine(line: lineNumber, reason: "no tab between the tone and the text")
            }
            guard let label = String(validating: line[line.startIndex..<tab], as: UTF8.self),
                let tone = Tone(rawValue: label)
            else {
                throw .malformedCorpusLine(
                    line: lineNumber, reason: "unknown tone (expected apology, thanks or neutral)")
            }
            var textBytes = line[(tab + 1)...]
            var language: String?
            if let second = textBytes.firstIndex(of: UInt8(ascii: "\t")) {
                let code = textBytes[textBytes.startIndex..<second]
                guard let code = String(validating: code, as: UTF8.self), TemplateLibrary.isLanguageCode(code) else {
                    throw .malformedCorpusLine(
                        line: lineNumber,
                        reason: "a second tab: the field between the tabs must be a language code such as es or pt-br")
                }
                language = code
                textBytes = textBytes[(second + 1)...]
            }
            guard let text = String(validating: textBytes, as: UTF8.self) else {
                throw .malformedCorpusLine(line: lineNumber, reason: "the text is not valid UTF-8")
            }
            guard !text.isEmpty, !text.contains("\t") else {
                throw .malformedCorpusLine(
                    line: lineNumber, reason: text.isEmpty ? "empty text" : "a third tab in the text")
            }
            items.append(LabelledText(text: text, tone: tone, language: language))
        }
        return items
    }
}
