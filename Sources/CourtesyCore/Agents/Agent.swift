import Foundation

/// A person who signs and approves replies, as the roster describes them.
package struct Agent: Sendable, Hashable, Identifiable {
    /// The stable identifier; assignment hashes it, so renaming an agent keeps their conversations.
    package let id: String
    /// The full name shown to approvers.
    package let name: String
    /// The name a reply is signed with ("Ana").
    package let firstName: String
    /// The topics the agent handles, lowercase; `*` means every topic.
    package let skills: Set<String>
    /// The languages the agent writes, lowercase codes ("en", "es").
    package let languages: Set<String>
    /// The time zone the shifts are written in.
    package let timeZone: TimeZone
    /// The weekly shifts.
    package let shifts: [AgentShift]

    /// An agent; `AgentRoster` validates the values when it reads a roster file.
    package init(
        id: String, name: String, firstName: String? = nil, skills: Set<String>, languages: Set<String>,
        timeZone: TimeZone, shifts: [AgentShift]
    ) {
        self.id = id
        self.name = name
        self.firstName = firstName ?? String(name.split(separator: " ").first ?? Substring(name))
        self.skills = Set(skills.map { $0.lowercased() })
        self.languages = Set(languages.map { $0.lowercased() })
        self.timeZone = timeZone
        self.shifts = shifts
    }

    /// Whether the agent is working at an instant.
    package func isOnShift(at date: Date) -> Bool {
        let offset = timeZone.secondsFromGMT(for: date)
        return isOnShift(localSeconds: Int(date.timeIntervalSince1970.rounded(.down)) + offset)
    }

    /// Whether the agent is working at a local time given as seconds since 1970-01-01 00:00 local.
    func isOnShift(localSeconds: Int) -> Bool {
        let days = localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
        let minute = (localSeconds - days * 86_400) / 60
        let day = Weekday.fromDaysSinceEpoch(days)
        return shifts.contains { $0.covers(day: day, minute: minute) }
    }
}
