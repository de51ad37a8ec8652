import Benchmark
import CourtesyBenchCorpus
import CourtesyCore

/// The core's stages, each over the same batch of 256 generated mentions (`courtesy-lab bench core`'s
/// corpus): one iteration is one batch, so its allocation count is the same every run on the same toolchain,
/// and Benchmarks/Thresholds holds it. Time is reported too, for reading, not checked.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.mallocCountTotal, .wallClock],
        warmupIterations: 2,
        maxDuration: .seconds(1),
        maxIterations: 200,
        // A batch's allocations are counted exactly: a few more for the whole batch is a change to look at.
        thresholds: [.mallocCountTotal: .init(relative: [.p90: 1.0], absolute: [.p90: 8])]
    )

    let batch: CoreBatch
    do {
        batch = try CoreBatch(count: 256)
    } catch {
        fatalError("cannot prepare the core's benchmark batch: \(error)")
    }

    Benchmark("decode-mention-events") { _ in
        for event in batch.events {
            blackHole(try? Mention(json: event, limits: batch.responder.limits))
        }
    }

    Benchmark("classify-mentions") { _ in
        for mention in batch.mentions {
            blackHole(batch.responder.classifier.classify(mention))
        }
    }

    Benchmark("find-first-names") { _ in
        for mention in batch.mentions {
            blackHole(
                batch.responder.names.firstName(displayName: mention.author.displayName, handle: mention.author.handle))
        }
    }

    Benchmark("render-replies") { _ in
        for request in batch.requests {
            blackHole(try? batch.responder.templates.render(request))
        }
    }

    Benchmark("encode-draft-events") { _ in
        for draft in batch.drafts {
            blackHole(draft.jsonBytes())
        }
    }

    Benchmark("draft-from-event-to-event") { _ in
        for event in batch.events {
            blackHole(batch.responder.draft(json: event, at: batch.now))
        }
    }
}

/// One batch of mentions, and each stage's input made by the stages before it.
struct CoreBatch: Sendable {
    let responder: Responder
    let now = Timestamp(millisecondsSinceEpoch: 1_767_268_800_000 + 36_000_000)
    let events: [[UInt8]]
    let mentions: [Mention]
    let drafts: [Draft]
    let requests: [ReplyRequest]

    init(count: Int) throws {
        let responder = Responder(
            classifier: try Classifier.shipped(), names: try NameExtractor(),
            roster: try CoreBenchCorpus.roster(count: 20), templates: try TemplateLibrary.bundled())
        let now = self.now
        let events = CoreBenchCorpus.make(count: count)
        let mentions = events.compactMap { try? Mention(json: $0, limits: responder.limits) }
        let drafts = try mentions.map { try responder.draft(for: $0, at: now) }
        requests = zip(mentions, drafts).map { mention, draft in
            let classification = responder.classifier.classify(mention)
            return ReplyRequest(
                kind: Responder.replyKind(for: classification), platform: mention.platform,
                language: classification.language.rawValue,
                customerName: responder.names.firstName(
                    displayName: mention.author.displayName, handle: mention.author.handle),
                agentName: draft.agent.name, topics: classification.topics, seed: mention.id)
        }
        self.responder = responder
        self.events = events
        self.mentions = mentions
        self.drafts = drafts
    }
}
