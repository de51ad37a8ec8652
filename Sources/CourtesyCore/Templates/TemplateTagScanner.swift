import Foundation

/// Checks the Mustache tags of a variant against what reply templates may use.
///
/// Allowed: `{{variable}}`, `{{{variable}}}`, `{{&variable}}`, `{{#variable}}`, `{{^variable}}`,
/// `{{/variable}}` and `{{! comments }}`, where variable is a `TemplateVariable`. A value tag must sit
/// inside a section of the same variable, because every value may be absent. Partials, blocks,
/// delimiter changes, pragmas, dotted names and transforms are refused: they would let a template
/// reach values or files that are not part of the documented contract.
enum TemplateTagScanner {
    static func problems(in text: String, file: String, firstLine: Int) -> [TemplateProblem] {
        scan(text, file: file, firstLine: firstLine).problems
    }

    /// The problems of a variant's tags, and the variables it uses in ``TemplateVariable/allCases`` order.
    static func scan(_ text: String, file: String, firstLine: Int) -> (
        problems: [TemplateProblem], variables: [TemplateVariable]
    ) {
        var problems: [TemplateProblem] = []
        var used = Set<TemplateVariable>()
        var sections: [String] = []
        var rest = Substring(text)
        var line = firstLine
        func report(_ message: String) {
            problems.append(TemplateProblem(file: file, line: line, message: message))
        }
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].count(where: { $0 == "\n" })
            let triple = rest[open.upperBound...].hasPrefix("{")
            let bodyStart = triple ? rest.index(after: open.upperBound) : open.upperBound
            let closer = triple ? "}}}" : "}}"
            guard let close = rest[bodyStart...].range(of: closer) else {
                report("a tag opened with {{ is never closed")
                return (problems, [])
            }
            let body = rest[bodyStart..<close.lowerBound]
            let newlines = body.count(where: { $0 == "\n" })
            rest = rest[close.upperBound...]
            defer { line += newlines }
            guard let sigil = body.first else {
                report("empty tag {{}}")
                continue
            }
            if sigil == "!" { continue }
            var name = body.trimmingCharacters(in: .whitespaces)
            var kind: Character = " "
            if !triple, let first = name.first, "#^/&>$<=%".contains(first) {
                kind = first
                name = String(name.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            switch kind {
            case ">", "<", "$", "=", "%":
                report("the tag {{\(body)}} is not allowed in reply templates (only values, sections and comments)")
                continue
            default:
                break
            }
            guard let variable = TemplateVariable(rawValue: name) else {
                let allowed = TemplateVariable.allCases.map(\.rawValue).joined(separator: ", ")
                report("unknown variable \"\(name)\" in {{\(body)}}; the variables are \(allowed)")
                continue
            }
            used.insert(variable)
            switch kind {
            case "#", "^":
                sections.append((kind == "#" ? "#" : "^") + variable.rawValue)
            case "/":
                if let last = sections.popLast(), last.dropFirst() != variable.rawValue {
                    report("{{/\(variable.rawValue)}} closes the section {{\(last)}}")
                }
            default:
                if variable.isFlag {
                    report(
                        "{{\(variable.rawValue)}} is a flag with no text: use it only as a section, "
                            + "{{#\(variable.rawValue)}}…{{/\(variable.rawValue)}}")
                } else if !variable.isAlwaysPresent && !sections.contains("#" + variable.rawValue) {
                    report(
                        "{{\(variable.rawValue)}} is used outside {{#\(variable.rawValue)}}…{{/\(variable.rawValue)}}; "
                            + "it may be absent, so say what to write then with {{^\(variable.rawValue)}}")
                }
            }
        }
        // A variable every reply has adds no forms: it is rendered in all of them.
        let variables = TemplateVariable.allCases.filter { used.contains($0) && !$0.isAlwaysPresent }
        if variables.count > TemplateVariable.maximumPerVariant {
            problems.append(
                TemplateProblem(
                    file: file, line: firstLine,
                    message: "the variant uses \(variables.count) variables; at most "
                        + "\(TemplateVariable.maximumPerVariant) fit in one variant, so split it"))
        }
        return (problems, variables)
    }
}
