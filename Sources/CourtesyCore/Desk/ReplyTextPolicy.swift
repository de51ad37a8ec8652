/// The rules a reply text (and a reason) must meet before the desk records it.
///
/// Approvers write edited text themselves and are accountable for it (every decision records who
/// made it), so the text is posted as written: links and @mentions they type stay. What is refused
/// is what a person cannot see or check on screen: control characters, bidi overrides and marks,
/// zero-width characters, line and paragraph separators, private-use and blank "filler" letters.
/// The only changes made are invisible ones: `\r\n` becomes `\n`, and leading and trailing
/// whitespace is trimmed.
public enum ReplyTextPolicy {
    /// The longest reason accepted, in characters.
    public static let maximumReasonLength = 500

    /// The reply text as it will be posted on `platform`.
    /// - Throws: ``TextProblem`` when it is empty, over ``Platform/replyLengthLimit`` characters, or
    ///   holds a forbidden character.
    public static func reply(_ text: String, platform: Platform) throws(TextProblem) -> String {
        try checked(text, limit: platform.replyLengthLimit)
    }

    /// A reason as it will be recorded.
    /// - Throws: ``TextProblem`` when it is empty, over ``maximumReasonLength`` characters, or holds a
    ///   forbidden character.
    public static func reason(_ text: String) throws(TextProblem) -> String {
        try checked(text, limit: maximumReasonLength)
    }

    private static func checked(_ raw: String, limit: Int) throws(TextProblem) -> String {
        let text = trimmed(withoutCarriageReturns(raw))
        guard !text.isEmpty else { throw TextProblem.empty }
        if let index = firstForbiddenScalar(in: text) {
            let position = String(String.UnicodeScalarView(text.unicodeScalars[..<index])).count + 1
            throw TextProblem.forbiddenCharacter(codePoint: text.unicodeScalars[index].value, position: position)
        }
        let length = text.count
        guard length <= limit else { throw TextProblem.tooLong(length: length, limit: limit) }
        return text
    }

    private static func withoutCarriageReturns(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            let next = iterator.next()
            if !(scalar == "\r" && next == "\n") {
                scalars.append(scalar)
            }
            pending = next
        }
        return String(scalars)
    }

    private static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// The first scalar a reader could not see or check, if any.
    private static func firstForbiddenScalar(in text: String) -> String.UnicodeScalarView.Index? {
        let scalars = text.unicodeScalars
        var previous: Unicode.Scalar?
        var inTagSequence = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let nextIndex = scalars.index(after: index)
            let next = nextIndex < scalars.endIndex ? scalars[nextIndex] : nil
            if isTag(scalar) {
                // Tags spell subdivision flags after a black flag (England, Scotland, Wales) and nothing else.
                inTagSequence = inTagSequence || previous == "\u{1F3F4}"
                guard inTagSequence else { return index }
                if scalar.value == 0xE007F { inTagSequence = false }
            } else {
                guard !inTagSequence, isAllowed(scalar, after: previous, before: next) else { return index }
            }
            previous = scalar
            index = nextIndex
        }
        return inTagSequence ? scalars.index(before: scalars.endIndex) : nil
    }

    private static func isAllowed(
        _ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?
    )
        -> Bool
    {
        if scalar.isASCII {
            return scalar == "\n" || (scalar.value >= 0x20 && scalar.value != 0x7F)
        }
        if NameExtractor.isFiller(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate:
            return false
        case .format:
            switch scalar.value {
            case 0x200D:
                // The zero-width joiner builds emoji sequences (👩‍💻); anywhere else it hides.
                return previous.map(isEmojiPart) == true && next.map(isEmojiPart) == true
            case 0x200C:
                // The zero-width non-joiner is spelling in Persian and Indic scripts, between letters.
                return previous.map(isLetterOrMark) == true && next.map(isLetterOrMark) == true
            default:
                return false
            }
        default:
            return true
        }
    }

    private static func isTag(_ scalar: Unicode.Scalar) -> Bool {
        (0xE0020...0xE007F).contains(scalar.value)
    }

    private static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && (scalar.properties.isEmoji || scalar.value == 0xFE0F)
    }

    private static func isLetterOrMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark:
            return true
        default:
            return false
        }
    }
}
