@testable import CourtesyCore

/// Drafts, approvers and times for the desk tests.
enum DeskFixtures {
    /// 2025-03-01T10:00:00Z.
    static let start = Timestamp(millisecondsSinceEpoch: 1_740_823_200_000)

    static func time(minutes: Int) -> Timestamp {
        start.adding(seconds: minutes * 60)
    }

    /// A draft for mention `mentionId` by author `author`, due `dueMinutes` after ``start``.
    static func draft(
        _ mentionId: String, author: String = "42", platform: Platform = .x, intent: Intent = .complaint,
        level: PriorityLevel = .normal, agent: String = "a1", dueMinutes: Int = 60, createdMinutes: Int = 0,
        text: String = "Hi Jane, sorry about the wait. ^Sam"
    ) -> Draft {
        Draft(
            id: Draft.identifier(platform: platform, mentionId: mentionId), mentionId: mentionId, platform: platform,
            brand: "acme", conversation: platform.rawValue + ":" + author,
            customer: Draft.Customer(name: "Jane", handle: "jane_d"), agent: Draft.Agent(id: agent, name: "Sam"),
            intent: intent, tone: intent.tone, topics: ["delivery"],
            priority: Priority(level: level, score: 10, reasons: ["complaint"]), language: .english,
            reviewReason: nil, text: text, template: Draft.TemplateChoice(name: "en/complaint.x", variant: 1),
            createdAt: time(minutes: createdMinutes), replyBy: time(minutes: dueMinutes),
            excerpt: "@acme my parcel is late")
    }

    static let sam = Approver(name: "Sam Rivera", role: .approver)
    static let kim = Approver(name: "Kim Lee", role: .approver)
    static let viewer = Approver(name: "Vic Viewer", role: .viewer)
}
