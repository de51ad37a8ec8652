extension Classifier {
    /// A line per token and a summary line, showing how a text was scored; for tuning configurations.
    package func explain(text: String) -> [String] {
        let (tokens, _, analysis, _) = score(text, locale: nil)
        var lines: [String] = []
        for (index, token) in tokens.enumerated() {
            let entry = token.entry >= 0 ? lexicon.entries[Int(token.entry)] : LexiconEntry()
            lines.append(
                "\(index) \(token.kind) clause \(token.clause)\(token.allCaps ? " CAPS" : "") "
                    + "known \(token.entry >= 0) valence \(entry.valence) cue \(token.cue)"
                    + "\(token.inPhrase ? " phrase" : "")\(token.sarcastic ? " sarcastic" : "")")
        }
        lines.append(
            "total \(formatFixed(analysis.total, fractionDigits: 3)) sentiment "
                + "\(formatFixed(analysis.sentiment, fractionDigits: 3)) complaint "
                + "\(formatFixed(analysis.complaint, fractionDigits: 2)) praise \(formatFixed(analysis.praise, fractionDigits: 2)) "
                + "negative \(formatFixed(analysis.blockingNegative, fractionDigits: 2)) sarcasm \(analysis.sarcasm) "
                + "question \(analysis.question) request \(analysis.request)")
        return lines
    }
}
