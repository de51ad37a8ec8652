@testable import CourtesyCore

/// Sample events for tests.
enum Fixtures {
    static let mentionJSON = """
        {"schema":"courtesy.mention/v1","id":"1893","platform":"x","brand":"acme",\
        "author":{"id":"42","handle":"jane_d","displayName":"Jane Doe","followers":1200,"verified":false,"locale":"en-GB"},\
        "text":"@acme my parcel is 3 days late","url":"https://x.example/jane_d/1893","inReplyTo":null,\
        "createdAt":"2025-03-01T10:00:00Z","engagement":{"likes":2,"replies":0,"shares":1}}
        """

    /// The sample mention with one field replaced (or removed, when `value` is nil).
    static func mention(replacing field: String, with value: String?) -> String {
        var fields: [(String, String)] = [
            ("schema", #""courtesy.mention/v1""#), ("id", #""1893""#), ("platform", #""x""#), ("brand", #""acme""#),
            ("author", #"{"id":"42","handle":"jane_d","followers":1200}"#), ("text", #""hello""#),
            ("createdAt", #""2025-03-01T10:00:00Z""#),
        ]
        if let index = fields.firstIndex(where: { $0.0 == field }) {
            if let value {
                fields[index].1 = value
            } else {
                fields.remove(at: index)
            }
        } else if let value {
            fields.append((field, value))
        }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func sampleMention(text: String = "@acme my parcel is 3 days late") -> Mention {
        Mention(
            id: "1893", platform: .x, brand: "acme",
            author: Mention.Author(id: "42", handle: "jane_d", displayName: "Jane Doe", followers: 1200),
            text: text, createdAt: Timestamp(millisecondsSinceEpoch: 1_740_823_200_000))
    }
}
