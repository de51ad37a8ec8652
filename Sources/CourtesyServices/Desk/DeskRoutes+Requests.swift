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

    /// The request's body, or `nil` when it is empty; a body must be sent as `application/json`.
    static func body(_ request: Request) async throws(DeskAPIError) -> [UInt8]? {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodyBytes)
        } catch {
            throw DeskAPIError(
                .payloadTooLarge,
                "the request body is larger than \(maximumBodyBytes) bytes (\(maximumBodyBytes / 1024) KiB)")
        }
        guard buffer.readableBytes > 0 else { return nil }
        let mediaType = request.headers[.contentType]?.split(separator: ";", maxSplits: 1).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard mediaType == "application/json" else {
            let sent = mediaType.map { String($0.prefix(60)) } ?? "no Content-Type"
            throw DeskAPIError(
                .unsupportedMediaType, "send the body as JSON with Content-Type: application/json, not \(sent)")
        }
        return Array(buffer.readableBytesView)
    }

    /// An approval's body: no body, or an object with the optional strings `text`, `reason` and `scope`.
    static func approveRequest(_ body: [UInt8]?) throws(DeskAPIError) -> DeskAPI.ApproveRequest {
        guard let body else { return DeskAPI.ApproveRequest() }
        let members = try stringMembers(of: body, allowed: ["text", "reason", "scope"])
        return DeskAPI.ApproveRequest(text: members["text"], reason: members["reason"], scope: members["scope"])
    }

    /// A rejection's reason: `422` when the body or its `reason` is missing.
    static func rejectionReason(_ body: [UInt8]?) throws(DeskAPIError) -> String {
        let members = try body.map { (body) throws(DeskAPIError) in try stringMembers(of: body, allowed: ["reason"]) }
        guard let reason = members?["reason"] else {
            throw DeskAPIError(.invalidInput, "a rejection needs a reason: {\"reason\": \"...\"}")
        }
        return reason
    }

    /// The members of a JSON object whose values are strings or `null` (left out), read strictly: a
    /// member given twice or not in `allowed` is refused, as anything that is not such an object.
    private static func stringMembers(of body: [UInt8], allowed: [String]) throws(DeskAPIError) -> [String: String] {
        do throws(EventDecodingError) {
            return try JSONReader.read(body) { (reader) throws(EventDecodingError) -> [String: String] in
                var members: [String: String] = [:]
                var seen: Set<String> = []
                try reader.beginObject(field: "the body")
                var first = true
                while let key = try reader.nextKey(first: &first, field: "the body") {
                    guard allowed.contains(key) else {
                        throw EventDecodingError(
                            .invalidValue(
                                "unknown member \"\(key.prefix(40))\" (known: \(allowed.joined(separator: ", ")))"))
                    }
                    guard seen.insert(key).inserted else {
                        throw EventDecodingError(.duplicateField, field: key, offset: reader.offset)
                    }
                    members[key] = try reader.readOptionalString(field: key)
                }
                try reader.expectEnd()
                return members
            }
        } catch {
            throw DeskAPIError(.badRequest, "the request body is not the JSON this route expects: \(error)")
        }
    }
}
