/// A mention a sample customer will post later in the same conversation, because nobody answered.
struct SampleFollowUp {
    /// When it arrives in the stream, in milliseconds since the epoch.
    let arrival: Int64
    /// How long after posting it is collected, in milliseconds (the same as the first mention's).
    let lag: Int64
    /// The customer, and the first mention's brand (an index into ``SampleBrand/all``), segment (for a
    /// complaint), language and risk.
    let author: Mention.Author
    let platform: Platform
    let brand: Int
    let segment: SampleSegment?
    let spanish: Bool
    let highRisk: Bool
    /// The id of the customer's previous mention, which an X reply threads under.
    let previousID: String
}
