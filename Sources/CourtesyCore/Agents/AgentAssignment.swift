/// The agent chosen for a conversation and how well they fit.
package struct AgentAssignment: Sendable, Hashable {
    /// The agent.
    package let agent: Agent
    /// How well the agent fits; `.offShift` means nobody is working now.
    package let match: AgentMatch

    /// Whether the agent is working now (every match but `.offShift`).
    package var isOnShift: Bool { match != .offShift }
}
