extension AgentRoster {
    /// The index of the agent with this id, if the roster still has them.
    func index(ofAgent id: String) -> Int? {
        agents.firstIndex { $0.id == id }
    }

    /// Whether agent `index` is on shift at an instant.
    func isOnShift(_ index: Int, epochSeconds: Int) -> Bool {
        let zone = zones[zoneOfAgent[index]]
        let localSeconds = epochSeconds + zone.offset(at: epochSeconds)
        let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        let day = Weekday.fromDaysSinceEpoch(days)
        return isOnShift(index, day: day, minute: (localSeconds - days * 86_400) / 60)
    }
}
