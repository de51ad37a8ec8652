/// Something the customer already told us in a mention: an identifier, how long they have waited, an
/// amount or a date, with where it is in the text.
///
/// Facts are found by ``FactExtractor``, deterministically: the same text always gives the same facts.
/// They become template values (`{{order}}`, `{{duration}}`…) so that a reply uses them and never asks
/// for them again, and they are part of the `courtesy.draft/v1` event (`facts`).
package struct Fact: Sendable, Hashable {
    /// What a fact is.
    package enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        /// An order number.
        case order
        /// A booking, reservation or confirmation reference (an airline PNR, a hotel confirmation).
        case booking
        /// A flight number.
        case flight
        /// A parcel, shipment or tracking number.
        case tracking
        /// A case, ticket or complaint reference given by customer care.
        case `case`
        /// How long the customer has waited ("5 days", "two hours", "since Monday").
        case duration
        /// An amount of money with its currency ("$49.99", "30 EUR").
        case amount
        /// A calendar date ("3 March", "2026-03-03").
        case date
        /// One of the brand's products, from its facts configuration.
        case product

        /// The kinds that identify something the brand can look up; a reply never asks for one the
        /// customer already gave.
        package static let identifiers: [Kind] = [.order, .booking, .flight, .tracking, .case]

        /// Whether the kind identifies something the brand can look up.
        package var isIdentifier: Bool { Self.identifiers.contains(self) }

        package static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What the fact is.
    package var kind: Kind
    /// The fact as a reply may quote it: "#48213", "SK1807", "5 days", "$49.99".
    package var value: String
    /// A canonical form for comparing and looking up: "48213", "SK1807", "P5D", "49.99 USD", "2026-03-03".
    package var normalised: String
    /// Where the fact is in the mention's text, as UTF-8 byte offsets; `nil` for a fact remembered from
    /// an earlier contact.
    package var span: Range<Int>?

    /// A fact; see the properties.
    package init(kind: Kind, value: String, normalised: String, span: Range<Int>?) {
        self.kind = kind
        self.value = value
        self.normalised = normalised
        self.span = span
    }
}
