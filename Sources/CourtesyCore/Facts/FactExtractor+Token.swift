extension FactExtractor {
    /// One word, number, punctuation mark or symbol of a text, by byte offsets; 12 bytes, so that a window of
    /// them fits on the stack.
    struct Token {
        enum Kind: UInt8 {
            /// A run of letters (ASCII or not); `mark` holds ``Token/upperCase``, ``Token/capitalised`` and
            /// ``Token/nonASCII``, `meaning` the word's entry in the lexicon or 0.
            case word
            /// A run of ASCII digits; `mark` is how many, at most 255.
            case number
            /// One punctuation character; `mark` is its ASCII byte, or `!` for a non-ASCII sentence end, `'`
            /// or `"` for a typographic quote and `-` for a dash.
            case punctuation
            /// Any other character; `mark` is a currency's index + 1, or 0.
            case symbol
            /// A handle, hashtag, link or e-mail address: never part of a fact.
            case skipped
        }

        /// Word mark: every letter is a capital, and there are at least two.
        static let upperCase: UInt8 = 1
        /// Word mark: the first letter is a capital.
        static let capitalised: UInt8 = 2
        /// Word mark: some letter is not ASCII.
        static let nonASCII: UInt8 = 4

        var start: UInt32
        var end: UInt32
        var kind: Kind
        var mark: UInt8
        var meaning: UInt16

        var startOffset: Int { Int(start) }
        var endOffset: Int { Int(end) }
        var length: Int { Int(end &- start) }
    }
}
