import Foundation

/// A desk answer: the decoded body, and its JSON as the desk sent it (what `--json` prints).
package struct DeskResponse<Body: Sendable>: Sendable {
    /// The answer, decoded.
    package var body: Body
    /// The answer's bytes as they came.
    package var json: Data

    package init(body: Body, json: Data) {
        self.body = body
        self.json = json
    }
}

extension DeskResponse where Body: Encodable {
    /// A response whose JSON is `body` encoded, for clients that have no wire form (tests, fakes).
    package init(encoding body: Body) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.init(body: body, json: (try? encoder.encode(body)) ?? Data("{}".utf8))
    }
}
