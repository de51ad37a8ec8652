/// "Did you mean …?" for a mistyped subcommand: the known name closest to what was typed.
package enum CommandSuggestion {
    /// The name among `names` that `word` most likely misspells: one it starts (`appr` → `approve`), or
    /// the closest by edit distance (a letter missing, extra, changed or two swapped), at most one edit
    /// for words of up to four letters and two for longer ones; nil when none is close.
    package static func closest(to word: String, among names: [String]) -> String? {
        let typed = word.lowercased()
        guard !typed.isEmpty else { return nil }
        let starting = names.filter { $0.hasPrefix(typed) }
        if starting.count == 1 { return starting[0] }
        let allowed = typed.count <= 4 ? 1 : 2
        let scored = names.map { (name: $0, distance: distance(typed, $0)) }.filter { $0.distance <= allowed }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        // Two names equally close: guessing one would mislead.
        return scored.filter { $0.distance == best.distance }.count == 1 ? best.name : nil
    }

    /// The error for an unknown subcommand `word` of `command`: `unknown command "aprove" for
    /// courtesy review: did you mean 'approve'? (commands: list, show, …)`, the word shown as typed.
    package static func message(unknown word: String, command: String, names: [String]) -> String {
        let suggestion = closest(to: word, among: names).map { ": did you mean '\($0)'?" } ?? ""
        return "unknown command \(TerminalText.quoted(word)) for \(command)\(suggestion) "
            + "(commands: \(names.joined(separator: ", ")))"
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and transpositions of
    /// two neighbours each count one.
    static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
