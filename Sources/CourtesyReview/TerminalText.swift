/// Text as a terminal shows it: what the desk sends is the customers' words, so control and
/// direction-changing characters are replaced before they reach the screen, and widths are counted in
/// terminal columns.
package enum TerminalText {
    /// `text` safe to print: control characters (escape sequences included) and bidirectional
    /// overrides become spaces; with `keepingNewlines`, line breaks stay as `\n`.
    package static func printable(_ text: String, keepingNewlines: Bool = false) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            if keepingNewlines && (scalar == "\n" || scalar == "\r") {
                if scalar == "\n" && previousWasCarriageReturn { continue }
                result.unicodeScalars.append("\n")
            } else if isUnsafe(scalar) {
                result.unicodeScalars.append(" ")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` on one line: line breaks and runs of white space become single spaces.
    package static func oneLine(_ text: String) -> String {
        printable(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The columns `text` takes: wide (East Asian, emoji) characters count two.
    package static func width(of text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` cut to at most `width` columns, ending with `…` when cut.
    package static func truncated(_ text: String, toWidth width: Int) -> String {
        guard self.width(of: text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for character in text {
            let columns = self.width(of: character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }

    /// `text` followed by spaces up to `width` columns.
    package static func padded(_ text: String, toWidth width: Int) -> String {
        let missing = width - self.width(of: text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// `text` in lines of at most `width` columns, made safe to print: broken at spaces, a word wider
    /// than the line broken where it must; the text's own line breaks are kept, and a blank line stays
    /// blank.
    package static func wrapped(_ text: String, toWidth width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        for paragraph in printable(text, keepingNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
        {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                var wordWidth = self.width(of: String(word))
                if used > 0 && used + 1 + wordWidth <= width {
                    line += " " + word
                    used += 1 + wordWidth
                    continue
                }
                if used > 0 {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                // A word wider than a whole line: as much as fits on each line.
                while wordWidth > width {
                    var piece = ""
                    var pieceWidth = 0
                    var rest = word.startIndex
                    for character in word {
                        let columns = self.width(of: character)
                        if pieceWidth + columns > width && pieceWidth > 0 { break }
                        piece.append(character)
                        pieceWidth += columns
                        rest = word.index(after: rest)
                    }
                    lines.append(piece)
                    word = word[rest...]
                    wordWidth -= pieceWidth
                }
                line = String(word)
                used = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` as it was typed, for an error message: in double quotes, with quotes, backslashes and
    /// control or direction-changing characters escaped (`\u{1B}`), so the message shows exactly what
    /// was given and nothing in it can act on the terminal.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if isUnsafe(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The columns one character takes.
    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if character.unicodeScalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
        return isWide(first) ? 2 : 1
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls, ESC among them
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true  // bidi controls
        case 0x2028, 0x2029: true  // line and paragraph separators
        default: false
        }
    }
}
