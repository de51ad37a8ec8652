/// The members of a draft event as they are read, before checking that every required one was present.
struct DraftMembersRead {
    var schema: String?
    var id: String?
    var mentionId: String?
    var platform: Platform?
    var brand: String?
    var account: String?
    var conversation: String?
    var customer = Draft.Customer(name: nil, handle: nil)
    var agent: Draft.Agent?
    var intent: Intent?
    var tone: Tone?
    var toneModel: String?
    var topics: [String] = []
    var priority: Priority?
    var language: Language?
    var reviewReason: String?
    var text: String?
    var template: Draft.TemplateChoice?
    var createdAt: Timestamp?
    var mentionCreatedAt: Timestamp?
    var replyBy: Timestamp?
    var excerpt: String?
    var mentionText: String?
    var mentionUrl: String?
    var facts: [Fact] = []
    var previousContacts: [Draft.PreviousContact] = []

    /// The draft, or the first required field that is missing.
    func draft() throws(EventDecodingError) -> Draft {
        func missing(_ field: String) -> EventDecodingError { EventDecodingError(.missingField, field: field) }
        guard schema != nil else { throw missing("schema") }
        guard let id else { throw missing("id") }
        guard let mentionId else { throw missing("mentionId") }
        guard let platform else { throw missing("platform") }
        guard let brand else { throw missing("brand") }
        guard let conversation else { throw missing("conversation") }
        guard let agent else { throw missing("agent") }
        guard let intent else { throw missing("intent") }
        guard let tone else { throw missing("tone") }
        guard let priority else { throw missing("priority") }
        guard let language else { throw missing("language") }
        guard let text else { throw missing("text") }
        guard let template else { throw missing("template") }
        guard let createdAt else { throw missing("createdAt") }
        guard let replyBy else { throw missing("replyBy") }
        var draft = Draft(
            id: id, mentionId: mentionId, platform: platform, brand: brand, conversation: conversation,
            customer: customer, agent: agent, intent: intent, tone: tone, topics: topics, priority: priority,
            language: language, reviewReason: reviewReason, text: text, template: template, createdAt: createdAt,
            mentionCreatedAt: mentionCreatedAt, replyBy: replyBy, excerpt: excerpt ?? "")
        draft.facts = facts
        draft.previousContacts = previousContacts
        draft.account = account
        draft.toneModel = toneModel
        draft.mentionText = mentionText
        draft.mentionUrl = mentionUrl
        return draft
    }
}
