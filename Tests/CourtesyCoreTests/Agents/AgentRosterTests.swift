import Foundation
import Testing

@testable import CourtesyCore

private func roster(_ json: String) throws -> AgentRoster {
    try AgentRoster(json: Data(json.utf8))
}

private func agentJSON(
    _ id: String, skills: [String] = ["*"], languages: [String] = ["en"], timeZone: String = "UTC",
    days: [String] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], start: String = "00:00", end: String = "24:00"
) -> String {
    let quoted = { (values: [String]) in values.map { "\"\($0)\"" }.joined(separator: ",") }
    return """
        {"id": "\(id)", "name": "\(id.capitalized) Example", "skills": [\(quoted(skills))],
         "languages": [\(quoted(languages))], "timeZone": "\(timeZone)",
         "shifts": [{"days": [\(quoted(days))], "start": "\(start)", "end": "\(end)"}]}
        """
}

private func rosterJSON(_ agents: [String]) -> String {
    "{\"agents\": [\(agents.joined(separator: ","))]}"
}

/// Wednesday 2026-01-14 10:30 UTC.
private let wednesdayMorning = Date(timeIntervalSince1970: 1_768_386_600)

@Suite("Agent assignment")
struct AgentRosterTests {
    @Test("The same conversation gets the same agent from independent rosters in any order")
    func stickiness() throws {
        let agents = ["ana", "bea", "carl", "dev", "eve"].map { agentJSON($0) }
        let first = try roster(rosterJSON(agents))
        let second = try roster(rosterJSON(agents.reversed()))
        for index in 0..<500 {
            let key = "x:\(index * 7919)"
            let a = first.assign(conversation: key, topics: [], language: "en", at: wednesdayMorning)
            let b = second.assign(conversation: key, topics: [], language: "en", at: wednesdayMorning)
            let later = first.assign(
                conversation: key, topics: [], language: "en", at: wednesdayMorning.addingTimeInterval(3600))
            #expect(a.agent.id == b.agent.id)
            #expect(a.agent.id == later.agent.id)
            #expect(a.match == .skills)
        }
    }

    @Test("A known conversation key maps to a fixed agent (the hash is stable across releases)")
    func stableAcrossProcesses() throws {
        let agents = try roster(rosterJSON(["ana", "bea", "carl", "dev", "eve"].map { agentJSON($0) }))
        let picks = (0..<8).map {
            agents.assign(conversation: "x:\($0)", topics: [], language: "en", at: wednesdayMorning).agent.id
        }
        // Reference vectors of 64-bit FNV-1a.
        #expect(StableHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a("foobar") == 0x8594_4171_f739_67e8)
        #expect(Set(picks).count > 1)
        // Recorded once; a change here means every conversation would move to another agent on upgrade.
        #expect(picks == Self.recordedPicks)
    }

    static let recordedPicks = ["dev", "carl", "ana", "bea", "dev", "eve", "ana", "bea"]

    @Test("Load spreads evenly: 10,000 conversations over 5 agents within ±10%")
    func loadSpread() throws {
        let agents = try roster(rosterJSON(["ana", "bea", "carl", "dev", "eve"].map { agentJSON($0) }))
        var counts: [String: Int] = [:]
        for index in 0..<10_000 {
            let key = "x:customer-\(index)"
            counts[
                agents.assign(conversation: key, topics: [], language: "en", at: wednesdayMorning).agent.id, default: 0] +=
                1
        }
        #expect(counts.count == 5)
        for (_, count) in counts {
            #expect((1800...2200).contains(count), "\(counts)")
        }
    }

