extension Mention {
    /// The person who wrote a mention.
    package struct Author: Sendable, Hashable {
        /// The platform's stable id for the account.
        package var id: String
        /// The account's handle without `@`, if the platform has handles.
        package var handle: String?
        /// The name the account shows, if any; it may not be a person's name at all.
        package var displayName: String?
        /// How many accounts follow it (0 when unknown).
        package var followers: Int
        /// Whether the platform marks the account as verified.
        package var verified: Bool
        /// The account's locale or language tag (e.g. `en-US`), if known.
        package var locale: String?

        /// Creates an author.
        package init(
            id: String, handle: String? = nil, displayName: String? = nil, followers: Int = 0, verified: Bool = false,
            locale: String? = nil
        ) {
            self.id = id
            self.handle = handle
            self.displayName = displayName
            self.followers = followers
            self.verified = verified
            self.locale = locale
        }
    }
}
