import CourtesyCore
import CourtesyDeskAPI
import Foundation
import Hummingbird
import NIOCore

/// A request body the desk reads strictly: each member at most once, and only those it names.
protocol DeskRequestBody: Decodable {
    static var members: [String] { get }
}

extension DeskAPI.ApproveRequest: DeskRequestBody {
    static let members = ["text", "reason", "scope"]
}

extension DeskAPI.RejectRequest: DeskRequestBody {
    static let members = ["reason"]
}

/// How the desk's routes read a body (`request.decode(as:context:)`): up to the context's upload size, sent
/// as `application/json`, an empty body read as `{}`, and every refusal a ``DeskAPIError``:
///
/// - `413 payload_too_large` over the size;
/// - `415 unsupported_media_type` for a body of another type;
/// - `400 bad_request` for what is not the object the route takes (a member twice, one it does not know, a
///   value of the wrong type);
/// - `422 invalid_input` for a member the route needs and did not get.
package struct DeskRequestDecoder: RequestDecoder {
    package init() {}

    package func decode<T: Decodable>(
        _ type: T.Type, from request: Request, context: some RequestContext
    ) async throws -> T {
        let limit = context.maxUploadSize
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw DeskAPIError(.payloadTooLarge, "the request body is larger than \(limit) bytes (\(limit / 1024) KiB)")
        }
        var bytes = Array(buffer.readableBytesView)
        if bytes.isEmpty {
            bytes = Array("{}".utf8)
        } else {
            let mediaType = request.headers[.contentType]?.split(separator: ";", maxSplits: 1).first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard mediaType == "application/json" else {
                let sent = mediaType.map { String($0.prefix(60)) } ?? "no Content-Type"
                throw DeskAPIError(
                    .unsupportedMediaType, "send the body as JSON with Content-Type: application/json, not \(sent)")
            }
        }
        if let strict = T.self as? any DeskRequestBody.Type {
            try Self.checkMembers(of: bytes, allowed: strict.members)
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch DecodingError.keyNotFound(let key, _) {
            throw DeskAPIError(.invalidInput, "the body needs \"\(key.stringValue)\" (see docs/desk-api.md)")
        } catch DecodingError.valueNotFound(_, let context) where context.codingPath.count == 1 {
            throw DeskAPIError(
                .invalidInput, "the body needs \"\(context.codingPath[0].stringValue)\" (see docs/desk-api.md)")
        } catch {
            throw DeskAPIError(
                .badRequest, "the request body is not the JSON this route expects: \(JSONTree.explain(error))")
        }
    }

    /// Refuses an object with a member given twice or not in `allowed`, as anything that is not an object.
    private static func checkMembers(of body: [UInt8], allowed: [String]) throws(DeskAPIError) {
        do throws(EventDecodingError) {
            try JSONReader.read(body) { (reader) throws(EventDecodingError) in
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
                    try reader.skipValue(field: key)
                }
                try reader.expectEnd()
            }
        } catch {
            throw DeskAPIError(.badRequest, "the request body is not the JSON this route expects: \(error)")
        }
    }
}
