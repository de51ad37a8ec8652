/// What Courtesy knows of one brand beyond its mentions: its business, the accounts it replies from,
/// how replies are signed, and its own words for topics. Every part is optional.
package struct BrandProfile: Sendable, Hashable {
    /// How a reply is signed.
    package enum SignOff: String, Sendable, Hashable, CaseIterable {
        /// With the agent's first name ("^Sam", "– Sam"), as the templates write it: the default.
        case name
        /// With the agent's initials ("^SL").
        case initials
        /// Not signed: the reply speaks for the team.
        case none
    }

    /// The brand's name in mention events (`brand`).
    package var brand: String
    /// The brand's business; when set, it decides topics and wording instead of the mention's own words.
    package var industry: Industry?
    /// The language replies fall back to when a mention's language has no templates.
    package var fallbackLanguage: String?
    /// How replies are signed.
    package var signOff: SignOff
    /// The account each platform's reply is sent from ("@SkylarkAir" on X).
    package var accounts: [Platform: String]
    /// The brand's own phrase for a topic, by language then topic ("booking" rather than "order").
    package var phrases: [String: [String: String]]

    package init(
        brand: String, industry: Industry? = nil, fallbackLanguage: String? = nil, signOff: SignOff = .name,
        accounts: [Platform: String] = [:], phrases: [String: [String: String]] = [:]
    ) {
        self.brand = brand
        self.industry = industry
        self.fallbackLanguage = fallbackLanguage
        self.signOff = signOff
        self.accounts = accounts
        self.phrases = phrases
    }

    /// The signature an agent's full name gives under this profile, or nil when replies are unsigned.
    package func signature(firstName: String, fullName: String) -> String? {
        switch signOff {
        case .name: return firstName
        case .none: return nil
        case .initials:
            let initials = fullName.split(whereSeparator: \.isWhitespace).compactMap(\.first).map(String.init)
            return initials.isEmpty ? nil : initials.joined().uppercased()
        }
    }
}
