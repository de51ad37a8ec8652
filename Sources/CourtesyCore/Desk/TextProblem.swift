/// Why a reply text or a reason was refused.
///
/// Descriptions never repeat the text itself, only where the problem is.
package enum TextProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but spaces and line feeds.
    case empty
    /// Longer than the limit, counted in `unit` (the platform's own way of counting).
    case tooLong(length: Int, limit: Int, unit: ReplyLengthUnit)
    /// More UTF-8 bytes than ``ReplyTextPolicy/maximumTextBytes``, whatever the platform allows.
    case tooManyBytes(size: Int, limit: Int)
    /// A character a reader cannot see or check, at `position` (in characters, from 1): a control,
    /// format, default-ignorable, unassigned, noncharacter, private-use or blank-filler code point
    /// outside the sequences that need it, or other whitespace than spaces and line feeds at either end.
    case forbiddenCharacter(codePoint: UInt32, position: Int)
    /// The text is acceptable on its own, but the decision carrying it would be larger than an event
    /// may be (its draft's other fields are unusually large).
    case eventTooLarge(size: Int, limit: Int)

    /// A one-line explanation, e.g. `forbidden character U+202E at character 12`.
    package var description: String {
        switch self {
        case .empty:
            return "is empty"
        case .tooLong(let length, let limit, let unit):
            return "is \(length) \(unit.name), over the limit of \(limit)"
        case .tooManyBytes(let size, let limit):
            return "is \(size) bytes in UTF-8, over the limit of \(limit)"
        case .forbiddenCharacter(let codePoint, let position):
            var hex = String(codePoint, radix: 16, uppercase: true)
            while hex.count < 4 { hex = "0" + hex }
            return "has a forbidden invisible or control character U+\(hex) at character \(position)"
        case .eventTooLarge(let size, let limit):
            return "would make a decision event of \(size) bytes, over the limit of \(limit)"
        }
    }
}
