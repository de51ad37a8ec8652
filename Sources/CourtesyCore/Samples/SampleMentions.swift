import Foundation

/// A realistic, endless and deterministic stream of `courtesy.mention/v1` events, written for the
/// project: for `courtesy demo`, load tests and end-to-end tests.
///
/// Three made-up brands (an airline, an online shop, a mobile and broadband provider) hear complaints
/// about the segments care teams track (late deliveries, returns, warranty, billing, lost baggage,
/// delays, cancellations, outages, rude staff), compliments, questions and remarks that are neither,
/// mostly in English and some in Spanish, on every platform. Texts are composed from hand-written
/// fragments (``SamplePhrases``) with varied values, so they rarely repeat word for word. Display names
/// use the bundled forenames. Some customers write two or three times in a few minutes (same author, so
/// the same conversation key); a few are high-risk: verified, widely followed, angry, threatening to go
/// public or to court. Times advance about ``meanSecondsBetweenMentions`` apart from `start`, each
/// mention posted a little before it is collected (reviews and e-mails up to hours before).
///
/// The same seed, start and forenames always give the same events.
///
/// ```swift
/// var samples = try SampleMentions(seed: 7, start: .now())
/// let (key, json) = samples.next()!    // key: "x:1480…", the conversation key
/// let mention = samples.nextMention()  // or the Mention value
/// ```
package struct SampleMentions: Sequence, IteratorProtocol {
    /// A mention event and its Kafka key, the conversation key `platform:authorId`.
    package typealias Element = (key: String, json: [UInt8])

    /// The average time between two mentions arriving, in seconds.
    package var meanSecondsBetweenMentions: Double = 20
    /// How long after a customer's mention they write again, in seconds: a tool that sends mentions
    /// faster than real time (`courtesy-lab chaos`) shortens it so that repeat contacts happen within its run.
    package var followUpSeconds: ClosedRange<Int> = 90...1_800

    var random: SampleRandom
    let forenames: [String]
    /// A tag from the seed, in every id, so streams with different seeds do not share ids.
    let seedTag: String
    /// How many mentions were made: part of every id, so ids never repeat within a stream.
    var sequence = 0
    /// When the next new (not follow-up) mention arrives, in milliseconds since the epoch.
    var nextArrival: Int64
    var followUps: [SampleFollowUp] = []

    /// A stream started at `start`, with display names drawn from `forenames`.
    /// - Parameter forenames: given names to build display names from; an empty list gives names
    ///   without a forename (nicknames and handles only).
    package init(seed: UInt64, start: Timestamp, forenames: [String]) {
        random = SampleRandom(seed: seed)
        self.forenames = forenames
        seedTag = String(StableHash.mix(seed) % 100_000)
        nextArrival = start.millisecondsSinceEpoch
    }

    /// A stream started at `start`, with display names drawn from the bundled forename lists (Latin
    /// script mostly, a few in other scripts).
    /// - Throws: `PersonalisationError` when the bundled lists cannot be read.
    package init(seed: UInt64, start: Timestamp) throws(PersonalisationError) {
        let names: [String]
        do {
            names = try ForenameCatalog.bundledNames()
        } catch let error as PersonalisationError {
            throw error
        } catch {
            throw PersonalisationError.resourceMissing(name: "forenames.txt")
        }
        self.init(seed: seed, start: start, forenames: names)
    }

    /// The next event and its key; never `nil`, the stream does not end.
    package mutating func next() -> Element? {
        let mention = nextMention()
        return (key: mention.conversationKey, json: mention.jsonBytes())
    }

    /// The next mention.
    package mutating func nextMention() -> Mention {
        nextLabelledMention().mention
    }

    /// The next mention and what it was written to be: a complaint, a compliment, a question or a remark.
    /// A follow-up is what its conversation began as: chasing a complaint is still a complaint.
    /// `courtesy eval drafts` judges the drafts against it rather than against the classifier's reading.
    package mutating func nextLabelledMention() -> (mention: Mention, intent: Intent) {
        sequence += 1
        if let index = followUps.indices.min(by: { followUps[$0].arrival < followUps[$1].arrival }),
            followUps[index].arrival <= nextArrival
        {
            let planned = followUps.remove(at: index)
            return (followUp(planned), planned.segment != nil || planned.highRisk ? .complaint : .question)
        }
        let arrival = nextArrival
        let gap = -log(1 - random.unit()) * meanSecondsBetweenMentions * 1000
        nextArrival += Swift.max(Int64(gap), 50)
        return freshMention(arrival: arrival)
    }

    /// A mention from a new customer, or from one who wrote before about something else, and its intent.
    private mutating func freshMention(arrival: Int64) -> (mention: Mention, intent: Intent) {
        let brandIndex = random.below(SampleBrand.all.count)
        let brand = SampleBrand.all[brandIndex]
        let platform = random.pick(Self.platformMix)
        let spanish = random.chance(0.15)
        let roll = random.unit()
        let intent: Intent = roll < 0.5 ? .complaint : roll < 0.7 ? .question : roll < 0.88 ? .compliment : .other
        let highRisk = intent == .complaint && random.chance(0.06)
        var author = makeAuthor(platform: platform, spanish: spanish)
        if highRisk {
            author.verified = random.chance(0.7) || author.verified
            author.followers = random.logUniform(40_000, 2_500_000)
        }
        let lag = collectionLag(platform)
        let id = mentionID(platform)
        var text: String
        let segment = intent == .complaint ? random.pick(brand.segments) : nil
        switch intent {
        case .complaint:
            text = complaint(brand: brand, segment: segment ?? .billing, spanish: spanish, highRisk: highRisk)
        case .compliment: text = compliment(brand: brand, spanish: spanish)
        case .question: text = question(brand: brand, spanish: spanish)
        case .other: text = remark(brand: brand, spanish: spanish)
        }
        text = framed(text, platform: platform, brand: brand, author: author, spanish: spanish)
        if intent == .complaint || intent == .question, platform != .review, random.chance(0.22) {
            scheduleFollowUps(
                after: arrival, lag: lag, author: author, platform: platform, brand: brandIndex, segment: segment,
                spanish: spanish, highRisk: highRisk, previousID: id)
        }
        let replyingToBrand = platform == .x && random.chance(0.1)
        let mention = Mention(
            id: id, platform: platform, brand: brand.id, author: author, text: text,
            url: url(platform: platform, id: id, author: author, brand: brand),
            inReplyTo: replyingToBrand ? "1" + random.digits(18) : nil,
            createdAt: Timestamp(millisecondsSinceEpoch: arrival - lag),
            engagement: engagement(platform: platform, highRisk: highRisk))
        return (mention, intent)
    }

    /// The customer writing again in the same conversation.
    private mutating func followUp(_ followUp: SampleFollowUp) -> Mention {
        let brand = SampleBrand.all[followUp.brand]
        let id = mentionID(followUp.platform)
        var text = fill(
            random.pick(followUp.spanish ? SamplePhrases.followUpsSpanish : SamplePhrases.followUps), brand: brand,
            spanish: followUp.spanish)
        if random.chance(0.75) {
            let recaps =
                followUp.spanish
                ? SamplePhrases.recapsSpanish
                : followUp.segment.map(SamplePhrases.recaps) ?? SamplePhrases.questionRecaps
            text += " " + fill(random.pick(recaps), brand: brand, spanish: followUp.spanish)
        }
        if followUp.highRisk {
            text += " " + random.pick(followUp.spanish ? SamplePhrases.threatsSpanish : SamplePhrases.threats)
        }
        text = framed(
            text, platform: followUp.platform, brand: brand, author: followUp.author, spanish: followUp.spanish)
        return Mention(
            id: id, platform: followUp.platform, brand: brand.id, author: followUp.author, text: text,
            url: url(platform: followUp.platform, id: id, author: followUp.author, brand: brand),
            inReplyTo: followUp.platform == .x ? followUp.previousID : nil,
            createdAt: Timestamp(millisecondsSinceEpoch: followUp.arrival - followUp.lag),
            engagement: engagement(platform: followUp.platform, highRisk: followUp.highRisk))
    }

    /// Plans one or two more mentions from the same customer, minutes apart.
    private mutating func scheduleFollowUps(
        after arrival: Int64, lag: Int64, author: Mention.Author, platform: Platform, brand: Int,
        segment: SampleSegment?, spanish: Bool, highRisk: Bool, previousID: String
    ) {
        var time = arrival
        for _ in 0..<(random.chance(0.35) ? 2 : 1) {
            time += Int64(random.int(in: followUpSeconds)) * 1000
            // Both thread under the first mention: a follow-up's own id is made only when it is emitted.
            followUps.append(
                SampleFollowUp(
                    arrival: time, lag: lag, author: author, platform: platform, brand: brand, segment: segment,
                    spanish: spanish, highRisk: highRisk, previousID: previousID))
        }
    }

    /// Most mentions are on X; every channel appears.
    static let platformMix: [Platform] = [
        .x, .x, .x, .x, .x, .x, .facebook, .facebook, .instagram, .instagram, .review, .email, .email, .chat, .chat,
    ]

    /// How long before it is collected a mention was posted, in milliseconds: seconds on social
    /// channels and chat, minutes for e-mail, up to hours for reviews (collected by polling).
    private mutating func collectionLag(_ platform: Platform) -> Int64 {
        switch platform {
        case .x, .facebook, .instagram, .chat: Int64(random.int(in: 200...90_000))
        case .email: Int64(random.int(in: 5_000...900_000))
        case .review: Int64(random.int(in: 60_000...10_800_000))
        }
    }

    /// A new id in the platform's usual shape, unique within the stream.
    private mutating func mentionID(_ platform: Platform) -> String {
        let serial = String(sequence)
        let padded = String(repeating: "0", count: Swift.max(0, 9 - serial.count)) + serial
        switch platform {
        case .x: return "19" + padded + seedTag + random.digits(3)
        case .facebook: return "1048" + random.digits(8) + "_" + padded + seedTag
        case .instagram: return "17" + padded + seedTag + random.digits(2)
        case .review: return "rv-" + seedTag + "-" + padded
        case .email: return "<" + padded + "." + seedTag + "." + random.hex(8) + "@mail.example.com>"
        case .chat: return "chat-" + seedTag + "-" + padded
        }
    }

    /// A link to the mention, where the channel has links.
    private mutating func url(platform: Platform, id: String, author: Mention.Author, brand: SampleBrand) -> String? {
        switch platform {
        case .x: "https://x.com/" + (author.handle ?? "i") + "/status/" + id
        case .facebook: "https://www.facebook.com/" + id
        case .instagram: "https://www.instagram.com/p/" + random.hex(11) + "/"
        case .review: "https://reviews.example.com/" + brand.id + "/" + id
        case .email, .chat: nil
        }
    }

    /// Likes, replies and shares on social channels, sometimes; many shares for a high-risk post.
    private mutating func engagement(platform: Platform, highRisk: Bool) -> Mention.Engagement? {
        guard platform == .x || platform == .facebook || platform == .instagram else { return nil }
        if highRisk {
            return Mention.Engagement(
                likes: random.logUniform(200, 40_000), replies: random.logUniform(20, 3_000),
                shares: random.logUniform(100, 12_000))
        }
        guard random.chance(0.5) else { return nil }
        return Mention.Engagement(
            likes: random.chance(0.6) ? random.int(in: 0...3) : random.logUniform(1, 200),
            replies: random.int(in: 0...4), shares: random.chance(0.8) ? 0 : random.logUniform(1, 60))
    }
}
