/// The names of the metrics Courtesy's services report, in one place (see docs/metrics.md).
package enum ServiceMetricName {
    /// Mention events the responder read.
    package static let mentionsConsumed = "courtesy_mentions_consumed_total"
    /// Drafts written, by `intent` and `priority`.
    package static let drafts = "courtesy_drafts_total"
    /// Drafts written, once per `topic` (segment) they mention: a spike in one segment shows here.
    package static let draftTopics = "courtesy_draft_topics_total"
    /// Mentions refused and sent to the dead-letter topic, by `reason`.
    package static let deadLetters = "courtesy_dead_letters_total"
    /// Seconds from a mention's Kafka timestamp to its draft being handed to the producer.
    package static let mentionToDraft = "courtesy_mention_to_draft_seconds"
    /// Drafts that took earlier contacts of their conversation into account.
    package static let repeatContacts = "courtesy_repeat_contacts_total"
    /// Conversations the responder remembers, over the partitions it owns.
    package static let memoryConversations = "courtesy_memory_conversations"
    /// Conversations forgotten, oldest first, to stay within the memory's budget.
    package static let memoryForgotten = "courtesy_memory_forgotten_total"
    /// Changelog records read back into the memory while rebuilding partitions.
    package static let memoryRecordsRestored = "courtesy_memory_records_restored_total"
    /// Changelog records that could not be read back while rebuilding, and were skipped.
    package static let memoryRecordsUnreadable = "courtesy_memory_records_unreadable_total"
    /// Seconds to rebuild the memory of newly assigned partitions from the changelog.
    package static let memoryRebuild = "courtesy_memory_rebuild_seconds"
    /// 1, labelled with the tone model in use (`model`: its identifier, or `rules`).
    package static let toneModel = "courtesy_tone_model_info"

    /// Drafts waiting at the desk, by `priority`.
    package static let pendingDrafts = "courtesy_desk_pending_drafts"
    /// Drafts waiting at the desk past their reply-by deadline.
    package static let overdueDrafts = "courtesy_desk_overdue_drafts"
    /// Decisions recorded through this desk, by `action` and `template`.
    package static let decisions = "courtesy_desk_decisions_total"
    /// Seconds from a draft's creation to the decision on it.
    package static let timeToDecision = "courtesy_desk_time_to_decision_seconds"
    /// Seconds from the mention being posted to its approved reply being acknowledged on the replies topic.
    package static let timeToFirstReply = "courtesy_desk_time_to_first_reply_seconds"
    /// Replies published, by `origin`: `approval`, or `recovery` for a reply an earlier run owed.
    package static let repliesPublished = "courtesy_desk_replies_published_total"
    /// Events the desk read from its topics, by `topic`.
    package static let deskEventsRead = "courtesy_desk_events_read_total"
    /// Events the desk could not decode and skipped, by `topic`.
    package static let deskUndecodableEvents = "courtesy_desk_undecodable_events_total"
    /// Drafts the desk keeps decided by a decision it cannot read back (never decided or published again).
    package static let deskUnreadableDecisions = "courtesy_desk_unreadable_decisions"
    /// 1 once the desk has read its topics up to where they ended at start, 0 while it rebuilds.
    package static let deskCaughtUp = "courtesy_desk_caught_up"
    /// Replies the publisher read from the replies topic.
    package static let publisherRepliesConsumed = "courtesy_publisher_replies_consumed_total"
    /// Replies a receiver accepted, by `platform`.
    package static let publisherPosted = "courtesy_publisher_posted_total"
    /// Posts that failed in a way worth trying again (5xx, 408, 429, timeout, connection), by `platform`.
    package static let publisherRetries = "courtesy_publisher_retries_total"
    /// Replies refused for good and sent to the replies' dead-letter topic, by `platform` and `reason`.
    package static let publisherFailed = "courtesy_publisher_failed_total"
    /// Seconds one post took, answer included, by `platform`.
    package static let publisherPostDuration = "courtesy_publisher_post_seconds"
    /// Seconds from a reply's approval to the receiver accepting it, by `platform`.
    package static let publisherApprovalToPost = "courtesy_publisher_approval_to_post_seconds"
    /// Replies taken from the topic and not yet settled (posted, refused or left to the next owner).
    package static let publisherInFlight = "courtesy_publisher_replies_in_flight"
    /// HTTP requests served, by `method`, `route` and `status`.
    package static let httpRequests = "courtesy_http_requests_total"
    /// Seconds to answer an HTTP request, by `route`.
    package static let httpRequestDuration = "courtesy_http_request_duration_seconds"
    /// HTTP connections open, by `listener` (`http`, or `metrics` for a separate metrics port).
    package static let httpOpenConnections = "courtesy_http_open_connections"
    /// HTTP connections closed as soon as they were accepted because the server had its maximum open,
    /// by `listener`.
    package static let httpConnectionsRefused = "courtesy_http_connections_refused_total"
    /// HTTP connections closed because the client was too slow, by `listener` and `phase`
    /// (`header`, `body`, `idle`, `response`).
    package static let httpConnectionsTimedOut = "courtesy_http_connections_timed_out_total"
    /// Reloads of the TLS certificate and key (on SIGHUP), by `outcome`: `success` or `failure`.
    package static let tlsReloads = "courtesy_http_tls_reloads_total"
}
