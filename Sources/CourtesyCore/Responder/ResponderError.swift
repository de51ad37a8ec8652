/// Why the responder could not draft a reply to one event.
///
/// Every error has a machine-readable ``reason`` (for a dead-letter header or an error record) and a
/// one-line human ``message``; decoding errors also name the field and the byte offset when known.
package struct ResponderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    package var reason: Reason
    /// A one-line explanation for people, e.g. `missing field "text"`.
    package var message: String
    /// The dotted path of the field concerned, if any (`author.followers`).
    package var field: String?
    /// The byte offset in the event where the problem was found, if known.
    package var offset: Int?

    /// Creates an error.
    package init(_ reason: Reason, message: String, field: String? = nil, offset: Int? = nil) {
        self.reason = reason
        self.message = message
        self.field = field
        self.offset = offset
    }

    /// The error for an event that could not be decoded.
    package init(decoding error: EventDecodingError) {
        self.init(Reason(error.kind), message: error.description, field: error.field, offset: error.offset)
    }

    /// The error for a reply that could not be rendered.
    package init(rendering error: TemplateError) {
        let reason: Reason
        switch error {
        case .noVariantFits: reason = .replyTooLong
        case .noTemplate, .unreadable, .invalidTemplates: reason = .noTemplate
        }
        self.init(reason, message: error.description)
    }

    /// `reason: message`.
    package var description: String { "\(reason.rawValue): \(message)" }
}
