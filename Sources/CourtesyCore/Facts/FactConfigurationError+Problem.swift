extension FactConfigurationError {
    /// What is wrong with a facts configuration. It is an `Error` so that the loader's helpers can throw it
    /// before the line is known; callers see it inside a ``FactConfigurationError``.
    package enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The file could not be read.
        case unreadable(reason: String)
        /// A line starts with a word other than `identifier` or `product`.
        case unknownDirective(String)
        /// An identifier line names no kind, or one that is not an identifier kind.
        case unknownKind(String)
        /// An identifier line has no label after its kind.
        case missingLabel
        /// A label or product name is not in double quotes.
        case unquoted(String)
        /// A label or product name has no closing quote.
        case unterminatedQuote
        /// A label or product name is empty.
        case emptyName
        /// The `after=` list has an empty or non-word keyword.
        case badKeyword(String)
        /// An identifier line has no regular expression.
        case missingPattern
        /// The regular expression does not compile.
        case badPattern(pattern: String, reason: String)
        /// The regular expression matches the empty string.
        case patternMatchesEmpty(pattern: String)
        /// A product name does not start with a letter or a digit.
        case productStart(String)
        /// A product is listed twice (compared as matched: case, accents and spacing aside).
        case duplicateProduct(name: String, firstLine: Int)
        /// Text after a product's closing quote.
        case trailingText(String)

        package var description: String {
            switch self {
            case .unreadable(let reason): "cannot read the file: \(reason)"
            case .unknownDirective(let word):
                "unknown entry \"\(word)\"; a line is `identifier KIND \"LABEL\" [after=WORD,…] REGEX`, "
                    + "`product \"NAME\"`, a comment (#) or blank"
            case .unknownKind(let word):
                (word.isEmpty ? "missing kind" : "unknown kind \"\(word)\"")
                    + "; use order, booking, flight, tracking or case"
            case .missingLabel: "missing label: write it in double quotes after the kind"
            case .unquoted(let text): "\"\(text)\" must be in double quotes"
            case .unterminatedQuote: "no closing double quote"
            case .emptyName: "the name in quotes is empty"
            case .badKeyword(let word):
                "bad keyword \"\(word)\" in after=: list words of letters, separated by commas, no spaces"
            case .missingPattern: "missing regular expression after the label"
            case .badPattern(let pattern, let reason): "bad regular expression \(pattern): \(reason)"
            case .patternMatchesEmpty(let pattern):
                "regular expression \(pattern) matches the empty string; it must match at least one character"
            case .productStart(let name): "product \"\(name)\" must start with a letter or a digit"
            case .duplicateProduct(let name, let firstLine):
                "product \"\(name)\" is already listed on line \(firstLine)"
            case .trailingText(let text): "unexpected \"\(text)\" after the closing quote"
            }
        }
    }
}
