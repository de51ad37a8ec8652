/// A rule every draft is held to by `courtesy eval drafts`: each names something a care lead would send back.
package enum DraftRule: String, CaseIterable, Sendable, Hashable {
    /// A complaint, threat or flagged mention answered without an apology, or with a light line
    /// ("thanks for tagging us", "good question").
    case breezy = "breezy-reply"
    /// A shop's words ("order", "delivery") in a reply about a flight, a hotel, a phone line or a bank.
    case shopWords = "shop-words"
    /// Talk of direct or private messages in a chat or an e-mail, where the customer already is.
    case directMessageInPrivate = "dm-in-private"
    /// A like, share or review asked for in a private channel, or after anything but plain praise.
    case begging
    /// An identifier asked for that the customer already gave, in this mention or an earlier one.
    case askedForGiven = "asked-for-given"
    /// A reply in another language than the mention's.
    case wrongLanguage = "wrong-language"
    /// A reply longer than its platform allows, or a mention no template could answer within it.
    case overLength = "over-length"
    /// One opening sentence starting too many of a language's drafts: replies that sound canned.
    case overusedOpening = "overused-opening"
    /// Praise for a member of staff by name ("shout out to Farah") answered without their name.
    case unnamedStaff = "unnamed-staff"

    /// What the rule catches, in a few words.
    package var summary: String {
        switch self {
        case .breezy: "a complaint, threat or flagged mention answered lightly or without an apology"
        case .shopWords: "a shop's words (order, delivery) for a mention about another business"
        case .directMessageInPrivate: "\"DM us\" talk in a chat or an e-mail"
        case .begging: "a like, share or review asked for in private, or after anything but plain praise"
        case .askedForGiven: "an identifier asked for that the customer already gave"
        case .wrongLanguage: "a reply in another language than the mention's"
        case .overLength: "a reply over its platform's length limit"
        case .overusedOpening: "the same opening sentence in too many drafts"
        case .unnamedStaff: "praise for a named member of staff that does not name them"
        }
    }
}
