extension FactConfiguration {
    /// One of a brand's identifier formats: a regular expression for identifiers of one kind, and the keywords
    /// that must come before it, if any.
    package struct IdentifierFormat: Sendable {
        /// The identifier kind a match is: `.order`, `.booking`, `.flight`, `.tracking` or `.case`.
        package let kind: Fact.Kind
        /// What the format is, for people: "Acme order number".
        package let label: String
        /// The regular expression, as written in the file (Swift `Regex` syntax).
        package let pattern: String
        /// Words one of which must come before a match (with at most four filler words between, as for the
        /// built-in keywords); empty when a match stands on its own.
        package let keywords: [String]
        let compiled: CompiledPattern
        let keywordKeys: [[UInt8]]
        /// What every match starts with, when the pattern says so plainly ("AC-" in `AC-[0-9]{6}`): a text
        /// without it needs no search.
        let literal: [UInt8]?

        init(kind: Fact.Kind, label: String, pattern: String, keywords: [String], compiled: CompiledPattern) {
            self.kind = kind
            self.label = label
            self.pattern = pattern
            self.keywords = keywords
            self.compiled = compiled
            keywordKeys = keywords.map(FactExtractor.Characters.folded)
            literal = Self.literalPrefix(of: pattern)
        }

        /// The characters every match of `pattern` starts with, if there are two or more: the literal text before
        /// the first class, group, wildcard or escape, less a last character that a quantifier makes optional.
        /// `nil` for patterns with alternatives or inline options (`(?i)`), where that reading is not safe.
        static func literalPrefix(of pattern: String) -> [UInt8]? {
            guard !pattern.contains("|"), !pattern.contains("(?"), !pattern.hasPrefix("^") else { return nil }
            var literal: [UInt8] = []
            var lastLength = 0
            var characters = pattern.unicodeScalars.makeIterator()
            scanning: while let scalar = characters.next() {
                switch scalar {
                case "\\":
                    guard let escaped = characters.next(), escaped.value < 0x80,
                        !FactExtractor.Characters.isASCIILetter(UInt8(escaped.value)),
                        !FactExtractor.Characters.isDigit(UInt8(escaped.value))
                    else { break scanning }
                    literal.append(UInt8(escaped.value))
                    lastLength = 1
                case "*", "?", "{":
                    literal.removeLast(min(lastLength, literal.count))
                    break scanning
                case ".", "[", "]", "(", ")", "+", "$", "^", "}":
                    break scanning
                default:
                    lastLength = 0
                    for byte in UTF8Bytes(scalar: scalar.value) {
                        literal.append(byte)
                        lastLength += 1
                    }
                }
            }
            return literal.count >= 2 ? literal : nil
        }
    }

    /// A compiled regular expression that extractors on several tasks share.
    ///
    /// `Regex` is not `Sendable` because its output type need not be. This one is never mutated after it is
    /// made, its output (`AnyRegexOutput`) never leaves a match call, and it has been matched once before it
    /// is shared, so the lazy lowering of its program (itself initialised atomically) is done.
    final class CompiledPattern: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>

        init(_ regex: Regex<AnyRegexOutput>) {
            self.regex = regex
            _ = "warm-up 0".firstMatch(of: regex)
        }
    }
}
