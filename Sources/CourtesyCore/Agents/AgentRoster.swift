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
    /// The distinct time zones, so each is asked for its offset once per assignment.
    private let zones: [TimeZone]
    private let zoneOfAgent: [Int]
    /// Agent indices by language and by skill; generalists (`*`) cover every topic.
    private let speakers: [String: [Int]]
    private let skilled: [String: [Int]]
    private let generalists: [Int]

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
        var zones: [TimeZone] = []
        var zoneOfAgent: [Int] = []
        var speakers: [String: [Int]] = [:]
        var skilled: [String: [Int]] = [:]
        var generalists: [Int] = []
        for (index, agent) in agents.enumerated() {
            if let zone = zones.firstIndex(of: agent.timeZone) {
                zoneOfAgent.append(zone)
            } else {
                zoneOfAgent.append(zones.count)
                zones.append(agent.timeZone)
            }
            for language in agent.languages { speakers[language, default: []].append(index) }
            if agent.skills.contains("*") {
                generalists.append(index)
            } else {
                for skill in agent.skills { skilled[skill, default: []].append(index) }
            }
        }
        self.zones = zones
        self.zoneOfAgent = zoneOfAgent
        self.speakers = speakers
        self.skilled = skilled
        self.generalists = generalists
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
    ///   - language: the language of the reply ("en"), any case.
    ///   - date: the instant the shifts are checked at.
    public func assign(conversation: String, topics: [String], language: String, at date: Date) -> AgentAssignment {
        let epochSeconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offsets = zones.map { $0.secondsFromGMT(for: date) }
        var onShift = [Bool](repeating: false, count: agents.count)
        var anyOnShift = false
        for index in agents.indices
        where agents[index].isOnShift(localSeconds: epochSeconds + offsets[zoneOfAgent[index]]) {
            onShift[index] = true
            anyOnShift = true
        }
        let languageSpeakers = speakers[language] ?? speakers[language.lowercased()] ?? []
        if anyOnShift {
            let candidates = languageSpeakers.filter { onShift[$0] }
            if !candidates.isEmpty {
                let (chosen, match) = bestSkilled(among: candidates, topics: topics)
                return AgentAssignment(agent: agents[pick(conversation, among: chosen)], match: match)
            }
            let everyoneOnShift = agents.indices.filter { onShift[$0] }
            return AgentAssignment(agent: agents[pick(conversation, among: everyoneOnShift)], match: .otherLanguage)
        }
        let candidates = languageSpeakers.isEmpty ? Array(agents.indices) : languageSpeakers
        let (chosen, _) = bestSkilled(among: candidates, topics: topics)
        return AgentAssignment(agent: agents[pick(conversation, among: chosen)], match: .offShift)
    }

    /// The candidates whose skills cover the topics best, and how well.
    private func bestSkilled(among candidates: [Int], topics: [String]) -> ([Int], AgentMatch) {
        guard !topics.isEmpty else { return (candidates, .skills) }
        var coverage = [Int](repeating: 0, count: agents.count)
        for topic in topics {
            for index in skilled[topic] ?? skilled[topic.lowercased()] ?? [] { coverage[index] += 1 }
        }
        for index in generalists { coverage[index] = topics.count }
        let best = candidates.reduce(0) { max($0, coverage[$1]) }
        guard best > 0 else { return (candidates, .language) }
        let chosen = candidates.filter { coverage[$0] == best }
        return (chosen, best >= topics.count ? .skills : .partialSkills)
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
