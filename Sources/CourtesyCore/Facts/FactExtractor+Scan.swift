extension FactExtractor {
    /// One pass of the built-in scanners over a text, through a sliding window of tokens.
    ///
    /// The tokenizer fills a fixed buffer; every token that has ``lookahead`` tokens after it (or the end of the
    /// text) is offered to the scanners, which may read up to ``lookback`` tokens before it and fewer than
    /// ``lookahead`` after it. The buffer then keeps its last tokens and is refilled, so a text of any length
    /// takes the same memory.
    struct Scan {
        static let capacity = 80
        static let lookahead = 32
        static let lookback = 16

        let text: UnsafeBufferPointer<UInt8>
        let tokens: UnsafeMutableBufferPointer<Token>
        let lexicon: Lexicon
        /// Tokens in the buffer.
        var count = 0
        /// Whether the buffer holds the text's last token.
        var ended = false
        var candidates: [Candidate] = []
        /// Keywords before this byte offset were already read as part of an earlier keyword's phrase.
        var identifiersReadTo = 0

        init(text: UnsafeBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<Token>, lexicon: Lexicon) {
            self.text = text
            self.tokens = tokens
            self.lexicon = lexicon
        }

        /// Runs the scanners over the whole text; returns which watched words the tokenizer saw (see
        /// ``Tokenizer``).
        mutating func run(watching watch: [UInt64] = []) -> UInt64 {
            var tokenizer = Tokenizer(text: text, lexicon: lexicon, watch: watch)
            var next = 0
            while true {
                while count < Self.capacity {
                    guard let token = tokenizer.next() else {
                        ended = true
                        break
                    }
                    tokens[count] = token
                    count += 1
                }
                let stop = ended ? count : count - Self.lookahead
                while next < stop {
                    offer(next)
                    next += 1
                }
                if ended { return tokenizer.seen }
                let drop = next - Self.lookback
                for index in drop..<count {
                    tokens[index - drop] = tokens[index]
                }
                count -= drop
                next -= drop
            }
        }

        private mutating func offer(_ index: Int) {
            let token = tokens[index]
            switch token.kind {
            case .word:
                guard token.meaning != 0 else { return }
                let meaning = lexicon.meanings[Int(token.meaning)]
                if meaning.keyword != nil && token.startOffset >= identifiersReadTo {
                    scanIdentifiers(at: index)
                }
                if meaning.roles.contains(.since) {
                    scanSince(at: index)
                }
                if meaning.roles.contains(.englishMonth) {
                    scanMonthFirstDate(at: index)
                }
                if meaning.number != 0 || meaning.roles.contains(.half) || meaning.roles.contains(.couple) {
                    scanDuration(at: index)
                }
            case .number:
                scanNumber(at: index)
            case .punctuation, .symbol, .skipped:
                return
            }
        }

        private mutating func scanNumber(at index: Int) {
            let digits = Int(tokens[index].mark)
            if digits == 4 {
                scanISODate(at: index)
            }
            if digits <= 2 {
                scanDayFirstDate(at: index)
            }
            if digits <= 3 {
                scanDuration(at: index)
            }
            scanAmount(at: index)
        }

        // MARK: Reading tokens

        /// The last index a scanner starting at `index` may read, exclusive.
        @inline(__always) func reach(from index: Int) -> Int {
            min(count, index + Self.lookahead)
        }

        /// Whether a scanner that stopped at `index` (exclusive bound `reach`) was stopped by the window rather
        /// than by the end of the text, so that what it read may go on.
        @inline(__always) func cut(at index: Int, reach: Int) -> Bool {
            index >= reach && (reach < count || !ended)
        }

        @inline(__always) func meaning(_ index: Int) -> Meaning {
            lexicon.meanings[Int(tokens[index].meaning)]
        }

        /// Whether the token at `index` exists and is a word with one of `roles`.
        @inline(__always) func isWord(_ index: Int, _ roles: Meaning.Roles) -> Bool {
            index >= 0 && index < count && tokens[index].kind == .word && tokens[index].meaning != 0
                && !meaning(index).roles.isDisjoint(with: roles)
        }

        /// Whether the token at `index` exists and is the punctuation `mark`.
        @inline(__always) func isPunctuation(_ index: Int, _ mark: UInt8) -> Bool {
            index >= 0 && index < count && tokens[index].kind == .punctuation && tokens[index].mark == mark
        }

        @inline(__always) func isNumber(_ index: Int) -> Bool {
            index >= 0 && index < count && tokens[index].kind == .number
        }

        /// Whether the tokens at `first` and `second` touch, with nothing between them.
        @inline(__always) func touch(_ first: Int, _ second: Int) -> Bool {
            first >= 0 && second < count && tokens[first].end == tokens[second].start
        }

        /// Whether between the tokens at `first` and `second` there is nothing or one space (ASCII, no-break
        /// or narrow no-break).
        func closeTogether(_ first: Int, _ second: Int) -> Bool {
            guard first >= 0 && second < count else { return false }
            let from = tokens[first].endOffset
            let to = tokens[second].startOffset
            switch to - from {
            case 0: return true
            case 1: return text[from] == 0x20
            case 2: return text[from] == 0xC2 && text[from + 1] == 0xA0
            case 3: return text[from] == 0xE2 && text[from + 1] == 0x80 && text[from + 2] == 0xAF
            default: return false
            }
        }

        /// Whether the token at `index` ends a sentence: `.`, `!`, `?`, `;`, a line break or their non-ASCII
        /// forms.
        func endsSentence(_ index: Int) -> Bool {
            guard tokens[index].kind == .punctuation else { return false }
            switch tokens[index].mark {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), 0x0A: return true
            default: return false
            }
        }

        /// The number a run of digit tokens spells, or `nil` past `limit` digits.
        func value(ofNumber index: Int, limit: Int = 9) -> Int? {
            guard tokens[index].length <= limit else { return nil }
            var value = 0
            for offset in tokens[index].startOffset..<tokens[index].endOffset {
                value = value * 10 + Int(text[offset] - UInt8(ascii: "0"))
            }
            return value
        }

        /// `text[start..<end]` as a string.
        func string(from start: Int, to end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
        }

        mutating func emit(_ kind: Fact.Kind, from start: Int, to end: Int, value: String, normalised: String) {
            if candidates.isEmpty {
                candidates.reserveCapacity(8)
            }
            candidates.append(
                Candidate(
                    fact: Fact(kind: kind, value: value, normalised: normalised, span: start..<end), start: start,
                    end: end, rank: Candidate.rank(of: kind)))
        }
    }
}
