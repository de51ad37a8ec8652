import Mustache

/// Compiles a variant with swift-mustache into forms, one per combination of present values.
///
/// Rendering goes through Mustache once per combination at load time, with a private-use placeholder
/// for each present value, so sections, inverted sections and standalone-line rules are exactly
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

    /// The forms of a parsed variant, one per combination of the variables it uses (see
    /// ``TemplateVariant/forms``).
    static func forms(of template: MustacheTemplate, variables: [TemplateVariable]) -> [TemplateForm] {
        (0..<(1 << variables.count)).map { index in
            var context: [String: String] = [:]
            for variable in TemplateVariable.allCases where variable.isAlwaysPresent {
                context[variable.rawValue] = String(Character(variable.placeholder))
            }
            for (position, variable) in variables.enumerated() where index & (1 << position) != 0 {
                context[variable.rawValue] = String(Character(variable.placeholder))
            }
            return TemplateForm(placeholderText: normalise(template.render(context)))
        }
    }

    /// Tidies whitespace that sections leave behind: runs of spaces, spaces before punctuation,
    /// spaces at line ends, more than one blank line, and leading or trailing blank lines.
    static func normalise(_ text: String) -> String {
        var lines: [String] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var pendingSpace = false
            for character in rawLine {
                if character == " " || character == "\t" {
                    pendingSpace = !line.isEmpty
                    continue
                }
                if pendingSpace, !",.!?;:)".contains(character) { line.append(" ") }
                pendingSpace = false
                line.append(character)
            }
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
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
