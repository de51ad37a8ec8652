extension Mention {
    /// The person who wrote a mention.
    public struct Author: Sendable, Hashable {
        /// The platform's stable id for the account.
        public var id: String
        /// The account's handle without `@`, if the platform has handles.
        public var handle: String?
        /// The name the account shows, if any; it may not be a person's name at all.
        public var displayName: String?
        /// How many accounts follow it (0 when unknown).
        public var followers: Int
        /// Whether the platform marks the account as verified.
        public var verified: Bool
        /// The account's locale or language tag (e.g. `en-US`), if known.
        public var locale: String?

        /// Creates an author.
        public init(
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
