/// The names of the metrics Courtesy's services report, in one place (see docs/metrics.md).
public enum ServiceMetricName {
    /// Mention events the responder read.
    public static let mentionsConsumed = "courtesy_mentions_consumed_total"
    /// Drafts written, by `intent` and `priority`.
    public static let drafts = "courtesy_drafts_total"
    /// Drafts written, once per `topic` (segment) they mention: a spike in one segment shows here.
    public static let draftTopics = "courtesy_draft_topics_total"
    /// Mentions refused and sent to the dead-letter topic, by `reason`.
    public static let deadLetters = "courtesy_dead_letters_total"
    /// Seconds from a mention's Kafka timestamp to its draft being handed to the producer.
    public static let mentionToDraft = "courtesy_mention_to_draft_seconds"
}
