import Foundation
import Testing

@testable import CourtesyCore

/// The corpus of mentions written for the extractor (`facts-corpus.tsv`, beside this file), each with the facts
/// a person would take from it.
@Suite("Fact corpus")
struct FactCorpusTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("facts-corpus.tsv").path

    /// One fact as the corpus writes it: kind and normalised form.
    struct Expected: Hashable, CustomStringConvertible {
        let kind: Fact.Kind
        let normalised: String

        var description: String { "\(kind)=\(normalised)" }
    }

    struct Mention {
        let line: Int
        let text: String
        let facts: [Expected]
    }

    /// Right, wrong and missed facts of one kind.
    struct Tally {
        var right = 0
        var wrong = 0
        var missed = 0

        var precision: Double { right + wrong == 0 ? 1 : Double(right) / Double(right + wrong) }
        var recall: Double { right + missed == 0 ? 1 : Double(right) / Double(right + missed) }

        static func + (lhs: Tally, rhs: Tally) -> Tally {
            Tally(right: lhs.right + rhs.right, wrong: lhs.wrong + rhs.wrong, missed: lhs.missed + rhs.missed)
        }
    }

    static func load() throws -> [Mention] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var mentions: [Mention] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw CorpusError(line: index + 1, reason: "expected text<TAB>facts")
            }
            var facts: [Expected] = []
            for pair in fields[1].split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard parts.count == 2, let kind = Fact.Kind(rawValue: String(parts[0])) else {
                    throw CorpusError(line: index + 1, reason: "bad fact \"\(pair)\"")
                }
                facts.append(Expected(kind: kind, normalised: String(parts[1])))
            }
            mentions.append(Mention(line: index + 1, text: String(fields[0]), facts: facts))
        }
        return mentions
    }

    struct CorpusError: Error, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "facts-corpus.tsv:\(line): \(reason)" }
    }

    @Test("the corpus: no wrong identifier, identifier recall at least 0.9, other kinds at least 0.9 precise")
    func corpus() throws {
        let mentions = try Self.load()
        #expect(mentions.count >= 150)
        #expect(Set(mentions.map(\.text)).count == mentions.count, "a mention appears twice")
        #expect(mentions.filter(\.facts.isEmpty).count >= 40, "too few mentions without facts")

        let extractor = FactExtractor()
        var tallies: [Fact.Kind: Tally] = [:]
        var differences: [String] = []
        for mention in mentions {
            var expected = mention.facts
            for fact in extractor.facts(in: mention.text) {
                let found = Expected(kind: fact.kind, normalised: fact.normalised)
                if let index = expected.firstIndex(of: found) {
                    expected.remove(at: index)
                    tallies[fact.kind, default: Tally()].right += 1
                } else {
                    tallies[fact.kind, default: Tally()].wrong += 1
                    differences.append("line \(mention.line): wrong \(found) in \(mention.text)")
                }
            }
            for missed in expected {
                tallies[missed.kind, default: Tally()].missed += 1
                differences.append("line \(mention.line): missed \(missed) in \(mention.text)")
            }
        }

        var table = "kind        right  wrong  missed  precision  recall\n"
        func row(_ name: String, _ tally: Tally) {
            table +=
                name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + [tally.right, tally.wrong, tally.missed].map { String($0).leftPadded(7) }.joined()
                + String(format: "%11.3f%8.3f", tally.precision, tally.recall) + "\n"
        }
        for kind in Fact.Kind.allCases where tallies[kind] != nil {
            row(kind.rawValue, tallies[kind]!)
        }
        let identifiers = Fact.Kind.identifiers.compactMap { tallies[$0] }.reduce(Tally(), +)
        row("ids", identifiers)
        print("Fact corpus, \(mentions.count) mentions:\n" + table + differences.joined(separator: "\n"))

        // A wrong identifier makes a reply quote a number the customer never gave: none is acceptable. A missed
        // one only makes the reply ask for it again, so a tenth may be missed.
        #expect(identifiers.wrong == 0, "\(differences)")
        #expect(identifiers.recall >= 0.9)
        for kind in [Fact.Kind.duration, .amount, .date] {
            let tally = tallies[kind] ?? Tally()
            #expect(tally.precision >= 0.9, "\(kind): \(tally)")
            #expect(tally.recall >= 0.8, "\(kind): \(tally)")
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
