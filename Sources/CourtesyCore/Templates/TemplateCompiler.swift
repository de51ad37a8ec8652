import Mustache

/// Compiles a variant with swift-mustache into forms, one per combination of present values.
///
/// Rendering goes through Mustache once per combination, the first time a reply needs it, with a
/// private-use placeholder for each present value, so sections, inverted sections and standalone-line rules are exactly
/// Mustache's. The variant is parsed with the `TEXT` content type, so nothing is HTML-escaped: replies
/// are plain text and `Tom & Jerry's` must stay as written.
enum TemplateCompiler {
    /// The pragma put before every variant; it adds no line, so line numbers stay right.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

    /// The parsed Mustache template of a variant, or a problem pointing at the failing line.
    static func parse(_ text: String, file: String, firstLine: Int) -> Result<MustacheTemplate, TemplateProblem> {
        do {
            return .success(try MustacheTemplate(string: textPragma + text))
        } catch let error as MustacheTemplate.ParserError {
            let line = firstLine + error.context.lineNumber - 1
            let message = "Mustache cannot parse this: \(describe(error.error)) near \"\(error.context.line)\""
            return .failure(TemplateProblem(file: file, line: line, message: message))
        } catch {
            return .failure(
                TemplateProblem(file: file, line: firstLine, message: "Mustache cannot parse this: \(error)"))
        }
    }

    /// The form of a parsed variant for one combination of the variables it uses: bit `i` of `index` is
    /// `variables[i]`'s presence (see ``TemplateVariant/form(for:)``).
    ///
    /// Returns Mustache's text with a placeholder for each present value, tidied, so that combinations
    /// that render alike can share one form.
    static func placeholderText(of template: MustacheTemplate, variables: [TemplateVariable], index: Int) -> String {
        var context: [String: String] = [:]
        for variable in TemplateVariable.allCases where variable.isAlwaysPresent {
            context[variable.rawValue] = String(Character(variable.placeholder))
        }
        for (position, variable) in variables.enumerated() where index & (1 << position) != 0 {
            context[variable.rawValue] = String(Character(variable.placeholder))
        }
        return normalise(template.render(context))
    }

    /// Tidies whitespace that sections leave behind: runs of spaces, spaces before punctuation,
    /// spaces at line ends, more than one blank line, and leading or trailing blank lines.
    ///
    /// Works on UTF-8 bytes: every byte it looks at is ASCII, which no byte of a longer character is,
    /// and every form of a template passes through it once.
    static func normalise(_ text: String) -> String {
        var lines: [[UInt8]] = []
        var line: [UInt8] = []
        var pendingSpace = false
        func endLine() {
            // A blank line is kept only after a line with text: never first, never two in a row.
            if !line.isEmpty || !(lines.last?.isEmpty ?? true) { lines.append(line) }
            line.removeAll(keepingCapacity: true)
            pendingSpace = false
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                pendingSpace = !line.isEmpty
            case UInt8(ascii: "\n"):
                endLine()
            default:
                if pendingSpace && !isClosingPunctuation(byte) { line.append(UInt8(ascii: " ")) }
                pendingSpace = false
                line.append(byte)
            }
        }
        endLine()
        while lines.last?.isEmpty == true { lines.removeLast() }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for (index, kept) in lines.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "\n")) }
            output.append(contentsOf: kept)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `,.!?;:)`: punctuation that no space goes before.
    private static func isClosingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"),
            UInt8(ascii: ":"), UInt8(ascii: ")"):
            true
        default: false
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "a tag is not finished"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "bad delimiter change"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "bad inheritance block"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "bad pragma"
        }
    }
}
