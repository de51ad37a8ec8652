/// Why a reply text or a reason was refused.
///
/// Descriptions never repeat the text itself, only where the problem is.
public enum TextProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    /// Longer than the limit, in characters.
    case tooLong(length: Int, limit: Int)
    /// A control, format (bidi override, zero-width), line-separator, private-use or blank-filler
    /// character, at `position` (in characters, from 1).
    case forbiddenCharacter(codePoint: UInt32, position: Int)

    /// A one-line explanation, e.g. `forbidden character U+202E at character 12`.
    public var description: String {
        switch self {
        case .empty:
            return "is empty"
        case .tooLong(let length, let limit):
            return "is \(length) characters, over the limit of \(limit)"
        case .forbiddenCharacter(let codePoint, let position):
            var hex = String(codePoint, radix: 16, uppercase: true)
            while hex.count < 4 { hex = "0" + hex }
            return "has a forbidden invisible or control character U+\(hex) at character \(position)"
        }
    }
}
