extension ToneEvaluation {
    /// A plain-text report, with labels named as in the data (the airline data's by default).
    package func report(title: String, labels: LabelNames = airlineLabels) -> String {
        let names = labels.classes
        var lines: [String] = []
        lines.append(title)
        lines.append("texts: \(total)")
        lines.append("accuracy: \(Self.fixed(accuracy, 3))")
        lines.append("macro-F1: \(Self.fixed(macroF1, 3))")
        lines.append(
            "\(labels.complaint) texts thanked: \(complaintsThanked) of \(confusion[0].reduce(0, +)) "
                + "(\(Self.fixed(complaintsThankedShare * 100, 2))%)")
        lines.append("")
        lines.append(
            Self.pad("class", 22) + Self.pad("precision", 11) + Self.pad("recall", 9) + Self.pad("F1", 8) + "support")
        for (index, tone) in Self.tones.enumerated() {
            let score = scores(for: tone)
            lines.append(
                Self.pad(names[index], 22) + Self.pad(Self.fixed(score.precision, 3), 11)
                    + Self.pad(Self.fixed(score.recall, 3), 9) + Self.pad(Self.fixed(score.f1, 3), 8)
                    + "\(score.support)")
        }
        lines.append("")
        lines.append("confusion (rows: label, columns: predicted tone)")
        lines.append(Self.pad("", 22) + Self.pad("apology", 10) + Self.pad("thanks", 10) + "neutral")
        for (index, row) in confusion.enumerated() {
            lines.append(
                Self.pad(names[index], 22) + Self.pad("\(row[0])", 10) + Self.pad("\(row[1])", 10) + "\(row[2])")
        }
        return lines.joined(separator: "\n")
    }

    /// The same figures as a JSON object, with those of each labelled language in a `languages` array when
    /// there are any.
    package func jsonBytes(languages: [LanguageEvaluation] = []) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writeFields(&writer)
        if !languages.isEmpty {
            writer.key("languages")
            writer.beginArray()
            for row in languages {
                writer.beginObject()
                writer.key("language")
                writer.string(row.language)
                row.tone.writeFields(&writer)
                writer.key("languageDetected")
                writer.decimal(row.detectionAccuracy, fractionDigits: 4)
                writer.key("shortTexts")
                writer.int(row.shortTexts)
                writer.key("shortTextsMisdetected")
                writer.int(row.shortMissed)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        return writer.bytes
    }

    /// The figures' fields, inside an object the caller opened.
    func writeFields(_ writer: inout JSONWriter) {
        writer.key("texts")
        writer.int(total)
        writer.key("accuracy")
        writer.decimal(accuracy, fractionDigits: 4)
        writer.key("macroF1")
        writer.decimal(macroF1, fractionDigits: 4)
        writer.key("negativeThanked")
        writer.int(complaintsThanked)
        writer.key("negativeThankedShare")
        writer.decimal(complaintsThankedShare, fractionDigits: 4)
        writer.key("classes")
        writer.beginObject()
        for tone in Self.tones {
            let score = scores(for: tone)
            switch tone {
            case .apology: writer.key("apology")
            case .thanks: writer.key("thanks")
            case .neutral: writer.key("neutral")
            }
            writer.beginObject()
            writer.key("precision")
            writer.decimal(score.precision, fractionDigits: 4)
            writer.key("recall")
            writer.decimal(score.recall, fractionDigits: 4)
            writer.key("f1")
            writer.decimal(score.f1, fractionDigits: 4)
            writer.key("support")
            writer.int(score.support)
            writer.endObject()
        }
        writer.endObject()
        writer.key("confusion")
        writer.beginArray()
        for row in confusion {
            writer.beginArray()
            for cell in row {
                writer.int(cell)
            }
            writer.endArray()
        }
        writer.endArray()
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        formatFixed(value, fractionDigits: digits)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
