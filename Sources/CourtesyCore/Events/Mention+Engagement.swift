extension Mention {
    /// How much attention a mention had drawn when it was collected.
    public struct Engagement: Sendable, Hashable {
        /// Likes, favourites or reactions.
        public var likes: Int
        /// Replies or comments.
        public var replies: Int
        /// Shares, retweets or reposts.
        public var shares: Int

        /// Creates engagement counts.
        public init(likes: Int = 0, replies: Int = 0, shares: Int = 0) {
            self.likes = likes
            self.replies = replies
            self.shares = shares
        }
    }
}
