/// A drafted reply and where its words came from.
package struct RenderedReply: Sendable, Hashable {
    /// The reply text, plain (no markup, no escaping).
    package let text: String
    /// The template it came from: language, intent and platform file ("en/complaint.x").
    package let template: String
    /// The variant within the template, counting from 1 in file order.
    package let variant: Int
    /// The language of the reply; differs from the request when that language has no templates.
    package let language: String
}
