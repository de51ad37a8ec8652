import Foundation

/// The words a language's drafts are judged by (the `scorecard.json` resource), all lowercase and matched
/// as whole words: the judge keeps its own lists rather than the templates', so that it can catch what the
/// templates' own checks miss.
package struct DraftScorecardWords: Sendable, Hashable, Decodable {
    /// Words that make a reply an apology ("sorry", "lamento").
    package var apology: [String]
    /// Words that thank ("thanks", "gracias"): every compliment reply has one.
    package var thanks: [String]
    /// Light lines no complaint, threat or flagged mention may get ("thanks for tagging").
    package var breezy: [String]
    /// A shop's words, wrong for an airline, hotel, telecom or bank customer ("order", "delivery").
    package var shopWords: [String]
    /// Phrases that contain a shop word without meaning it ("in order to"), removed before looking.
    package var shopPhrases: [String]
    /// Asking for a like, share, follow or review.
    package var begging: [String]

    /// The lists that ship with Courtesy, by language code.
    package static func shipped() throws(EvaluationError) -> [String: DraftScorecardWords] {
        guard let url = Bundle.module.url(forResource: "scorecard", withExtension: "json") else {
            throw EvaluationError.unreadable(path: "scorecard.json", reason: "missing from the installation")
        }
        let bytes = try EvaluationError.readFile(url.path)
        do {
            return try JSONDecoder().decode([String: DraftScorecardWords].self, from: Data(bytes))
        } catch {
            throw EvaluationError.unreadable(path: url.path, reason: "\(error)")
        }
    }
}
