/// What a drafted reply must never hold, whatever the mention said (docs/templates.md,
/// docs/personalisation.md): the oracle of the hostile corpus and of the fuzz target.
public enum DraftSafety {
    /// Every way `text` (the reply) and `customerName` (the name it greets, if any) break the rules;
    /// empty when they are safe.
    public static func problems(text: String, customerName: String?) -> [String] {
        var problems: [String] = []
        let lowered = text.lowercased()
        for (needle, what) in forbidden where lowered.contains(needle) {
            problems.append("the reply holds \(what) (\(needle))")
        }
        for scalar in text.unicodeScalars where isHidden(scalar) && scalar != "\n" {
            problems.append("the reply holds U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        if let customerName {
            if customerName.count > 24 {
                problems.append("the name is \(customerName.count) characters long")
            }
            if customerName.isEmpty || customerName.first == " " || customerName.last == " " {
                problems.append("the name is empty or has outer spaces")
            }
            for scalar in customerName.unicodeScalars where !isNameScalar(scalar) {
                problems.append("the name holds U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
        }
        return problems
    }

    /// Lowercase fragments no reply may contain: Mustache tags, mass mentions, links, and the shell and
    /// SQL of the corpus's names.
    static let forbidden: [(String, String)] = [
        ("{{", "a Mustache tag"), ("}}", "a Mustache tag"), ("{%", "a template tag"),
        ("@everyone", "a mass mention"), ("@here", "a mass mention"), ("@channel", "a mass mention"),
        ("＠", "a full-width at sign"), ("://", "a link"), ("www.", "a link"), ("evil", "a link from the name"),
        (".example", "a link from the name"), ("javascript", "a script link"), ("<a", "markup"), ("<script", "markup"),
        ("drop table", "SQL"), ("' or '", "SQL"), ("$(", "a shell substitution"), ("`", "a shell substitution"),
        ("rm -rf", "a shell command"), ("&&", "a shell command"), ("| sh", "a shell command"),
    ]

    /// Controls, format characters (bidi, zero-width), separators, private use, surrogates, unassigned.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: true
        default: false
        }
    }

    /// Letters and their marks, spaces, hyphens and apostrophes: all a greeted name may hold.
    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "-" || scalar == "'" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
