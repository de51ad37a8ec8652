import Foundation

/// The variants written in one template file.
///
/// Variants are separated by a line that is exactly `---`. A chunk with nothing but Mustache comments
/// (`{{! … }}`) and blank lines, such as a header, is not a variant. Each variant keeps the line it
/// starts on so problems point at the right place.
struct TemplateFile: Sendable {
    struct Chunk: Sendable {
        let line: Int
        let text: String
    }

    let chunks: [Chunk]

    init(text: String) {
        var chunks: [Chunk] = []
        var lines: [Substring] = []
        var startLine = 1
        var lineNumber = 0
        func flush() {
            let text = lines.joined(separator: "\n")
            if !Self.isOnlyComments(text) {
                let leadingBlank = lines.prefix { $0.allSatisfy(\.isWhitespace) }.count
                chunks.append(Chunk(line: startLine + leadingBlank, text: text))
            }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let content = line.hasSuffix("\r") ? line.dropLast() : line
            if content == "---" {
                flush()
                startLine = lineNumber + 1
            } else {
                lines.append(content)
            }
        }
        flush()
        self.chunks = chunks
    }

    private static func isOnlyComments(_ text: String) -> Bool {
        var rest = Substring(text)
        while let open = rest.range(of: "{{!") {
            guard rest[..<open.lowerBound].allSatisfy(\.isWhitespace) else { return false }
            guard let close = rest[open.upperBound...].range(of: "}}") else { return false }
            rest = rest[close.upperBound...]
        }
        return rest.allSatisfy(\.isWhitespace)
    }
}
