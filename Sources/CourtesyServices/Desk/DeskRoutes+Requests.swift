import CourtesyCore
import CourtesyDeskAPI
import Foundation
import Hummingbird
import NIOCore

extension DeskRoutes {
    /// The query parameters of the list routes; any other is refused, as is one given twice.
    static let queryParameters = ["intent", "priority", "platform", "agent", "limit"]

    /// The filter and the limit of a list request.
    static func query(_ request: Request) throws(DeskAPIError) -> (DeskFilter, Int) {
        var parameters: [String: String] = [:]
        // An empty pair (`?&limit=5`, a trailing `&`) names nothing, and is not a parameter to refuse.
        for (key, value) in request.uri.queryParameters where !(key.isEmpty && value.isEmpty) {
            let name = String(key)
            guard queryParameters.contains(name) else {
                throw DeskAPIError(
                    .badRequest,
                    "unknown query parameter \(name.prefix(40)) (known: \(queryParameters.joined(separator: ", ")))")
            }
            guard parameters[name] == nil else {
                throw DeskAPIError(.badRequest, "the query parameter \(name) is given more than once")
            }
            parameters[name] = String(value)
        }
        func value<Value: RawRepresentable & CaseIterable>(_ name: String, as: Value.Type) throws(DeskAPIError)
            -> Value? where Value.RawValue == String
        {
            guard let text = parameters[name], !text.isEmpty else { return nil }
            guard let value = Value(rawValue: text) else {
                let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw DeskAPIError(.badRequest, "\(name) must be one of \(allowed), not \(text.prefix(40))")
            }
            return value
        }
        var filter = DeskFilter()
        filter.intent = try value("intent", as: Intent.self)
        filter.priority = try value("priority", as: PriorityLevel.self)
        filter.platform = try value("platform", as: Platform.self)
        if let agent = parameters["agent"], !agent.isEmpty { filter.agentId = agent }
        var limit = DeskAPI.defaultLimit
        if let text = parameters["limit"] {
            guard let parsed = Int(text), (1...DeskAPI.maximumLimit).contains(parsed) else {
                throw DeskAPIError(.badRequest, "limit must be a whole number from 1 to \(DeskAPI.maximumLimit)")
            }
            limit = parsed
        }
        return (filter, limit)
    }
}
