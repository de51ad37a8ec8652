import CourtesyCore
import CourtesyDeskAPI

/// The filters of the two list routes, checked before they are sent.
package struct DeskQuery: Sendable, Hashable {
    /// Only drafts of this intent.
    package var intent: Intent?
    /// Only drafts at this priority level.
    package var priority: PriorityLevel?
    /// Only drafts from this platform.
    package var platform: Platform?
    /// An agent id.
    package var agent: String?
    /// 1 to ``DeskAPI/maximumLimit``; absent for the desk's default.
    package var limit: Int?

    package init(
        intent: Intent? = nil, priority: PriorityLevel? = nil, platform: Platform? = nil, agent: String? = nil,
        limit: Int? = nil
    ) {
        self.intent = intent
        self.priority = priority
        self.platform = platform
        self.agent = agent
        self.limit = limit
    }

    /// The query from the command line's words, refusing unknown values with the known ones.
    package init(
        intent: String?, priority: String?, platform: String?, agent: String?, limit: Int?
    ) throws(ReviewError) {
        self.intent = try Self.parse(intent, as: Intent.self, name: "intent")
        self.priority = try Self.parse(priority, as: PriorityLevel.self, name: "priority")
        self.platform = try Self.parse(platform, as: Platform.self, name: "platform")
        self.agent = agent.flatMap { $0.isEmpty ? nil : $0 }
        if let limit, !(1...DeskAPI.maximumLimit).contains(limit) {
            throw ReviewError(.usage, "--limit must be between 1 and \(DeskAPI.maximumLimit)")
        }
        self.limit = limit
    }

    /// The query parameters, in a fixed order.
    package var parameters: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        if let intent { result.append(("intent", intent.rawValue)) }
        if let priority { result.append(("priority", priority.rawValue)) }
        if let platform { result.append(("platform", platform.rawValue)) }
        if let agent { result.append(("agent", agent)) }
        if let limit { result.append(("limit", String(limit))) }
        return result
    }

    private static func parse<Value: RawRepresentable & CaseIterable>(
        _ text: String?, as: Value.Type, name: String
    ) throws(ReviewError) -> Value? where Value.RawValue == String {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Value(rawValue: text.lowercased()) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReviewError(.usage, "unknown --\(name) \"\(text)\" (known: \(known))")
        }
        return value
    }
}
