/// Which pending drafts to list; a `nil` criterion matches every draft.
package struct DeskFilter: Sendable, Hashable {
    /// Only drafts for mentions with this intent.
    package var intent: Intent?
    /// Only drafts at this priority level.
    package var priority: PriorityLevel?
    /// Only drafts for this platform.
    package var platform: Platform?
    /// Only drafts assigned to the agent with this id.
    package var agentId: String?

    /// Creates a filter; with no arguments it matches everything.
    package init(
        intent: Intent? = nil, priority: PriorityLevel? = nil, platform: Platform? = nil, agentId: String? = nil
    ) {
        self.intent = intent
        self.priority = priority
        self.platform = platform
        self.agentId = agentId
    }

    /// Whether `draft` meets every criterion set.
    package func matches(_ draft: Draft) -> Bool {
        if let intent, draft.intent != intent { return false }
        if let priority, draft.priority.level != priority { return false }
        if let platform, draft.platform != platform { return false }
        if let agentId, draft.agent.id != agentId { return false }
        return true
    }
}
