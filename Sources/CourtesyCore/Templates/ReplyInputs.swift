/// What fills a reply besides its template: the values the pipeline found for one mention.
struct ReplyInputs {
    /// The customer's first name, unsanitised.
    var customerName: String?
    /// The signing agent's first name, unsanitised.
    var agentName: String?
    /// The mention's topics, most important first.
    var topics: [String]
    /// What this mention says, in text order.
    var facts: [Fact] = []
    /// Identifiers from the conversation's earlier contacts, newest first: known, so never asked for.
    var earlierFacts: [Fact] = []
    /// The customer says they have already explained, been passed around or asked before.
    var repeated = false
    /// When the customer last wrote, if they did within the memory's window.
    var previousContact: Timestamp?
    /// When the mention was posted: what ``previousContact`` is told relative to.
    var mentionTime = Timestamp(millisecondsSinceEpoch: 0)
    /// The business the mention is about, for its words; nil when not evident.
    var industry: Industry?
    /// Whether the mention reports a danger to safety or health.
    var safety = false
    /// The member of staff the mention praises by name, unsanitised.
    var staffName: String?
    /// The praise came with a complaint or a problem named: no like, share or review asked for.
    var mixed = false
    /// The brand's own topic phrases by language, then topic (``BrandProfile/phrases``), tried first.
    var brandPhrases: [String: [String: String]] = [:]
}

extension ReplyInputs {
    /// Leaves `unwanted` out of ``topics``. The array is the classification's until then, and removing
    /// copies it even when nothing goes, so it is asked first.
    mutating func leaveOutTopics(_ unwanted: Set<String>) {
        guard topics.contains(where: unwanted.contains) else { return }
        topics.removeAll { unwanted.contains($0) }
    }
}
