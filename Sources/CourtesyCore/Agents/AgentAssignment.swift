/// The agent chosen for a conversation and how well they fit.
public struct AgentAssignment: Sendable, Hashable {
    /// The agent.
    public let agent: Agent
    /// How well the agent fits; `.offShift` means nobody is working now.
    public let match: AgentMatch

    /// Whether the agent is working now (every match but `.offShift`).
    public var isOnShift: Bool { match != .offShift }
}