    @Test("When an agent goes off shift, only their conversations move")
    func minimalDisruption() throws {
        let all = try roster(rosterJSON(["ana", "bea", "carl", "dev", "eve"].map { agentJSON($0) }))
        let withoutCarl = try roster(
            rosterJSON(["ana", "bea", "dev", "eve"].map { agentJSON($0) } + [agentJSON("carl", days: ["sun"])]))
        for index in 0..<2_000 {
            let key = "facebook:\(index)"
            let before = all.assign(conversation: key, topics: [], language: "en", at: wednesdayMorning).agent.id
            let after = withoutCarl.assign(conversation: key, topics: [], language: "en", at: wednesdayMorning)
            #expect(after.agent.id != "carl")
            if before != "carl" { #expect(after.agent.id == before) }
        }
    }

    @Test("Skills covering every topic win; partial cover beats none; none falls back to the language")
    func skills() throws {
        let agents = try roster(
            rosterJSON([
                agentJSON("ana", skills: ["billing", "account"]),
                agentJSON("bea", skills: ["delivery"]),
                agentJSON("carl", skills: ["delivery", "returns"]),
                agentJSON("dev", skills: ["quality"], languages: ["es"]),
            ]))
        for index in 0..<200 {
            let key = "x:\(index)"
            let billing = agents.assign(conversation: key, topics: ["Billing"], language: "en", at: wednesdayMorning)
            #expect(billing.agent.id == "ana")
            #expect(billing.match == .skills)
            let both = agents.assign(
                conversation: key, topics: ["delivery", "returns"], language: "en", at: wednesdayMorning)
            #expect(both.agent.id == "carl")
            let partial = agents.assign(
                conversation: key, topics: ["returns", "billing", "service"], language: "en", at: wednesdayMorning)
            #expect(partial.match == .partialSkills)
            #expect(["ana", "carl"].contains(partial.agent.id))
            let quality = agents.assign(conversation: key, topics: ["quality"], language: "en", at: wednesdayMorning)
            #expect(quality.match == .language)
            #expect(quality.agent.id != "dev")
            let spanish = agents.assign(conversation: key, topics: ["delivery"], language: "es", at: wednesdayMorning)
            #expect(spanish.agent.id == "dev")
            let french = agents.assign(conversation: key, topics: [], language: "fr", at: wednesdayMorning)
            #expect(french.match == .otherLanguage)
        }
    }

    @Test("Shifts follow the agent's time zone, days and overnight hours")
    func shifts() throws {
        let agents = try roster(
            rosterJSON([
                agentJSON(
                    "madrid", timeZone: "Europe/Madrid", days: ["mon", "tue", "wed", "thu", "fri"],
                    start: "09:00", end: "17:00"),
                agentJSON("night", days: ["tue"], start: "22:00", end: "06:00"),
            ]))
        let madrid = agents.agents[0]
        let night = agents.agents[1]
        // 10:30 UTC is 11:30 in Madrid (CET) on a Wednesday.
        #expect(madrid.isOnShift(at: wednesdayMorning))
        // 08:30 UTC is 09:30 in Madrid; 07:30 UTC is 08:30, before the shift.
        #expect(madrid.isOnShift(at: wednesdayMorning.addingTimeInterval(-2 * 3600)))
        #expect(!madrid.isOnShift(at: wednesdayMorning.addingTimeInterval(-3 * 3600)))
        // Saturday.
        #expect(!madrid.isOnShift(at: wednesdayMorning.addingTimeInterval(3 * 86_400)))
        // Tuesday 22:00 to Wednesday 06:00 UTC.
        #expect(night.isOnShift(at: wednesdayMorning.addingTimeInterval(-5 * 3600)))  // Wed 05:30
        #expect(!night.isOnShift(at: wednesdayMorning.addingTimeInterval(-4 * 3600)))  // Wed 06:30
        #expect(night.isOnShift(at: wednesdayMorning.addingTimeInterval(-12 * 3600)))  // Tue 22:30
        #expect(!night.isOnShift(at: wednesdayMorning.addingTimeInterval(-13 * 3600)))  // Tue 21:30
        #expect(!night.isOnShift(at: wednesdayMorning.addingTimeInterval(6 * 86_400 - 4 * 3600)))  // Tue 06:30

        let assigned = agents.assign(conversation: "x:1", topics: [], language: "en", at: wednesdayMorning)
        #expect(assigned.agent.id == "madrid")
        #expect(assigned.isOnShift)
    }

    @Test("Nobody on shift: the owner among everyone, flagged off shift, and still sticky")
    func nobodyOnShift() throws {
        let agents = try roster(
            rosterJSON([
                agentJSON("ana", skills: ["billing"], days: ["mon"]),
                agentJSON("bea", skills: ["delivery"], days: ["mon"]),
                agentJSON("carl", skills: ["delivery"], languages: ["es"], days: ["mon"]),
            ]))
        for index in 0..<100 {
            let assigned = agents.assign(
                conversation: "x:\(index)", topics: ["delivery"], language: "en", at: wednesdayMorning)
            #expect(assigned.match == .offShift)
            #expect(!assigned.isOnShift)
            #expect(assigned.agent.id == "bea")
        }
    }

    @Test(
        "A bad roster fails with a message that says where",
        arguments: [
            ("{", "not valid JSON"),
            ("[]", "(root): expected an object"),
            ("{\"agents\": []}", "\"agents\" is empty"),
            ("{\"agentz\": []}", "unknown key \"agentz\""),
            (rosterJSON([agentJSON("ana"), agentJSON("ana")]), "\"ana\" is used more than once"),
            (rosterJSON([agentJSON("ana", timeZone: "Mars/Olympus")]), "agents[0].timeZone: unknown time zone"),
            (rosterJSON([agentJSON("ana", days: ["funday"])]), "agents[0].shifts[0].days[0]: \"funday\" is not a day"),
            (rosterJSON([agentJSON("ana", start: "9am")]), "agents[0].shifts[0].start: expected a time"),
            (rosterJSON([agentJSON("ana", end: "24:30")]), "agents[0].shifts[0].end: expected a time"),
            (rosterJSON([agentJSON("ana", start: "09:00", end: "09:00")]), "start and end are the same"),
            (rosterJSON([agentJSON("ana", languages: [])]), "agents[0].languages: list at least one language"),
            ("{\"agents\": [{\"id\": 7}]}", "agents[0].id: expected a string"),
            ("{\"agents\": [{\"id\": \"a\", \"name\": \"A\", \"skils\": []}]}", "agents[0]: unknown key \"skils\""),
            ("{\"agents\": [{\"id\": \"a\", \"name\": \"A\", \"languages\": [\"en\"]}]}", "agents[0].skills: missing"),
        ])
    func badRoster(json: String, message: String) {
        #expect {
            try roster(json)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("The agent signs with the first word of their name unless the roster says otherwise")
    func firstName() throws {
        let agents = try roster(
            """
            {"agents": [
              {"id": "a1", "name": "Ana María García", "skills": [], "languages": ["es"],
               "shifts": [{"days": ["mon"], "start": "09:00", "end": "17:00"}]},
              {"id": "a2", "name": "Robert Jones", "firstName": "Bob", "skills": [], "languages": ["en"],
               "shifts": [{"days": ["mon"], "start": "09:00", "end": "17:00"}]}
            ]}
            """)
        #expect(agents.agents.map(\.firstName) == ["Ana", "Bob"])
        #expect(agents.agents[0].timeZone.secondsFromGMT(for: wednesdayMorning) == 0)
    }
}

@Suite("Example roster")
struct ExampleRosterTests {
    @Test("The example roster in config/ parses and covers a weekday around the clock")
    func exampleRoster() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let roster = try AgentRoster.load(from: root.appendingPathComponent("deploy/config/agents.example.json"))
        #expect(roster.agents.map(\.firstName) == ["Ana", "Ben", "Chloé", "Diego"])
        for hour in 0..<24 {
            let date = wednesdayMorning.addingTimeInterval(Double(hour - 10) * 3600)
            let assigned = roster.assign(conversation: "x:42", topics: ["delivery"], language: "en", at: date)
            #expect(assigned.isOnShift, "nobody on shift at \(hour):30 UTC")
        }
    }
}
