/// One variant with one combination of present values, compiled to text and value slots.
///
/// Mustache decides the structure (sections, inverted sections, whitespace) when the templates are
/// loaded; rendering a reply then only joins the fixed text with the sanitised values.
///
/// A class, immutable: every reply passes its form along, and a reference costs one retain where a
/// struct of arrays costs one per array. Two forms are equal when their segments are.
final class TemplateForm: Sendable, Hashable {
    let segments: [TemplateSegment]
    /// UTF-8 bytes of the fixed text, to size the result.
    let fixedUTF8Count: Int
    /// The fixed text of every segment escaped for a JSON string, one after another, made once with the form.
    let escapedText: [UInt8]
    /// The segments as ``write(_:to:)`` writes them, text as stretches of ``escapedText``.
    let pieces: [TemplatePiece]

    init(segments: [TemplateSegment]) {
        self.segments = segments
        var fixed = 0
        var escapedText: [UInt8] = []
        var pieces: [TemplatePiece] = []
        for segment in segments {
            switch segment {
            case .text(let text):
                fixed += text.utf8.count
                var writer = JSONWriter(capacity: text.utf8.count + 2)
                writer.string(text)
                // Without the quotes the writer puts around a string value.
                escapedText.append(contentsOf: writer.bytes.dropFirst().dropLast())
                pieces.append(.text(end: escapedText.count))
            case .value(let variable):
                pieces.append(.value(variable))
            }
        }
        fixedUTF8Count = fixed
        self.escapedText = escapedText
        self.pieces = pieces
    }

    static func == (lhs: TemplateForm, rhs: TemplateForm) -> Bool { lhs.segments == rhs.segments }

    func hash(into hasher: inout Hasher) { hasher.combine(segments) }

    /// The form from the text Mustache rendered with placeholders for the present values.
    convenience init(placeholderText: String) {
        var segments: [TemplateSegment] = []
        var current = String.UnicodeScalarView()
        for scalar in placeholderText.unicodeScalars {
            if let variable = TemplateVariable.forPlaceholder(scalar) {
                if !current.isEmpty { segments.append(.text(String(current))) }
                current = String.UnicodeScalarView()
                segments.append(.value(variable))
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { segments.append(.text(String(current))) }
        self.init(segments: segments)
    }

    /// The length of ``render(_:)`` in UTF-8 bytes, without making it.
    func utf8Count(_ values: TemplateValues) -> Int {
        var count = fixedUTF8Count
        for piece in pieces {
            if case .value(let variable) = piece { count += values[variable]?.utf8.count ?? 0 }
        }
        return count
    }

    /// The most bytes ``write(_:to:)`` writes: the escaped fixed text, every value byte escaped as
    /// `\u00XX`, and the quotes.
    func maximumJSONCount(_ values: TemplateValues) -> Int {
        2 + escapedText.count + 6 * (utf8Count(values) - fixedUTF8Count)
    }

    /// Writes the text with the values filled in as a quoted JSON string: the same characters as
    /// ``render(_:)``, escaped as ``JSONWriter/string(_:)`` escapes them.
    func write(_ values: TemplateValues, to json: inout UnsafeJSONOutput) {
        json.byte(UInt8(ascii: "\""))
        escapedText.withUnsafeBufferPointer { text in
            var start = 0
            for piece in pieces {
                switch piece {
                case .text(let end):
                    json.raw(UnsafeBufferPointer(rebasing: text[start..<end]))
                    start = end
                case .value(let variable):
                    json.escaped(values[variable])
                }
            }
        }
        json.byte(UInt8(ascii: "\""))
    }

    /// The text with the values filled in; values must already be sanitised.
    func render(_ values: TemplateValues) -> String {
        var result = ""
        result.reserveCapacity(fixedUTF8Count + 64)
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .value(let variable): result += values[variable] ?? ""
            }
        }
        return result
    }
}
