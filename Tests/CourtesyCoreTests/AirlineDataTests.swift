import Foundation
import Testing

@testable import CourtesyCore

/// The shared evaluation data, from `COURTESY_DATA_DIR` or `../shared/data` beside the package.
enum SharedData {
    static let directory: String = {
        if let configured = ProcessInfo.processInfo.environment["COURTESY_DATA_DIR"], !configured.isEmpty {
            return configured
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/data").standardizedFileURL.path
    }()

    static var airlinePath: String { directory + "/airline-sentiment-train.csv" }

    static var hasAirline: Bool {
        let available = FileManager.default.isReadableFile(atPath: airlinePath)
        if !available {
            print("SKIPPING airline data tests: \(airlinePath) not found (set COURTESY_DATA_DIR)")
        }
        return available
    }
}

@Suite("Airline data (needs COURTESY_DATA_DIR)")
struct AirlineDataTests {
    @Test(
        "the classifier beats the lexicon baseline and rarely thanks complaints",
        .enabled(if: SharedData.hasAirline, "airline-sentiment-train.csv not found; set COURTESY_DATA_DIR"))
    func airline() throws {
        let items = try AirlineSentimentCorpus.load(path: SharedData.airlinePath)
        #expect(items.count == 11_681)
        let evaluation = ToneEvaluation(classifying: items, with: try sharedClassifier.get())
        // VADER alone scores 0.46 macro-F1 here.
        #expect(evaluation.macroF1 > 0.685)
        #expect(evaluation.complaintsThankedShare < 0.02)
    }
}
