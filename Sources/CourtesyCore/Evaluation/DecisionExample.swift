import Foundation

/// A mention labelled with the tone its reply needed, as an approver's decision showed it: one line of
/// the file `courtesy decisions export` writes and `courtesy train --decisions` reads.
///
/// The rules (docs/classifier.md, "Training on your own data"):
/// - **approved as drafted:** the draft's tone is confirmed, unless the draft was flagged for review
///   (its tone was then not judged, and approving it confirms nothing);
/// - **edited:** the tone of the text the approver wrote: an apology when it apologises, thanks when it
///   thanks (phrases that thank for nothing, such as "thanks for tagging us", do not count), else neutral;
/// - **rejected:** kept out, unless the reason is about the tone and names exactly one ("wrong tone, this is a
///   complaint");
/// - **answered** by another reply: kept out.
package struct DecisionExample: Sendable, Hashable, Codable {
    /// The mention's text.
    package var text: String
    /// The tone its reply needed.
    package var tone: Tone
    /// The mention's language, as the draft recorded it.
    package var language: String?
    /// The decision it comes from: `approve`, `edit` or `reject`.
    package var decision: String
    /// The tone the draft had, when it differs from ``tone``: the correction.
    package var draftTone: Tone?
    /// The draft decided on.
    package var draftId: String

    package init(
        text: String, tone: Tone, language: String?, decision: String, draftTone: Tone?, draftId: String
    ) {
        self.text = text
        self.tone = tone
        self.language = language
        self.decision = decision
        self.draftTone = draftTone
        self.draftId = draftId
    }

    /// The example a decision makes of its draft and the mention's full text, or why it makes none.
    /// - Parameter words: the scorecard's words by language, which say whether a text apologises or thanks.
    package static func label(
        decision: Decision, draft: Draft, mentionText: String, words: [String: DraftScorecardWords]
    ) -> Result<DecisionExample, Skipped> {
        let tone: Tone
        switch decision.action {
        case .approve:
            guard draft.reviewReason == nil else { return .failure(.flaggedDraft) }
            tone = draft.tone
        case .edit:
            guard let text = decision.text else { return .failure(.noText) }
            tone = Self.tone(ofReply: text, language: draft.language.rawValue, words: words)
        case .reject:
            guard let named = decision.reason.flatMap(Self.tone(namedIn:)) else { return .failure(.rejected) }
            tone = named
        case .answered:
            return .failure(.answered)
        }
        return .success(
            DecisionExample(
                text: mentionText, tone: tone, language: draft.language.rawValue, decision: decision.action.rawValue,
                draftTone: tone == draft.tone ? nil : draft.tone, draftId: draft.id))
    }

    /// Why a decision gave no example.
    package enum Skipped: String, Error, Sendable, Hashable, CaseIterable {
        case flaggedDraft = "approved a draft flagged for review"
        case noText = "an edit without text"
        case rejected = "rejected without naming a tone"
        case answered = "answered by another reply"
    }

    /// The tone a reply's text has: apology when it apologises, thanks when it thanks (once the phrases that
    /// thank for nothing are taken out), else neutral. The words are the language's, and English's too.
    package static func tone(ofReply text: String, language: String, words: [String: DraftScorecardWords]) -> Tone {
        var lowered = " " + text.lowercased() + " "
        let lists = [words[language], language == "en" ? nil : words["en"]].compactMap { $0 }
        for list in lists {
            for phrase in list.breezy { lowered = lowered.replacingOccurrences(of: phrase, with: " ") }
        }
        let tokens = Set(
            lowered.split { !($0.isLetter || $0 == "-" || $0 == "'") }.map(String.init))
        if lists.contains(where: { !tokens.isDisjoint(with: $0.apology) }) { return .apology }
        if lists.contains(where: { !tokens.isDisjoint(with: $0.thanks) }) { return .thanks }
        return .neutral
    }

    /// The one tone a rejection's reason names, when it is about the tone ("wrong tone: this is praise",
    /// "tone should be an apology"), or `nil`: a reason that does not say "tone", or names no tone or more
    /// than one ("thanks, but the customer was called back" says nothing of the mention's tone). English
    /// words only.
    package static func tone(namedIn reason: String) -> Tone? {
        let words = reason.lowercased().split { !$0.isLetter }.map(String.init)
        guard words.contains("tone") else { return nil }
        func names(_ stems: [String]) -> Bool { words.contains { word in stems.contains { word.hasPrefix($0) } } }
        let named: [Tone] = [
            names(["complain", "apolog", "sorry", "negative"]) ? .apology : nil,
            names(["compliment", "praise", "thank", "positive"]) ? .thanks : nil,
            names(["neutral", "question"]) ? .neutral : nil,
        ].compactMap { $0 }
        return named.count == 1 ? named[0] : nil
    }

    /// Reads a file of examples, one JSON object a line; blank lines are skipped.
    /// - Throws: ``EvaluationError``, naming the first line that is not an example.
    package static func load(path: String) throws(EvaluationError) -> [DecisionExample] {
        let bytes = try EvaluationError.readFile(path)
        var examples: [DecisionExample] = []
        let decoder = JSONDecoder()
        for (number, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            do {
                examples.append(try decoder.decode(DecisionExample.self, from: Data(line)))
            } catch {
                throw .malformedCorpusLine(
                    line: number + 1, reason: "not a decision example (text, tone, decision, draftId): \(error)")
            }
        }
        guard !examples.isEmpty else { throw .empty(path: path) }
        return examples
    }

    /// The example as one line of JSON, keys sorted.
    package func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
