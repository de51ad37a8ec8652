/// Finds the facts a customer gives in a mention: identifiers (order, booking, flight, tracking and case
/// numbers), how long they have waited, amounts of money, dates, and the brand's products.
///
/// The built-in patterns are hand-written scanners over the text's UTF-8 bytes, for the per-mention hot path;
/// the brand's own identifier formats (regular expressions) and products come from a ``FactConfiguration``.
/// docs/facts.md gives the rules, the normalised forms and the measured cost. Deterministic: the same text
/// and configuration always give the same facts. Build one and reuse it; it is cheap to copy and to share.
package struct FactExtractor: Sendable {
    /// The brand's identifier formats and products.
    package let configuration: FactConfiguration
    let lexicon: Lexicon

    /// An extractor with the built-in patterns and `configuration`'s.
    package init(configuration: FactConfiguration = FactConfiguration()) {
        self.configuration = configuration
        lexicon = Lexicon.shared
    }

    /// The facts in `text`, sorted by where they start, no two overlapping; spans are UTF-8 byte offsets
    /// into `text`. Where a brand's format or product overlaps a built-in fact, the brand's wins.
    package func facts(in text: String) -> [Fact] {
        if let facts = text.utf8.withContiguousStorageIfAvailable({ facts(in: text, bytes: $0) }) {
            return facts
        }
        return Array(text.utf8).withUnsafeBufferPointer { facts(in: text, bytes: $0) }
    }

    private func facts(in text: String, bytes whole: UnsafeBufferPointer<UInt8>) -> [Fact] {
        // Tokens keep 32-bit offsets: a text past 4 GiB is read up to there.
        let bytes = whole.count < Int(UInt32.max) ? whole : UnsafeBufferPointer(rebasing: whole[..<Int(UInt32.max)])
        let (builtIn, seen) = withUnsafeTemporaryAllocation(of: Token.self, capacity: Scan.capacity) { tokens in
            var scan = Scan(text: bytes, tokens: tokens, lexicon: lexicon)
            let seen = scan.run(watching: configuration.watch)
            return (scan.candidates, seen)
        }
        let custom = configuration.isEmpty ? [] : customCandidates(in: text, bytes: bytes, seen: seen)
        return Candidate.resolve(custom: custom, builtIn: builtIn)
    }
}
