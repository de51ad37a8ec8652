import Foundation

/// The agents who sign replies, and the rule that picks one for a conversation.
///
/// Assignment uses rendezvous (highest-random-weight) hashing: every candidate agent gets a weight
/// from a stable hash of (conversation key, agent id) and the heaviest wins. Every responder instance
/// therefore picks the same agent for the same conversation without sharing any state, a conversation
/// keeps its agent while that agent stays a candidate, and when an agent leaves or joins only their
/// share of conversations moves.
package struct AgentRoster: Sendable {
    /// The agents, in roster order.
    package let agents: [Agent]
    private let idHashes: [UInt64]
    /// The distinct time zones with their offsets computed ahead, so assignment need not ask the zone.
    let zones: [ZoneOffsetTable]
    let zoneOfAgent: [Int]
    /// Every agent's shifts in one list: agent `i` has `shifts[shiftBounds[i]..<shiftBounds[i + 1]]`.
    private let shifts: [AgentShift]
    private let shiftBounds: [Int]
    /// Agent indices by language and by skill; generalists (`*`) cover every topic.
    private let speakers: [String: [Int]]
    private let skilled: [String: [Int]]
    private let generalists: [Int]

    /// A roster of the agents given.
    /// - Throws: `RosterError.empty` without agents, `RosterError.duplicateID` when ids repeat.
    package init(agents: [Agent]) throws {
        guard !agents.isEmpty else { throw RosterError.empty }
        var seen = Set<String>()
        for agent in agents where !seen.insert(agent.id).inserted {
            throw RosterError.duplicateID(agent.id)
        }
        self.agents = agents
        self.idHashes = agents.map { StableHash.hash($0.id) }
        var zones: [TimeZone] = []
        var zoneOfAgent: [Int] = []
        let now = Int(Date().timeIntervalSince1970)
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
        shifts = agents.flatMap(\.shifts)
        shiftBounds = agents.reduce(into: [0]) { bounds, agent in
            bounds.append(bounds[bounds.count - 1] + agent.shifts.count)
        }
        self.zones = zones.map { ZoneOffsetTable(zone: $0, around: now) }
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
    package func assign(conversation: String, topics: [String], language: String, at date: Date) -> AgentAssignment {
        let chosen = assignment(
            conversation: StableHash.hash(conversation), topics: topics, language: language,
            epochSeconds: Int(date.timeIntervalSince1970.rounded(.down)))
        return AgentAssignment(agent: agents[chosen.index], match: chosen.match)
    }

    /// ``assign(conversation:topics:language:at:)`` by index, for callers that need only a few of the
    /// agent's values: copying an ``Agent`` retains every one of its strings and sets.
    /// - Parameter conversation: the stable hash of the conversation key (``StableHash/hash(_:)``).
    func assignment(conversation key: UInt64, topics: [String], language: String, epochSeconds: Int) -> (
        index: Int, match: AgentMatch
    ) {
        // Scratch on the stack: per agent, on-shift flags and topic coverage; per zone, the local
        // weekday and minute of the day.
        let count = agents.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count * 2 + zones.count * 2) { scratch in
            let onShift = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
            let coverage = UnsafeMutableBufferPointer(rebasing: scratch[count..<(count * 2)])
            let localDays = UnsafeMutableBufferPointer(rebasing: scratch[(count * 2)..<(count * 2 + zones.count)])
            let localMinutes = UnsafeMutableBufferPointer(rebasing: scratch[(count * 2 + zones.count)...])
            for zone in zones.indices {
                let localSeconds = epochSeconds + zones[zone].offset(at: epochSeconds)
                let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
                localDays[zone] = Weekday.fromDaysSinceEpoch(days).rawValue
                localMinutes[zone] = (localSeconds - days * 86_400) / 60
            }
            var anyOnShift = false
            for index in agents.indices {
                let zone = zoneOfAgent[index]
                let day = Weekday(rawValue: localDays[zone]) ?? .monday
                let working = isOnShift(index, day: day, minute: localMinutes[zone])
                onShift[index] = working ? 1 : 0
                anyOnShift = anyOnShift || working
            }
            let languageSpeakers = Self.lookUp(language, in: speakers) ?? []
            if anyOnShift {
                if languageSpeakers.contains(where: { onShift[$0] != 0 }) {
                    let match = cover(topics, into: coverage, among: languageSpeakers) { onShift[$0] != 0 }
                    let chosen = pick(key, among: languageSpeakers) { onShift[$0] != 0 && coverage[$0] == match.best }
                    return (chosen, match.match)
                }
                return (pick(key, among: agents.indices) { onShift[$0] != 0 }, .otherLanguage)
            }
            let candidates = languageSpeakers.isEmpty ? Array(agents.indices) : languageSpeakers
            let match = cover(topics, into: coverage, among: candidates) { _ in true }
            return (pick(key, among: candidates) { coverage[$0] == match.best }, .offShift)
        }
    }

    /// The entry for a key in any case: as given, else lowercased (the keys are lowercase).
    private static func lookUp(_ key: String, in table: [String: [Int]]) -> [Int]? {
        table[key] ?? key.lowercasedIfDifferent.flatMap { table[$0] }
    }

    /// Counts, for each agent, the topics their skills cover; gives the best count and the match it means.
    /// With no topics every candidate counts as fully skilled; when nobody covers any topic, everyone ties at 0.
    private func cover(
        _ topics: [String], into coverage: UnsafeMutableBufferPointer<Int>, among candidates: some Collection<Int>,
        where isCandidate: (Int) -> Bool
    ) -> (best: Int, match: AgentMatch) {
        for index in coverage.indices { coverage[index] = 0 }
        guard !topics.isEmpty else { return (0, .skills) }
        for topic in topics {
            for index in Self.lookUp(topic, in: skilled) ?? [] { coverage[index] += 1 }
        }
        for index in generalists { coverage[index] = topics.count }
        var best = 0
        for index in candidates where isCandidate(index) { best = max(best, coverage[index]) }
        guard best > 0 else { return (0, .language) }
        return (best, best >= topics.count ? .skills : .partialSkills)
    }

    /// The candidate passing `isChosen` with the highest rendezvous weight for the conversation key.
    private func pick(_ key: UInt64, among candidates: some Collection<Int>, where isChosen: (Int) -> Bool) -> Int {
        var best = -1
        var bestWeight: UInt64 = 0
        for index in candidates where isChosen(index) {
            let weight = StableHash.combine(key, idHashes[index])
            if best < 0 || weight > bestWeight || (weight == bestWeight && agents[index].id < agents[best].id) {
                best = index
                bestWeight = weight
            }
        }
        return max(best, 0)
    }

    /// Whether agent `index` works at a local weekday and minute of the day.
    func isOnShift(_ index: Int, day: Weekday, minute: Int) -> Bool {
        for shift in shiftBounds[index]..<shiftBounds[index + 1] where shifts[shift].covers(day: day, minute: minute) {
            return true
        }
        return false
    }
}
