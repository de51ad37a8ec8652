import Foundation

extension DraftScorecard {
    /// The scorecard for people: a line per rule with its count, then examples of each violation.
    package func report(title: String) -> String {
        var lines = ["\(title): \(drafted) drafts judged" + (failed.isEmpty ? "" : ", \(failed.count) not drafted")]
        lines.append("")
        let width = DraftRule.allCases.map(\.rawValue.count).max() ?? 0
        for rule in DraftRule.allCases {
            let name = rule.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let count = String(counts[rule] ?? 0)
            lines.append(
                "  \(name)  \(String(repeating: " ", count: max(0, 5 - count.count)))\(count)  \(rule.summary)")
        }
        lines.append("")
        for language in commonestOpenings.keys.sorted() {
            guard let top = commonestOpenings[language] else { continue }
            let share = Double(top.count) / Double(max(top.of, 1)) * 100
            lines.append(
                "  commonest \(language) opening: \"\(top.opening)\" in \(top.count) of \(top.of) drafts "
                    + "(\(Self.percent(share)); over \(Self.percent(maximumOpeningShare * 100)) is overused)")
        }
        if labelledComplaints > 0 {
            let share = Double(misread) / Double(labelledComplaints) * 100
            lines.append(
                "  complaints read as something else (no apology): \(misread) of \(labelledComplaints) "
                    + "(\(Self.percent(share)))")
        }
        if labelledPraiseAndRemarks > 0 {
            let share = Double(apologisedTo) / Double(labelledPraiseAndRemarks) * 100
            lines.append(
                "  praise and remarks read as complaints (an apology for nothing): \(apologisedTo) of "
                    + "\(labelledPraiseAndRemarks) (\(Self.percent(share)))")
        }
        for rule in DraftRule.allCases {
            Self.appendExamples(examples[rule] ?? [], heading: "\(rule.rawValue): \(counts[rule] ?? 0)", to: &lines)
        }
        Self.appendExamples(misreadExamples, heading: "complaints read as something else: \(misread)", to: &lines)
        Self.appendExamples(
            apologisedToExamples, heading: "praise and remarks read as complaints: \(apologisedTo)", to: &lines)
        for failure in failed.prefix(examplesPerRule) {
            lines.append("not drafted: \(failure)")
        }
        lines.append("")
        lines.append(
            violations == 0 && failed.isEmpty
                ? "no violations"
                : "\(violations) violation(s)" + (failed.isEmpty ? "" : ", \(failed.count) mention(s) not drafted"))
        return lines.joined(separator: "\n")
    }

    /// A heading and each example's mention and draft, when there are examples.
    private static func appendExamples(_ shown: [Violation], heading: String, to lines: inout [String]) {
        guard !shown.isEmpty else { return }
        lines.append("")
        lines.append("# \(heading)")
        for violation in shown {
            lines.append("  [\(violation.platform.rawValue) \(violation.mentionID)] \(violation.detail)")
            lines.append("    mention: \(oneLine(violation.mention))")
            lines.append("    draft:   \(violation.draft.isEmpty ? "(none)" : oneLine(violation.draft))")
        }
    }

    /// The same figures as one JSON object: `drafted`, `failed`, `violations`, and per rule its count and
    /// examples.
    package func jsonBytes() -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("drafted")
        writer.int(drafted)
        writer.key("failed")
        writer.int(failed.count)
        writer.key("violations")
        writer.int(violations)
        writer.key("labelledComplaints")
        writer.int(labelledComplaints)
        writer.key("misread")
        writer.int(misread)
        writer.key("labelledPraiseAndRemarks")
        writer.int(labelledPraiseAndRemarks)
        writer.key("apologisedTo")
        writer.int(apologisedTo)
        writer.key("rules")
        writer.beginArray()
        for rule in DraftRule.allCases {
            writer.beginObject()
            writer.key("rule")
            writer.string(rule.rawValue)
            writer.key("count")
            writer.int(counts[rule] ?? 0)
            writer.key("examples")
            writer.beginArray()
            for violation in examples[rule] ?? [] {
                writer.beginObject()
                writer.key("mentionId")
                writer.string(violation.mentionID)
                writer.key("platform")
                writer.string(violation.platform.rawValue)
                writer.key("detail")
                writer.string(violation.detail)
                writer.key("mention")
                writer.string(violation.mention)
                writer.key("draft")
                writer.string(violation.draft)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    private static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
