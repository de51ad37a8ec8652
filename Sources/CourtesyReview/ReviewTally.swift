/// What one run of the review loop decided.
package struct ReviewTally: Sendable, Hashable {
    /// Drafts approved as drafted.
    package var approved = 0
    /// Drafts approved with edited text.
    package var edited = 0
    /// Drafts rejected.
    package var rejected = 0
    /// Conversations skipped without a decision.
    package var skipped = 0

    package init(approved: Int = 0, edited: Int = 0, rejected: Int = 0, skipped: Int = 0) {
        self.approved = approved
        self.edited = edited
        self.rejected = rejected
        self.skipped = skipped
    }

    /// One line: `Decided 3 (2 approved, 1 of them edited; 1 rejected); skipped 1.`
    package var summary: String {
        let decided = approved + edited + rejected
        var parts: [String] = []
        if approved + edited > 0 {
            parts.append("\(approved + edited) approved" + (edited > 0 ? ", \(edited) of them edited" : ""))
        }
        if rejected > 0 { parts.append("\(rejected) rejected") }
        let head = decided == 0 ? "Decided nothing" : "Decided \(decided) (\(parts.joined(separator: "; ")))"
        return head + (skipped > 0 ? "; skipped \(skipped)." : ".")
    }
}
