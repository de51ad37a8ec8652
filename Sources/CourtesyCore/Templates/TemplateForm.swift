/// One variant with one combination of present values, compiled to text and value slots.
///
/// Mustache decides the structure (sections, inverted sections, whitespace) when the templates are
/// loaded; rendering a reply then only joins the fixed text with the sanitised values.
struct TemplateForm: Sendable, Hashable {
    let segments: [TemplateSegment]
    /// UTF-8 bytes of the fixed text, to size the result.
    let fixedUTF8Count: Int

    init(segments: [TemplateSegment]) {
        self.segments = segments
        self.fixedUTF8Count = segments.reduce(0) { total, segment in
            if case .text(let text) = segment { total + text.utf8.count } else { total }
        }
    }

    /// The form from the text Mustache rendered with placeholders for the present values.
    init(placeholderText: String) {
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

    /// The text with the values filled in; values must already be sanitised.
    func render(customer: String?, agent: String?, topic: String?) -> String {
        var result = ""
        result.reserveCapacity(fixedUTF8Count + 64)
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .value(.customer): result += customer ?? ""
            case .value(.agent): result += agent ?? ""
            case .value(.topic): result += topic ?? ""
            }
        }
        return result
    }
}
