import CourtesyCore
import CourtesyDeskAPI
import Foundation

/// The fixed "now" of the rendering tests: 2026-11-23T18:00:00Z.
let fixedNow = Timestamp(rfc3339: "2026-11-23T18:00:00Z")!

/// Builds desk answers the way the desk sends them: as JSON, decoded.
enum Fixture {
    /// A pending draft; times are minutes from ``fixedNow``.
    static func draft(
        id: String, conversation: String = "x:42", pending: Int = 1, name: String? = "Jane Doe",
        handle: String? = "janedoe", level: String = "urgent", score: Int = 80, intent: String = "complaint",
        replyByMinutes: Int = 12, createdMinutes: Int = -5, excerpt: String = "my parcel is 5 days late!!",
        text: String = "Hi Jane. I'm really sorry about your parcel.", agent: String = "Sam Rivera",
        mentionText: String? = nil, mentionUrl: String? = nil, followers: Int? = nil
    ) -> DeskAPI.DraftView {
        var customer: [String: Any] = [:]
        if let name { customer["name"] = name }
        if let handle { customer["handle"] = handle }
        if let followers { customer["followers"] = followers }
        var object: [String: Any] = [
            "id": id, "mentionId": "m-\(id)", "platform": "x", "brand": "acme", "conversation": conversation,
            "conversationPending": pending, "customer": customer,
            "agent": ["id": "sam", "name": agent], "intent": intent, "tone": "apology", "topics": ["delivery"],
            "priority": ["level": level, "score": score, "reasons": ["angry words", "delivery delay"]],
            "language": "en", "text": text, "replyLengthLimit": 280,
            "template": ["name": "complaint-late", "variant": 2],
            "createdAt": fixedNow.adding(seconds: createdMinutes * 60).rfc3339,
            "replyBy": fixedNow.adding(seconds: replyByMinutes * 60).rfc3339,
            "mentionCreatedAt": fixedNow.adding(seconds: createdMinutes * 60).rfc3339,
            "excerpt": excerpt,
        ]
        if let mentionText { object["mentionText"] = mentionText }
        if let mentionUrl { object["mentionUrl"] = mentionUrl }
        return decode(object)
    }

    /// A recorded decision.
    static func decision(
        draftId: String, action: String, approver: String = "Sam Rivera", reason: String? = nil,
        answeredBy: String? = nil, text: String? = nil, decidedAt: String = "2026-11-23T17:55:00.000Z"
    ) -> DeskAPI.DecisionView {
        var object: [String: Any] = [
            "draftId": draftId, "decisionId": "c-\(draftId)", "action": action, "approver": approver,
            "decidedAt": decidedAt,
        ]
        if let reason { object["reason"] = reason }
        if let answeredBy { object["answeredBy"] = answeredBy }
        if let text { object["text"] = text }
        return decode(object)
    }

    /// The reply an approval published.
    static func reply(draftId: String, text: String, approver: String) -> DeskAPI.ReplyView {
        decode([
            "id": draftId, "platform": "x", "inReplyTo": "m-\(draftId)", "text": text, "approvedBy": approver,
            "approvedAt": "2026-11-23T18:00:00.000Z",
        ])
    }

    /// What the publisher recorded for an approved reply.
    static func publication(
        _ outcome: String, at: String = "2026-11-23T17:57:00.000Z", status: Int? = nil, postId: String? = nil,
        reason: String? = nil
    ) -> DeskAPI.PublicationView {
        DeskAPI.PublicationView(outcome: outcome, at: at, status: status, postId: postId, reason: reason)
    }

    static func decode<Value: Decodable>(_ object: [String: Any]) -> Value {
        let data = try! JSONSerialization.data(withJSONObject: object)
        return try! JSONDecoder().decode(Value.self, from: data)
    }
}
