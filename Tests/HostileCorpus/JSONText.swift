/// Writes JSON string literals for the corpus, escaping only what JSON requires, so that hostile
/// characters reach the decoder as themselves (or, with ``escapedEverything(_:)``, as `\u` escapes).
public enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes and C0 controls escaped, the rest raw UTF-8.
    public static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u" + hex4(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `text` as a JSON string literal with every non-ASCII or control scalar written as `\u` escapes
    /// (surrogate pairs above the BMP).
    public static func escapedEverything(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value >= 0x7F || scalar == "\"" || scalar == "\\" {
                if scalar.value > 0xFFFF {
                    let value = scalar.value - 0x10000
                    out += "\\u" + hex4(0xD800 + (value >> 10)) + "\\u" + hex4(0xDC00 + (value & 0x3FF))
                } else {
                    out += "\\u" + hex4(scalar.value)
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<4).reversed().map { digits[Int((value >> (UInt32($0) * 4)) & 0xF)] })
    }
}
