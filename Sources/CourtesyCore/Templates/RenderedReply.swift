/// A drafted reply and where its words came from.
public struct RenderedReply: Sendable, Hashable {
    /// The reply text, plain (no markup, no escaping).
    public let text: String
    /// The template it came from: language, intent and platform file ("en/complaint.x").
    public let template: String
    /// The variant within the template, counting from 1 in file order.
    public let variant: Int
    /// The language of the reply; differs from the request when that language has no templates.
    public let language: String
}
