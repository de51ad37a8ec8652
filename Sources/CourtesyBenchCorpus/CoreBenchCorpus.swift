import CourtesyCore
import Foundation

/// Mention events for `bench core`, generated from phrases written for the benchmark.
///
/// The mix follows what a brand's mentions look like: mostly complaints and questions, some praise,
/// a little Spanish and other languages; display names plain, decorated, corporate or absent;
/// @mentions, links, hashtags and emoji in the text; most on X, the rest on other channels.
package enum CoreBenchCorpus {
    private static let complaints = [
        "my order still hasn't arrived and it's been two weeks", "been on hold for 45 minutes, this is ridiculous",
        "the app keeps crashing every time I try to pay", "you charged me twice for the same order",
        "worst customer service ever, nobody answers emails",
        "my package was left in the rain and everything is ruined",
        "flight delayed AGAIN!!! third time this month", "still waiting for my refund after 3 weeks",
        "the product broke after two days, not happy at all", "cancelled my booking without telling me",
        "great, another delay. just what I needed", "I will never order from you again",
        "the driver marked it delivered but nothing is here", "your website has been down all morning",
        "lost my luggage and nobody can tell me where it is", "fix this in 48 hours or I'm posting everywhere",
        "I want to cancel my subscription, you keep billing me", "talking to my lawyer about this charge",
    ]
    private static let compliments = [
        "thank you so much for the quick help today", "love the new update, the app is so much faster",
        "the crew on my flight were amazing", "best customer service I've had in years, thanks",
        "my order arrived a day early, brilliant", "huge thanks to the team for sorting my refund",
        "really impressed with the quality, will buy again", "you made my day, thank you",
    ]
    private static let questions = [
        "how do I change the delivery address on my order?", "do you ship to Canada?",
        "what time does the store open on Sundays?", "can I return an item without the receipt?",
        "is there a student discount?", "when will the new model be back in stock?",
        "how long does a refund usually take?", "where can I find my invoice?",
    ]
    private static let others = [
        "just saw your ad on TV", "anyone else watching the launch tonight", "new store opening downtown",
        "shopping day with the family", "checking out the new collection",
    ]
    private static let spanish = [
        "mi pedido no ha llegado y nadie me responde", "gracias por la ayuda, todo perfecto",
        "el servicio es pésimo, llevo una semana esperando", "¿cuándo abren la tienda del centro?",
        "muchas gracias al equipo, muy amables", "me cobraron dos veces y no me devuelven el dinero",
    ]
    private static let foreign = [
        "ma commande n'est toujours pas arrivée, c'est inadmissible", "merci beaucoup pour votre aide",
        "meine Bestellung ist immer noch nicht angekommen", "ordine arrivato in ritardo di una settimana",
        "注文した商品がまだ届きません", "спасибо за быструю доставку",
    ]
    private static let openers = ["", "", "", "Hey ", "Hi ", "Seriously ", "Ugh, ", "Wow ", "Um ", ""]
    private static let tails = [
        "", "", "", " 😡", " 🙏", " #fail", " #customerservice", " https://t.co/abc123", " 😍😍", "!!", "...", " ??",
    ]
    private static let displayNames: [String?] = [
        "Jane Doe", "JOHN SMITH", "maria garcia", "Dr. Emily Chen", "Mike T", "Sarah 🌸", "Anne-Marie O'Neil",
        "José García", "Chris | Photographer", "Best Buy Support", "Jetbluenews", nil, nil, "Tom & Jerry",
        "Kevin (he/him)", "Мария Иванова", "J. Smith", "Priya Patel", "Summer Vibes", "Mohamed Ali",
        "Sr. Carlos Ruiz", "The Daily Grind", "liz", "Siobhan Murphy", "Ahmed", "Lucy Liu ✨", "mr_bean99",
        "Daniel Kim", "Aisha Bello", "Will Smith", "Hope", "Zoë Kravitz", "Tanaka Yuki", "Bob's Pizza",
        "Official Acme Fans", "Rachel Green", "Luis", "Fatima Zahra", "Olga K.", "Dave from Ohio",
    ]
    private static let handles = [
        "jane_d", "jsmith", "mariag", "emchen", "miket", "sarahflowers", "annemarie", "jgarcia", "chrisphoto",
        "bestbuysupport", "JetBlueNews", "user12345", "tomnjerry", "kev", "masha", "jsmith2", "priya",
        "summervibes", "mo_ali", "cruiz", "dailygrind", "lizzie", "siobhan", "ahmed_k", "lucy", "mr_bean99",
        "dkim", "aisha", "willsmith", "hope22", "zoe", "tanaka", "bobspizza", "acmefans", "rachel", "luis",
        "fatima", "olga", "dave_ohio",
    ]
    private static let brands = ["acme", "skyair", "shopfast", "brightbank"]
    private static let platforms: [Platform] = [.x, .x, .x, .x, .x, .facebook, .instagram, .review, .email, .chat]

    /// `count` mention events as JSON, the same every run.
    package static func make(count: Int) -> [[UInt8]] {
        var random = SampleRandom(seed: 0xC0FFEE)
        func pick<Element>(_ list: [Element]) -> Element {
            list[Int(random.next() % UInt64(list.count))]
        }
        let created = Timestamp(millisecondsSinceEpoch: 1_767_268_800_000)
        return (0..<count).map { index in
            let kind = random.next() % 100
            let body: String
            switch kind {
            case 0..<40: body = pick(complaints)
            case 40..<55: body = pick(compliments)
            case 55..<75: body = pick(questions)
            case 75..<83: body = pick(others)
            case 83..<93: body = pick(spanish)
            default: body = pick(foreign)
            }
            let brand = pick(brands)
            let nameIndex = Int(random.next() % UInt64(displayNames.count))
            let followers = Int(random.next() % 100) < 3 ? Int(random.next() % 2_000_000) : Int(random.next() % 3000)
            let author = Mention.Author(
                id: String(100_000 + random.next() % 40_000), handle: handles[nameIndex % handles.count],
                displayName: displayNames[nameIndex], followers: followers, verified: random.next() % 50 == 0,
                locale: kind >= 83 && kind < 93 ? "es-ES" : "en-US")
            let mention = Mention(
                id: String(1_880_000_000_000_000_000 + UInt64(index) * 7919), platform: pick(platforms), brand: brand,
                author: author, text: "@\(brand) " + pick(openers) + body + pick(tails),
                url: "https://x.example/\(author.handle ?? "u")/\(index)", inReplyTo: nil,
                createdAt: created.adding(seconds: index % 86_400),
                engagement: random.next() % 4 == 0
                    ? Mention.Engagement(likes: Int(random.next() % 50), replies: 0, shares: Int(random.next() % 5))
                    : nil)
            return mention.jsonBytes()
        }
    }

    /// A roster of `count` agents over a few time zones, skills and languages, on shift around the clock.
    package static func roster(count: Int) throws -> AgentRoster {
        let skills = [["delivery", "returns"], ["billing", "account"], ["*"], ["quality", "service"], ["delivery"]]
        let zones = ["Europe/Madrid", "Europe/London", "America/New_York", "America/Mexico_City", "Asia/Tokyo"]
        let firstNames = ["Ana", "Ben", "Chloé", "Diego", "Emma", "Femi", "Grace", "Hiro", "Inés", "Jon"]
        let agents = (0..<count).map { index in
            Agent(
                id: "agent-\(index)", name: "\(firstNames[index % firstNames.count]) Example\(index)",
                skills: Set(skills[index % skills.count]), languages: index % 3 == 0 ? ["en", "es"] : ["en"],
                timeZone: TimeZone(identifier: zones[index % zones.count]) ?? .gmt,
                shifts: [
                    AgentShift(
                        days: Set(Weekday.allCases), startMinute: (index % 4) * 360,
                        endMinute: ((index % 4) * 360 + 600) % 1440)
                ])
        }
        return try AgentRoster(agents: agents)
    }
}
