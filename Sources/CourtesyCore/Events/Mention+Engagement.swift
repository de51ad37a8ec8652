extension Mention {
    /// How much attention a mention had drawn when it was collected.
    package struct Engagement: Sendable, Hashable {
        /// Likes, favourites or reactions.
        package var likes: Int
        /// Replies or comments.
        package var replies: Int
        /// Shares, retweets or reposts.
        package var shares: Int

        /// Creates engagement counts.
        package init(likes: Int = 0, replies: Int = 0, shares: Int = 0) {
            self.likes = likes
            self.replies = replies
            self.shares = shares
        }
    }
}
