/// What the name extractor's ASCII fast path decided.
enum ASCIINameOutcome: Equatable {
    /// The fast path decided: greet with this first name, or without one (`nil`).
    case decided(String?)
    /// The input has something only the general path handles (non-ASCII, digits, punctuation...).
    case notHandled
}
