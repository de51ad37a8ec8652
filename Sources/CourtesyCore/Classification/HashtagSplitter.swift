/// Splits a hashtag the lexicon does not know into the words it runs together, so that
/// "#NotHappy", "#bestairlineever" or "#customerservicewin" are scored like the words they hold.
///
/// Capitals inside a tag mark word boundaries ("#TrueBlueLove"). A run in one case is split only
/// when known words cover every letter of it, with as few words as possible ("nothappy" → "not
/// happy"); otherwise it stays one token, so that a name such as "#chicago" never yields "chic".
enum HashtagSplitter {
    /// Tags longer than this are left alone.
    static let longestTag = 48
    /// The longest word looked for inside a tag.
    static let longestWord = 16

    /// Appends the words of the hashtag `text[start..<end]` to `tokens` and returns true, or
    /// returns false (appending nothing) when the tag does not split into at least two parts.
    static func split(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, token: Token, vocabulary: LexiconTable?,
        into tokens: inout [Token]
    ) -> Bool {
        guard let vocabulary, end - start >= 4, end - start <= longestTag else { return false }
        for position in start..<end where !Tokenizer.isASCIILetter(text[position]) {
            return false
        }
        let first = tokens.count
        var runStart = start
        for position in start...end {
            let boundary =
                position == end
                || position > start && isUpper(text[position]) && !isUpper(text[position - 1])
            guard boundary else { continue }
            appendRun(text, from: runStart, to: position, token: token, vocabulary: vocabulary, into: &tokens)
            runStart = position
        }
        if tokens.count - first < 2 {
            tokens.removeSubrange(first...)
            return false
        }
        return true
    }

    /// Appends one case-delimited run: split into known words when they cover it, else whole.
    private static func appendRun(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, token: Token, vocabulary: LexiconTable,
        into tokens: inout [Token]
    ) {
        let length = end - start
        let whole = hash(text, from: start, to: end)
        guard length >= 4, vocabulary.lookup(whole) < 0 else {
            tokens.append(part(token, hash: whole, letters: length))
            return
        }
        withUnsafeTemporaryAllocation(of: Int8.self, capacity: 2 * (length + 1)) { table in
            // table[i]: fewest words covering the first i letters (-1: not coverable);
            // table[length + 1 + i]: where the last of those words starts.
            let words = UnsafeMutableBufferPointer(rebasing: table[0...length])
            let starts = UnsafeMutableBufferPointer(rebasing: table[(length + 1)...])
            words.initialize(repeating: -1)
            starts.initialize(repeating: 0)
            words[0] = 0
            for from in 0..<length where words[from] >= 0 {
                var key = Tokenizer.fnvOffset
                for to in (from + 1)...min(length, from + longestWord) {
                    key = (key ^ UInt64(text[start + to - 1] | 0x20)) &* Tokenizer.fnvPrime
                    if to - from >= 2 && (words[to] < 0 || words[from] + 1 < words[to])
                        && vocabulary.lookup(key) >= 0
                    {
                        words[to] = words[from] + 1
                        starts[to] = Int8(from)
                    }
                }
            }
            guard words[length] >= 2 else {
                tokens.append(part(token, hash: whole, letters: length))
                return
            }
            let first = tokens.count
            var to = length
            while to > 0 {
                let from = Int(starts[to])
                tokens.append(part(token, hash: hash(text, from: start + from, to: start + to), letters: to - from))
                to = from
            }
            tokens[first...].reverse()
        }
    }

    private static func part(_ token: Token, hash: UInt64, letters: Int) -> Token {
        Token(
            hash: hash, kind: .hashtag, allCaps: false, clause: token.clause, number: 0,
            letters: UInt16(clamping: letters))
    }

    private static func hash(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var key = Tokenizer.fnvOffset
        for position in start..<end {
            key = (key ^ UInt64(text[position] | 0x20)) &* Tokenizer.fnvPrime
        }
        return key
    }

    @inline(__always) private static func isUpper(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }
}
