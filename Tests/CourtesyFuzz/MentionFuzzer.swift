import CourtesyCore
import HostileCorpus

/// libFuzzer's entry point: one input, checked by ``MentionFuzzer/check(_:)``; a broken rule traps, which
/// libFuzzer reports as a crash and keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMention(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    MentionFuzzer.check(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

/// The rules every input must keep, as a mention event and as a display name.
enum MentionFuzzer {
    /// The instant every draft is made at, so that the two ways of drafting can be compared byte for byte.
    static let now = Timestamp(millisecondsSinceEpoch: 1_768_386_600_000)

    /// Built once: the shipped classifier and templates, no roster.
    static let responder: Responder = {
        do {
            return try Responder(configuration: ResponderConfiguration(), clock: { now })
        } catch {
            fatalError("the shipped configuration does not load: \(error)")
        }
    }()

    /// Checks one input; traps, naming the rule, when one is broken.
    static func check(_ input: UnsafeRawBufferPointer) {
        checkEvent(input)
        if let text = String(validating: input, as: UTF8.self) {
            checkName(text)
        }
    }

    /// As a mention event: the hot path and the `Mention` path agree, a decoded mention survives a round
    /// trip, and a draft is valid JSON and safe.
    static func checkEvent(_ input: UnsafeRawBufferPointer) {
        let bytes = Array(input)
        let hot = responder.draft(json: input, at: now)
        let mention: Mention
        do throws(EventDecodingError) {
            mention = try Mention(json: bytes)
        } catch {
            guard case .failure(let refusal) = hot else {
                fail("the hot path drafted an event the Mention decoder refuses (\(error))")
            }
            require(refusal.reason == ResponderError.Reason(error.kind), "different reasons: \(refusal) and \(error)")
            require(!refusal.message.isEmpty, "a refusal without a message")
            return
        }
        let encoded = mention.jsonBytes()
        require((try? Mention(json: encoded)) == mention, "a mention does not survive encoding and decoding")
        switch hot {
        case .failure(let refusal):
            fail("the hot path refused (\(refusal)) an event the Mention decoder reads")
        case .success(let draftBytes):
            let draft: Draft
            do {
                draft = try Draft(json: draftBytes)
            } catch {
                fail(
                    "the draft event does not decode (\(error)): \(String(decoding: draftBytes.prefix(300), as: UTF8.self))"
                )
            }
            checkSafety(draft)
            let slow = try? responder.draft(for: mention, at: now).jsonBytes()
            require(slow == draftBytes, "the two ways of drafting differ")
        }
    }

    /// As a display name, a handle and a text: the draft greets nobody or a sanitised name, and is safe.
    static func checkName(_ text: String) {
        let mention = Mention(
            id: "fuzz", platform: .x, brand: "acme",
            author: Mention.Author(id: "a", handle: text, displayName: text, followers: 1),
            text: text, createdAt: now)
        do {
            checkSafety(try responder.draft(for: mention, at: now))
        } catch {
            fail("a valid mention was refused: \(error)")
        }
    }

    private static func checkSafety(_ draft: Draft) {
        let problems = DraftSafety.problems(text: draft.text, customerName: draft.customer.name)
        require(problems.isEmpty, "an unsafe draft: \(problems) in \(draft.text)")
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    private static func fail(_ message: String) -> Never {
        fatalError("courtesy fuzz: \(message)")
    }
}
