import Testing

@testable import CourtesyCore

/// 2026-01-14 10:30 UTC.
private let start = Timestamp(millisecondsSinceEpoch: 1_768_386_600_000)

private func responder() throws -> Responder {
    Responder(
        classifier: try sharedClassifier.get(), names: try NameExtractor(), roster: nil,
        templates: try TemplateLibrary.bundled(), clock: { start })
}

@Suite("Sample mentions: a realistic stream written for the project")
struct SampleMentionsTests {
    @Test("Every one of 2,000 sample mentions drafts, with a mix of intents, platforms and conversations")
    func draftsWithoutError() throws {
        let responder = try responder()
        var samples = try SampleMentions(seed: 42, start: start)
        var intents: [Intent: Int] = [:]
        var platforms: Set<Platform> = []
        var languages: [String: Int] = [:]
        var perConversation: [String: Int] = [:]
        var ids: Set<String> = []
        var texts: Set<String> = []
        var urgent = 0
        var reviewed = 0
        for index in 0..<2000 {
            let event = samples.next()
            let (key, json) = try #require(event)
            #expect(!json.contains(0x09) && !json.contains(0x0A), "event \(index) holds a raw tab or line feed")
            let mention = try Mention(json: json)
            #expect(key == mention.conversationKey)
            #expect(ids.insert(mention.platform.rawValue + ":" + mention.id).inserted, "id \(mention.id) repeats")
            texts.insert(mention.text)
            let draft: Draft
            switch responder.draft(json: json, at: start) {
            case .success(let bytes): draft = try Draft(json: bytes)
            case .failure(let error):
                Issue.record("event \(index) was refused: \(error): \(String(decoding: json, as: UTF8.self))")
                continue
            }
            #expect(draft.mentionCreatedAt == mention.createdAt)
            intents[draft.intent, default: 0] += 1
            platforms.insert(mention.platform)
            languages[draft.language.rawValue, default: 0] += 1
            perConversation[key, default: 0] += 1
            if draft.priority.level == .urgent { urgent += 1 }
            if draft.reviewReason != nil { reviewed += 1 }
        }
        #expect(Set(intents.keys) == Set(Intent.allCases), "\(intents)")
        #expect(intents.values.allSatisfy { $0 >= 100 }, "\(intents)")
        #expect(platforms == Set(Platform.allCases))
        #expect((languages["es"] ?? 0) >= 150, "\(languages)")
        #expect((languages["en"] ?? 0) >= 1400, "\(languages)")
        let repeated = perConversation.values.filter { $0 > 1 }
        #expect(repeated.count >= 50, "\(repeated.count) conversations with more than one mention")
        #expect(repeated.allSatisfy { $0 <= 3 })
        #expect(urgent >= 20, "\(urgent) urgent drafts")
        #expect(reviewed >= 10, "\(reviewed) drafts flagged for review")
        // Composed from fragments: repeats are rare.
        #expect(texts.count >= 1800, "\(texts.count) distinct texts")
    }

    @Test("The same seed gives the same stream; another seed another, with other ids")
    func deterministic() throws {
        var first = try SampleMentions(seed: 7, start: start)
        var second = try SampleMentions(seed: 7, start: start)
        var other = try SampleMentions(seed: 8, start: start)
        var firstIDs: Set<String> = []
        var otherIDs: Set<String> = []
        var differ = 0
        for _ in 0..<500 {
            let a = first.nextMention()
            #expect(a == second.nextMention())
            let b = other.nextMention()
            if a != b { differ += 1 }
            firstIDs.insert(a.id)
            otherIDs.insert(b.id)
        }
        #expect(differ == 500)
        #expect(firstIDs.isDisjoint(with: otherIDs))
    }

    @Test("Times spread from the start, a follow-up comes after the mention it follows")
    func times() throws {
        var samples = try SampleMentions(seed: 3, start: start)
        let mentions = (0..<1000).map { _ in samples.nextMention() }
        let times = mentions.map(\.createdAt.millisecondsSinceEpoch)
        let earliest = try #require(times.min())
        let latest = try #require(times.max())
        // Posted at most a few hours before they were collected, from the start on.
        #expect(earliest >= start.millisecondsSinceEpoch - 3 * 3_600_000)
        // About 20 s apart: 1,000 mentions span hours, not days.
        #expect(latest - start.millisecondsSinceEpoch > 2 * 3_600_000)
        #expect(latest - start.millisecondsSinceEpoch < 12 * 3_600_000)
        var first: [String: Mention] = [:]
        var previous: [String: Mention] = [:]
        for mention in mentions {
            if let before = previous[mention.conversationKey], let opening = first[mention.conversationKey] {
                #expect(before.createdAt <= mention.createdAt)
                #expect(before.author == mention.author)
                #expect(before.brand == mention.brand)
                if mention.platform == .x { #expect(mention.inReplyTo == opening.id) }
            } else {
                first[mention.conversationKey] = mention
            }
            previous[mention.conversationKey] = mention
        }
    }

    @Test("High-risk customers appear: verified or widely followed, threatening to go public or to court")
    func highRisk() throws {
        var samples = try SampleMentions(seed: 11, start: start)
        let risky = (0..<2000).map { _ in samples.nextMention() }.filter {
            $0.author.followers >= 40_000 && ($0.engagement?.shares ?? 0) >= 100
        }
        #expect(risky.count >= 10)
        #expect(risky.contains { $0.author.verified })
    }

    @Test("Without forenames, display names are nicknames or absent")
    func withoutForenames() {
        var samples = SampleMentions(seed: 1, start: start, forenames: [])
        for _ in 0..<200 {
            let name = samples.nextMention().author.displayName
            #expect(name == nil || SamplePhrases.nicknames.contains { name?.hasPrefix($0) == true })
        }
    }
}
