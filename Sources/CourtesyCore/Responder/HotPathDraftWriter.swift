/// What a `courtesy.draft/v1` event is written from on the responder's hot path: the mention as read,
/// the plan, and fragments prepared beforehand. It writes the bytes ``Draft/write(to:)`` writes for
/// the same draft, member by member, without making the draft's strings.
///
/// It is not copyable: the parts hold a dozen strings and arrays, and a copy into each closure that
/// writes would retain and release every one of them.
struct HotPathDraftWriter: ~Copyable {
    let mention: MentionView
    let plan: DraftPlan
    /// The customer's handle.
    let handle: String?
    /// The mention's text, unescaped; the excerpt is cut from it, and when it is cut the whole text is
    /// written too, from the same bytes.
    let text: String
    /// The `agent` object, written once per agent when the responder was built.
    let agent: [UInt8]
    let createdAt: Timestamp

    /// A bound on the bytes ``write(to:)`` writes: member names and punctuation, every string byte
    /// escaped as `\u00XX` (an escaped string in the event is never shorter than its text), the
    /// numbers and times at their longest.
    var maximumCount: Int {
        let classification = plan.classification
        var strings = 6 * (mention.id.count + mention.brand.count + mention.authorID.count)
        strings += plan.account.map { 6 * $0.utf8.count + 14 } ?? 0
        strings += classification.toneModel.map { 6 * $0.utf8.count + 16 } ?? 0
        strings += 6 * ((handle?.utf8.count ?? 0) + (plan.customerName?.utf8.count ?? 0))
        // The excerpt: at most its 140 bytes of text and the ellipsis; the whole text when that cuts it.
        strings += 6 * (min(text.utf8.count, Draft.excerptLimit) + 3)
        strings += Draft.excerptCuts(text) ? 6 * text.utf8.count + 16 : 0
        strings += mention.url.map { 6 * $0.count + 15 } ?? 0
        strings += classification.topics.reduce(0) { $0 + 6 * $1.utf8.count + 3 }
        strings += classification.priority.reasons.reduce(0) { $0 + 6 * $1.utf8.count + 3 }
        strings += 6 * (classification.language.rawValue.utf8.count + (classification.reviewReason?.utf8.count ?? 0))
        strings += 6 * plan.reply.set.name.utf8.count + plan.reply.maximumJSONCount + agent.count
        strings += Draft.memoryMaximum(facts: plan.facts, previousContacts: plan.earlier)
        // Member names, punctuation, quotes and the platform, intent, tone and level names (about 430
        // bytes), three integers (the followers' with their name), three times.
        return strings + Draft.identifierLength + 512 + 3 * 21 + 13 + 3 * 36
    }

    /// Writes the event, members in ``Draft/write(to:)``'s order.
    func write(to json: inout UnsafeJSONOutput) {
        let reader = mention.reader
        let classification = plan.classification
        json.raw(#"{"schema":"courtesy.draft/v1","id":""#)
        reader.withUTF8(mention.id) { id in
            Draft.writeIdentifier(platform: mention.platform, mentionId: id, to: json.reserve(Draft.identifierLength))
        }
        json.raw(#"","mentionId":"#)
        reader.withUTF8(mention.id) { json.quoted($0) }
        json.raw(#","platform":"#)
        json.quoted(mention.platform.rawValue)
        json.raw(#","brand":"#)
        reader.withUTF8(mention.brand) { json.quoted($0) }
        if let account = plan.account {
            json.raw(#","account":"#)
            json.quoted(account)
        }
        json.raw(#","conversation":""#)
        json.escaped(mention.platform.rawValue)
        json.byte(UInt8(ascii: ":"))
        reader.withUTF8(mention.authorID) { json.escaped($0) }
        json.raw(#"","customer":{"#)
        if let name = plan.customerName {
            json.raw(#""name":"#)
            json.quoted(name)
        }
        if let handle {
            if plan.customerName != nil { json.byte(UInt8(ascii: ",")) }
            json.raw(#""handle":"#)
            json.quoted(handle)
        }
        // A mention's 0 means unknown: no reach is written, as Draft(mention:…) leaves it nil.
        if mention.followers > 0 {
            if plan.customerName != nil || handle != nil { json.byte(UInt8(ascii: ",")) }
            json.raw(#""followers":"#)
            json.int(mention.followers)
        }
        json.raw(#"},"agent":"#)
        agent.withUnsafeBufferPointer { json.raw($0) }
        json.raw(#","intent":"#)
        json.quoted(classification.intent.rawValue)
        json.raw(#","tone":"#)
        json.quoted(plan.replyKind.tone.rawValue)
        if let toneModel = classification.toneModel {
            json.raw(#","toneModel":"#)
            json.quoted(toneModel)
        }
        json.raw(#","topics":["#)
        for (index, topic) in classification.topics.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.quoted(topic)
        }
        json.raw(#"],"priority":{"level":"#)
        json.quoted(classification.priority.level.rawValue)
        json.raw(#","score":"#)
        json.int(classification.priority.score)
        json.raw(#","reasons":["#)
        for (index, reason) in classification.priority.reasons.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.quoted(reason)
        }
        json.raw(#"]},"language":"#)
        json.quoted(classification.language.rawValue)
        if let reviewReason = classification.reviewReason {
            json.raw(#","reviewReason":"#)
            json.quoted(reviewReason)
        }
        json.raw(#","text":"#)
        plan.reply.write(to: &json)
        json.raw(#","template":{"name":"#)
        json.quoted(plan.reply.set.name)
        json.raw(#","variant":"#)
        json.int(plan.reply.index + 1)
        json.raw(#"},"createdAt":"#)
        json.timestamp(createdAt)
        json.raw(#","mentionCreatedAt":"#)
        json.timestamp(mention.createdAt)
        json.raw(#","replyBy":"#)
        json.timestamp(mention.createdAt.adding(seconds: classification.replyWithinSeconds))
        json.raw(#","excerpt":""#)
        var text = text
        text.withUTF8 { utf8 in
            guard let end = Draft.excerptEnd(of: utf8) else {
                json.escaped(utf8)
                json.byte(UInt8(ascii: "\""))
                return
            }
            json.escaped(UnsafeBufferPointer(rebasing: utf8[..<end]))
            json.escaped("…")
            json.raw(#"","mentionText":""#)
            json.escaped(utf8)
            json.byte(UInt8(ascii: "\""))
        }
        if let url = mention.url {
            json.raw(#","mentionUrl":"#)
            reader.withUTF8(url) { json.quoted($0) }
        }
        Draft.writeMemory(facts: plan.facts, previousContacts: plan.earlier, to: &json)
        json.byte(UInt8(ascii: "}"))
    }
}
