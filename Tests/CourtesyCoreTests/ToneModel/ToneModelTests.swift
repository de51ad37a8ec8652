import Foundation
import Testing

@testable import CourtesyCore

/// A model trained once on the project's English corpus, a fifth of it held out.
let sharedToneModel: Result<ToneTrainer.Outcome, ToneTestError> = {
    do {
        let items = try ToneCorpus.load(path: ToneCorpusTests.path)
        return .success(
            ToneTrainer.train(
                items.map { ToneTrainer.Example(text: $0.text, tone: $0.tone) }, classifier: try sharedClassifier.get(),
                sources: ["corpus tone-corpus.en.tsv"]))
    } catch {
        return .failure(ToneTestError(description: "\(error)"))
    }
}()

struct ToneTestError: Error, CustomStringConvertible {
    let description: String
}

@Suite("Tone model: training, the model file, and the classifier using it")
struct ToneModelTests {
    private func model() throws -> ToneModel { try sharedToneModel.get().model }

    @Test("trained on the corpus, it beats the rules on the fifth it never saw, and rarely thanks a complaint")
    func beatsTheRules() throws {
        let outcome = try sharedToneModel.get()
        #expect(outcome.held > 800)
        #expect(outcome.fitted + outcome.calibrated + outcome.held + outcome.duplicates > 4000)
        #expect(outcome.heldOut.total == outcome.held)
        #expect(outcome.heldOut.macroF1 > outcome.rulesHeldOut.macroF1 + 0.05)
        #expect(outcome.heldOut.complaintsThankedShare < 0.04)
        // The header records what it was trained on and how it did.
        #expect(outcome.model.description.sources == ["corpus tone-corpus.en.tsv"])
        #expect(outcome.model.description.heldOut?.contains("held-out texts: macro-F1") == true)
    }

    @Test("it knows the texts it was trained on from those it was not")
    func trainedTexts() throws {
        let outcome = try sharedToneModel.get()
        let items = try ToneCorpus.load(path: ToneCorpusTests.path)
        let seen = items.filter { outcome.model.wasTrained(on: $0.text) }.count
        #expect(seen == outcome.fitted + outcome.calibrated)
        #expect(!outcome.model.wasTrained(on: "a text nobody wrote into the corpus"))
    }

    @Test("the same texts give the same model, byte for byte; the file reads back as the same model")
    func deterministicRoundTrip() throws {
        let examples = Self.generated(count: 600)
        let classifier = try sharedClassifier.get()
        var options = ToneTrainer.Options()
        options.bucketBits = 12
        let first = ToneTrainer.train(examples, classifier: classifier, sources: ["generated"], options: options)
        let second = ToneTrainer.train(examples, classifier: classifier, sources: ["generated"], options: options)
        #expect(first.model.fileBytes() == second.model.fileBytes())
        #expect(first.model.checksum.count == 64 && first.model.identifier.count == 12)

        let read = try ToneModel(fileBytes: first.model.fileBytes(), path: "model")
        #expect(read.checksum == first.model.checksum)
        #expect(read.fileBytes() == first.model.fileBytes())
        for text in ["the app keeps crashing, fix it", "you are all brilliant, thank you", "when do you open?"] {
            #expect(classifier.using(read).classify(text: text) == classifier.using(first.model).classify(text: text))
        }
        // Written to a file and loaded from it.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tone-\(UUID().uuidString).model").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try first.model.write(to: path)
        #expect(try ToneModel.load(path: path).checksum == first.model.checksum)
    }

    @Test("generated texts: a model learns what the words say, and the rules' reading of a text it never saw")
    func learnsGeneratedData() throws {
        let examples = Self.generated(count: 900)
        var options = ToneTrainer.Options()
        options.bucketBits = 14
        let outcome = ToneTrainer.train(
            examples, classifier: try sharedClassifier.get(), sources: ["generated"], options: options)
        #expect(outcome.heldOut.accuracy > 0.9, "\(outcome.heldOut.report(title: "generated"))")
    }

