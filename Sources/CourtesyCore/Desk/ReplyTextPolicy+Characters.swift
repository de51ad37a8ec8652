extension ReplyTextPolicy {
    /// The first scalar a reader could not see or check, if any.
    static func firstForbiddenScalar(in text: String) -> String.UnicodeScalarView.Index? {
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
                // Whitespace other than what is trimmed would hide at either end of the text.
                if previous == nil || next == nil, scalar.properties.isWhitespace { return index }
            }
            previous = scalar
            index = nextIndex
        }
        return inTagSequence ? scalars.index(before: scalars.endIndex) : nil
    }

    private static func isAllowed(
        _ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?
    ) -> Bool {
        if scalar.isASCII {
            return scalar == "\n" || (scalar.value >= 0x20 && scalar.value != 0x7F)
        }
        if NameExtractor.isFiller(scalar) || scalar.properties.isNoncharacterCodePoint { return false }
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return false
        case .format:
            return isAllowedInvisible(scalar, after: previous, before: next)
        default:
            return !scalar.properties.isDefaultIgnorableCodePoint
                || isAllowedInvisible(scalar, after: previous, before: next)
        }
    }

    /// The invisible characters that real emoji and script sequences need, where they need them.
    private static func isAllowedInvisible(
        _ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?
    ) -> Bool {
        guard let previous else { return false }
        switch scalar.value {
        case 0x200D:
            // The zero-width joiner builds emoji sequences (👩‍💻) and conjuncts in joining scripts.
            guard let next else { return false }
            return (isEmojiPart(previous) && isEmojiPart(next))
                || (isJoiningScriptLetter(previous) && isJoiningScriptLetter(next))
        case 0x200C:
            // The zero-width non-joiner is spelling in Persian, Arabic and Indic scripts, not in Latin.
            guard let next else { return false }
            return isJoiningScriptLetter(previous) && isJoiningScriptLetter(next)
        case 0xFE0E, 0xFE0F:
            // Text or emoji presentation, once, right after a character that has both (❤️, 1️⃣).
            return previous.properties.isEmoji && !isVariationSelector(previous)
        case 0xE0100...0xE01EF:
            // An ideographic variation, once, right after a CJK ideograph.
            return previous.properties.isUnifiedIdeograph
        case 0x180B...0x180D, 0x180F:
            // Mongolian free variation selectors, once, after a Mongolian letter.
            return (0x1820...0x18AA).contains(previous.value)
        default:
            return false
        }
    }

    private static func isTag(_ scalar: Unicode.Scalar) -> Bool {
        (0xE0020...0xE007F).contains(scalar.value)
    }

    private static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
            || (0x180B...0x180F).contains(scalar.value)
    }

    private static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && (scalar.properties.isEmoji || scalar.value == 0xFE0F)
    }

    /// A letter or mark of a script whose spelling uses the zero-width (non-)joiner: Arabic (and
    /// Persian, Urdu...), Syriac, and the Indic scripts from Devanagari to Sinhala.
    private static func isJoiningScriptLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x077F, 0x0870...0x08FF, 0x0900...0x0DFF, 0xFB50...0xFDFF, 0xFE70...0xFEFC:
            break
        default:
            return false
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark:
            return true
        default:
            return false
        }
    }
}
