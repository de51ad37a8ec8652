import Foundation

/// The "Twitter US Airline Sentiment" CSV layout: an `airline_sentiment` column (negative,
/// neutral, positive) and a `text` column. Labels map to tones: negative → apology,
/// positive → thanks, neutral → neutral.
package enum AirlineSentimentCorpus {
    /// Reads the labelled tweets of the CSV at `path`; rows with other labels are skipped.
    package static func load(path: String) throws(EvaluationError) -> [LabelledText] {
        let bytes = try EvaluationError.readFile(path)
        let records = try CSVReader.records(bytes)
        guard let header = records.first else { throw EvaluationError.empty(path: path) }
        guard let labelColumn = header.firstIndex(of: "airline_sentiment") else {
            throw EvaluationError.missingColumn("airline_sentiment")
        }
        guard let textColumn = header.firstIndex(of: "text") else { throw EvaluationError.missingColumn("text") }
        var items: [LabelledText] = []
        items.reserveCapacity(records.count)
        for record in records.dropFirst() where record.count > max(labelColumn, textColumn) {
            let tone: Tone
            switch record[labelColumn] {
            case "negative": tone = .apology
            case "positive": tone = .thanks
            case "neutral": tone = .neutral
            default: continue
            }
            items.append(LabelledText(text: record[textColumn], tone: tone))
        }
        guard !items.isEmpty else { throw EvaluationError.empty(path: path) }
        return items
    }
}