    @Test("a file that is not a model, is cut short, was changed, or is of another version is refused, saying so")
    func refusesBadFiles() throws {
        let bytes = try model().fileBytes()
        func error(_ bytes: [UInt8]) -> ToneModelError? {
            do {
                _ = try ToneModel(fileBytes: bytes, path: "m.model")
                return nil
            } catch {
                return error
            }
        }
        #expect(error(Array("apology\ten\tnot a model\n".utf8)) == .notAModel(path: "m.model"))
        #expect(error([]) == .notAModel(path: "m.model"))
        guard case .corrupt(_, let reason)? = error(Array(bytes.dropLast(100))) else {
            Issue.record("a truncated file was not refused as corrupt")
            return
        }
        #expect(reason.contains("checksum"))
        var changed = bytes
        changed[changed.count / 2] ^= 0x01
        guard case .corrupt? = error(changed) else {
            Issue.record("a changed weight was not refused as corrupt")
            return
        }
        var newer = bytes
        newer[ToneModel.magic.count] = 2
        #expect(error(newer) == .unsupportedVersion(path: "m.model", found: 2, supported: 1))
        #expect(error(Array(bytes.prefix(ToneModel.magic.count + 4))) != nil)
        #expect(
            "\(ToneModelError.corrupt(path: "m.model", reason: "x"))"
                == "the tone model m.model is corrupt: x; train it again")
    }

    @Test("a model trained for other labels or on other features is refused, naming them")
    func refusesOtherLabelsAndFeatures() throws {
        let model = try model()
        func bytes(_ change: (inout ToneModelDescription) -> Void) -> [UInt8] {
            var description = model.description
            change(&description)
            return ToneModel.fileBytes(
                description: description, bias: model.bias, offsets: model.offsets, ruleWeights: model.ruleWeights,
                weights: model.weights, trainedTexts: model.trainedTexts)
        }
        do {
            _ = try ToneModel(fileBytes: bytes { $0.labels = ["negative", "neutral", "positive"] }, path: "m")
            Issue.record("other labels were accepted")
        } catch {
            guard case .incompatible(_, let reason) = error else { throw error }
            #expect(reason.contains("negative, neutral, positive") && reason.contains("apology, thanks, neutral"))
        }
        do {
            _ = try ToneModel(fileBytes: bytes { $0.features = "words1-3" }, path: "m")
            Issue.record("other features were accepted")
        } catch {
            guard case .incompatible(_, let reason) = error else { throw error }
            #expect(reason.contains("words1-3"))
        }
        do {
            _ = try ToneModel(fileBytes: bytes { $0.bucketBits += 1 }, path: "m")
            Issue.record("a header promising more weights than the file holds was accepted")
        } catch {
            guard case .corrupt = error else { throw error }
        }
    }

    @Test("a missing file names its path")
    func missingFile() {
        #expect(throws: ToneModelError.self) { try ToneModel.load(path: "/nonexistent/tone.model") }
        do {
            _ = try ToneModel.load(path: "/nonexistent/tone.model")
        } catch {
            #expect("\(error)".contains("/nonexistent/tone.model"))
        }
    }

    @Test("with a model, the classification names it; a threat to escalate is never thanked; others are untouched")
    func classifierUsesTheModel() throws {
        let model = try model()
        let rules = try sharedClassifier.get()
        let withModel = rules.using(model)
        let praise = withModel.classify(text: "the crew were wonderful today, thank you all so much")
        #expect(praise.toneModel == model.identifier)
        #expect(praise.tone == .thanks)
        #expect(rules.classify(text: "the crew were wonderful today").toneModel == nil)
        // Whatever the model thinks of its words, praise that threatens a regulator gets no thanks.
        for text in [
            "thanks a lot for nothing, great service, I am reporting you to the CAA and my lawyer",
            "lovely crew, lovely flight, still reporting you to the regulator",
        ] {
            #expect(withModel.classify(text: text).tone != .thanks, "\(text)")
        }
        // A text whose language is not judged keeps the rules' neutral reading and no model.
        let unjudged = withModel.classify(text: "注文した商品がまだ届きません")
        #expect(unjudged.reviewReason != nil && unjudged.toneModel == nil && unjudged.tone == .neutral)
    }

    @Test("drafts record the model, in both the event and the bytes the hot path writes")
    func draftsRecordTheModel() throws {
        let model = try model()
        let responder = Responder(
            classifier: try sharedClassifier.get().using(model), names: try NameExtractor(), roster: nil,
            templates: try TemplateLibrary.bundled(), clock: { Timestamp(millisecondsSinceEpoch: 1_768_386_600_000) })
        let event = Array(
            #"{"schema":"courtesy.mention/v1","id":"1","platform":"x","brand":"acme","author":{"id":"7"},"text":"my parcel is late again","createdAt":"2026-01-14T09:00:00Z"}"#
                .utf8)
        let fast = try responder.draft(json: event, at: responder.clock()).get()
        let draft = try responder.draft(for: Mention(json: event), at: responder.clock())
        #expect(fast == draft.jsonBytes())
        #expect(draft.toneModel == model.identifier)
        #expect(try Draft(json: fast).toneModel == model.identifier)
        #expect(String(decoding: fast, as: UTF8.self).contains(#""toneModel":"\#(model.identifier)""#))
    }

    /// Texts made from parts, with the tone their words carry: complaints, praise and questions.
    static func generated(count: Int) -> [ToneTrainer.Example] {
        let things = ["parcel", "order", "flight", "bill", "router", "card", "booking", "refund", "app", "seat"]
        let complaints = [
            "my \(0) is broken and nobody answers", "still waiting for my \(0), this is a joke",
            "the \(0) never came, really annoyed", "worst experience with a \(0) ever, fix it",
        ]
        let praise = [
            "love the new \(0), thank you", "the \(0) arrived early, brilliant work",
            "great service with my \(0), thanks team", "the \(0) was perfect, well done",
        ]
        let questions = [
            "how do I change my \(0)?", "can I add a second \(0) to my account?",
            "what time does the \(0) desk open?", "is there a fee to move my \(0)?",
        ]
        var random = SampleRandom(seed: 42)
        return (0..<count).map { index in
            let (patterns, tone): ([String], Tone) =
                [(complaints, .apology), (praise, .thanks), (questions, .neutral)][index % 3]
            let pattern = patterns[random.below(patterns.count)]
            let text =
                pattern.replacingOccurrences(of: "0", with: things[random.below(things.count)])
                + " #\(index)"
            return ToneTrainer.Example(text: text, tone: tone)
        }
    }
}
