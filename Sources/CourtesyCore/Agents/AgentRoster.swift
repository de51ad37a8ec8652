import Foundation

/// The agents who sign replies, and the rule that picks one for a conversation.
///
/// Assignment uses rendezvous (highest-random-weight) hashing: every candidate agent gets a weight
/// from a stable hash of (conversation key, agent id) and the heaviest wins. Every responder instance
/// therefore picks the same agent for the same conversation without sharing any state, a conversation
/// keeps its agent while that agent stays a candidate, and when an agent leaves or joins only their
/// share of conversations moves.
public struct AgentRoster: Sendable {
    /// The agents, in roster order.
    public let agents: [Agent]
    private let idHashes: [UInt64]

    /// A roster of the agents given.
    /// - Throws: `RosterError.empty` without agents, `RosterError.duplicateID` when ids repeat.
    public init(agents: [Agent]) throws {
        guard !agents.isEmpty else { throw RosterError.empty }
        var seen = Set<String>()
        for agent in agents where !seen.insert(agent.id).inserted {
            throw RosterError.duplicateID(agent.id)
        }
        self.agents = agents
        self.idHashes = agents.map { StableHash.hash($0.id) }
    }

    /// The agent for a conversation.
    ///
    /// Candidates are, in order of preference: agents on shift who write the language, narrowed to
    /// those whose skills cover every topic, else those covering the most topics; then agents on shift
    /// in any language; and when nobody is on shift, the same rules over every agent, flagged
    /// `.offShift` so the caller can hold the draft for the next shift or sign it without a name.
    /// - Parameters:
    ///   - conversation: the conversation key (`platform:authorId`); the same key gets the same agent.
    ///   - topics: the topics of the mention ("delivery", "billing"), any case.
    ///   - language: the language of the reply ("en").
    ///   - date: the instant the shifts are checked at.
    public func assign(conversation: String, topics: [String], language: String, at date: Date) -> AgentAssignment {
        let topics = topics.map { $0.lowercased() }
        let language = language.lowercased()
        let onShift = agents.indices.filter { agents[$0].isOnShift(at: date) }
        if !onShift.isEmpty {
            let speakers = onShift.filter { agents[$0].languages.contains(language) }
            if !speakers.isEmpty {
                let (chosen, match) = bestSkilled(among: speakers, topics: topics)
                return AgentAssignment(agent: agents[pick(conversation, among: chosen)], match: match)
            }
            return AgentAssignment(agent: agents[pick(conversation, among: onShift)], match: .otherLanguage)
        }
        let everyone = Array(agents.indices)
        let speakers = everyone.filter { agents[$0].languages.contains(language) }
        let (chosen, _) = bestSkilled(among: speakers.isEmpty ? everyone : speakers, topics: topics)
        return AgentAssignment(agent: agents[pick(conversation, among: chosen)], match: .offShift)
    }

    /// The candidates whose skills cover the topics best, and how well.
    private func bestSkilled(among candidates: [Int], topics: [String]) -> ([Int], AgentMatch) {
        guard !topics.isEmpty else { return (candidates, .skills) }
        let coverage = candidates.map { agents[$0].coverage(of: topics) }
        let best = coverage.max() ?? 0
        guard best > 0 else { return (candidates, .language) }
        let chosen = zip(candidates, coverage).filter { $0.1 == best }.map(\.0)
        return (chosen, best == topics.count ? .skills : .partialSkills)
    }

    /// The candidate with the highest rendezvous weight for the conversation.
    private func pick(_ conversation: String, among candidates: [Int]) -> Int {
        let key = StableHash.hash(conversation)
        var best = candidates[0]
        var bestWeight = StableHash.combine(key, idHashes[best])
        for index in candidates.dropFirst() {
            let weight = StableHash.combine(key, idHashes[index])
            if weight > bestWeight || (weight == bestWeight && agents[index].id < agents[best].id) {
                best = index
                bestWeight = weight
            }
        }
        return best
    }
}
