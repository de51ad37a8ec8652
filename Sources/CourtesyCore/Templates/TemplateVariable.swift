/// A value a reply template may use. Nothing else is available to templates.
///
/// Every variable may be absent, so templates use it inside its own section:
/// `{{#customer}}Hi {{customer}}!{{/customer}}{{^customer}}Hi there!{{/customer}}`.
public enum TemplateVariable: String, Sendable, Hashable, CaseIterable {
    /// The customer's first name (letters, spaces, hyphens, apostrophes), absent when unknown.
    case customer
    /// The agent's first name, absent when no agent signs the reply.
    case agent
    /// A phrase for the mention's first known topic from the language's `topics.json` ("your delivery").
    case topic

    /// A private-use character that stands for the variable while templates are compiled; values can
    /// never contain it because sanitising removes private-use characters.
    var placeholder: Unicode.Scalar {
        switch self {
        case .customer: "\u{E000}"
        case .agent: "\u{E001}"
        case .topic: "\u{E002}"
        }
    }

    /// The bit of the variable in a presence mask.
    var bit: Int {
        switch self {
        case .customer: 1
        case .agent: 2
        case .topic: 4
        }
    }

    /// The variable a placeholder stands for.
    static func forPlaceholder(_ scalar: Unicode.Scalar) -> TemplateVariable? {
        switch scalar {
        case "\u{E000}": .customer
        case "\u{E001}": .agent
        case "\u{E002}": .topic
        default: nil
        }
    }

    /// The number of presence masks (every combination of present and absent variables).
    static let maskCount = 1 << allCases.count
}
