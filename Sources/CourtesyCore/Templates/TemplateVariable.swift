/// A value a reply template may use. Nothing else is available to templates.
///
/// Every variable may be absent, so templates use it inside its own section:
/// `{{#customer}}Hi {{customer}}!{{/customer}}{{^customer}}Hi there!{{/customer}}`.
package enum TemplateVariable: String, Sendable, Hashable, CaseIterable {
    /// The customer's first name (letters, spaces, hyphens, apostrophes), absent when unknown.
    case customer
    /// The agent's first name, absent when no agent signs the reply.
    case agent
    /// A phrase for the mention's first known topic from the language's `topics.json` ("your delivery").
    case topic
    /// The order number the customer gave, now or in an earlier contact ("#48213").
    case order
    /// The booking or confirmation reference ("QXKZTP").
    case booking
    /// The flight number ("SK1807").
    case flight
    /// The parcel or tracking number.
    case tracking
    /// The case or ticket number ("#99120").
    case `case`
    /// How long the customer says they have waited ("5 days", "since Monday").
    case duration
    /// An amount of money the customer named ("$49.99").
    case amount
    /// The first identifier the customer gave, with its noun from the language's `facts.json`
    /// ("order #48213", "flight SK1807"): for a reply that refers to whatever the customer gave.
    case reference
    /// When the customer last wrote to us, in the language's words from `facts.json`
    /// ("earlier today", "yesterday", "on Monday"); absent on a first contact.
    case previous
    /// A flag, never a value: the customer says they have already explained, been passed around or
    /// asked before.
    case repeated
    /// What to ask for when the reply needs an identifier the customer has not given, in the words of the
    /// mention's industry from the language's `facts.json` ("your booking reference" to an airline
    /// passenger, "your order number" to a shopper). Always present, so it needs no section; the never-ask
    /// rule allows it only where `reference` is absent.
    case askFor
    /// A flag: the mention reports a danger to safety or health (fire, injury, medical need).
    case safety
    /// The first name of the member of staff a compliment praises ("Farah"), absent otherwise
    /// (``NameExtractor/praisedStaff(in:customer:)``).
    case staff
    /// A flag: the praise came with a complaint or a problem named (``Classification/mixed``), so the
    /// reply must not ask for a like, a share or a review: `{{^mixed}} Give us a like!{{/mixed}}`.
    case mixed

    /// Whether the variable is only ever a section (present or absent), never written as a value.
    var isFlag: Bool { self == .repeated || self == .safety || self == .mixed }

    /// Whether every reply has a value for the variable, so templates write it without a section and it
    /// adds no forms.
    var isAlwaysPresent: Bool { self == .askFor }

    /// The variable's position among ``allCases``.
    var index: Int {
        switch self {
        case .customer: 0
        case .agent: 1
        case .topic: 2
        case .order: 3
        case .booking: 4
        case .flight: 5
        case .tracking: 6
        case .case: 7
        case .duration: 8
        case .amount: 9
        case .reference: 10
        case .previous: 11
        case .repeated: 12
        case .askFor: 13
        case .safety: 14
        case .staff: 15
        case .mixed: 16
        }
    }

    /// The template variable that carries a fact of this kind, if any.
    static func forFact(_ kind: Fact.Kind) -> TemplateVariable? {
        switch kind {
        case .order: .order
        case .booking: .booking
        case .flight: .flight
        case .tracking: .tracking
        case .case: .case
        case .duration: .duration
        case .amount: .amount
        case .date, .product: nil
        }
    }

    /// A private-use character that stands for the variable while templates are compiled; values can
    /// never contain it because sanitising removes private-use characters.
    var placeholder: Unicode.Scalar { Unicode.Scalar(0xE000 + UInt32(index))! }

    /// The bit of the variable in a presence mask.
    var bit: Int { 1 << index }

    /// The variable a placeholder stands for.
    static func forPlaceholder(_ scalar: Unicode.Scalar) -> TemplateVariable? {
        // Asked of every character of every form while templates compile: no array for ordinary text.
        guard scalar.value >= 0xE000, scalar.value < 0xE000 + UInt32(byIndex.count) else { return nil }
        return byIndex[Int(scalar.value) - 0xE000]
    }

    /// ``allCases``, made once.
    private static let byIndex = allCases

    /// The most variables one variant may use: its forms, one per combination of the variables it uses,
    /// are compiled when the templates load.
    static let maximumPerVariant = 8
}
