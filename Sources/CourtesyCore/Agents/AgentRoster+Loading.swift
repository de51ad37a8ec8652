import Foundation

extension AgentRoster {
    /// The roster in a JSON file (see docs/personalisation.md for the format).
    /// - Throws: `RosterError` saying what is wrong and where.
    package static func load(from url: URL) throws -> AgentRoster {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RosterError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try AgentRoster(json: data)
    }

    /// The roster in JSON text:
    /// `{"agents": [{"id", "name", "firstName"?, "skills", "languages", "timeZone"?, "shifts": [{"days", "start", "end"}]}]}`.
    /// - Throws: `RosterError` saying what is wrong and where.
    package init(json: Data) throws {
        let root: JSONTree
        do {
            root = try JSONTree(parsing: json)
        } catch {
            throw RosterError.invalidJSON(reason: JSONTree.explain(error))
        }
        let object = try Self.object(root, at: "(root)", keys: ["agents"])
        let list = try Self.array(object["agents"], at: "agents")
        var agents: [Agent] = []
        for (index, element) in list.enumerated() {
            agents.append(try Self.agent(element, at: "agents[\(index)]"))
        }
        try self.init(agents: agents)
    }

    private static func agent(_ value: JSONTree, at path: String) throws -> Agent {
        let object = try object(
            value, at: path, keys: ["id", "name", "firstName", "skills", "languages", "timeZone", "shifts"])
        let id = try text(object["id"], at: "\(path).id")
        let name = try text(object["name"], at: "\(path).name")
        let firstName = try object["firstName"].map { try text($0, at: "\(path).firstName") }
        let skills = try array(object["skills"], at: "\(path).skills").enumerated().map {
            try text($1, at: "\(path).skills[\($0)]")
        }
        let languages = try array(object["languages"], at: "\(path).languages").enumerated().map {
            try text($1, at: "\(path).languages[\($0)]")
        }
        guard !languages.isEmpty else {
            throw RosterError.invalidValue(path: "\(path).languages", problem: "list at least one language")
        }
        let zoneName = try object["timeZone"].map { try text($0, at: "\(path).timeZone") } ?? "UTC"
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw RosterError.invalidValue(
                path: "\(path).timeZone",
                problem: "unknown time zone \"\(zoneName)\"; use an IANA name such as \"Europe/Madrid\" or \"UTC\"")
        }
        let shiftList = try array(object["shifts"], at: "\(path).shifts")
        guard !shiftList.isEmpty else {
            throw RosterError.invalidValue(path: "\(path).shifts", problem: "list at least one shift")
        }
        let shifts = try shiftList.enumerated().map { try shift($1, at: "\(path).shifts[\($0)]") }
        return Agent(
            id: id, name: name, firstName: firstName, skills: Set(skills), languages: Set(languages),
            timeZone: timeZone, shifts: shifts)
    }

    private static func shift(_ value: JSONTree, at path: String) throws -> AgentShift {
        let object = try object(value, at: path, keys: ["days", "start", "end"])
        let dayNames = try array(object["days"], at: "\(path).days")
        guard !dayNames.isEmpty else {
            throw RosterError.invalidValue(path: "\(path).days", problem: "list at least one day")
        }
        var days = Set<Weekday>()
        for (index, element) in dayNames.enumerated() {
            let name = try text(element, at: "\(path).days[\(index)]")
            guard let day = Weekday(name: name) else {
                throw RosterError.invalidValue(
                    path: "\(path).days[\(index)]", problem: "\"\(name)\" is not a day; use mon, tue, … sun")
            }
            days.insert(day)
        }
        let start = try minutes(object["start"], at: "\(path).start")
        let end = try minutes(object["end"], at: "\(path).end")
        guard start < 1440 else {
            throw RosterError.invalidValue(path: "\(path).start", problem: "a shift cannot start at 24:00")
        }
        guard start != end else {
            throw RosterError.invalidValue(path: path, problem: "start and end are the same time")
        }
        return AgentShift(days: days, startMinute: start, endMinute: end)
    }

    private static func minutes(_ value: JSONTree?, at path: String) throws -> Int {
        let clock = try text(value, at: path)
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...24).contains(hours), (0...59).contains(minutes), hours < 24 || minutes == 0
        else {
            throw RosterError.invalidValue(
                path: path, problem: "expected a time \"HH:MM\" (00:00–24:00), got \"\(clock)\"")
        }
        return hours * 60 + minutes
    }

    private static func object(_ value: JSONTree?, at path: String, keys: Set<String>) throws -> [String: JSONTree] {
        guard let object = value?.object else {
            throw RosterError.invalidValue(path: path, problem: "expected an object")
        }
        if let unknown = object.keys.filter({ !keys.contains($0) }).sorted().first {
            throw RosterError.invalidValue(
                path: path, problem: "unknown key \"\(unknown)\"; allowed: \(keys.sorted().joined(separator: ", "))")
        }
        return object
    }

    private static func array(_ value: JSONTree?, at path: String) throws -> [JSONTree] {
        guard let value else { throw RosterError.invalidValue(path: path, problem: "missing") }
        guard let array = value.array else {
            throw RosterError.invalidValue(path: path, problem: "expected a list")
        }
        return array
    }

    private static func text(_ value: JSONTree?, at path: String) throws -> String {
        guard let value else { throw RosterError.invalidValue(path: path, problem: "missing") }
        guard let string = value.string else {
            throw RosterError.invalidValue(path: path, problem: "expected a string")
        }
        let trimmed = string.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw RosterError.invalidValue(path: path, problem: "is empty") }
        return trimmed
    }
}
