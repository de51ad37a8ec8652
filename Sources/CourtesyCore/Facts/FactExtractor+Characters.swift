extension FactExtractor {
    /// How the scanners see a text's characters: ASCII by byte, the rest by code point, without building strings.
    enum Characters {
        /// What a character is to the tokenizer.
        enum Class: Equatable {
            case letter
            case digit
            case space
            case newline
            /// Zero-width and direction marks, controls, variation selectors: read as nothing.
            case invisible
            /// `…`, `！`, `？`, `。`: ends a sentence like `.`.
            case sentenceEnd
            /// Typographic quotes and apostrophes.
            case quote
            /// Hyphens and dashes other than the ASCII one.
            case dash
            /// A currency sign, with its index in ``Currency/codes``.
            case currency(UInt8)
            case symbol
        }

        /// The class of a code point at or above U+0080.
        static func classify(_ scalar: UInt32) -> Class {
            switch scalar {
            case 0x85, 0x2028, 0x2029: .newline
            case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: .space
            case 0x80...0x9F, 0xAD, 0x34F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFE00...0xFE0F,
                0xFEFF, 0x20D0...0x20FF, 0xE0000...0xE0FFF:
                .invisible
            // º, ª, ° and µ are letters here: "nº", "n°" and "1º" read as words and ordinals.
            case 0xAA, 0xBA, 0xB0, 0xB5: .letter
            case 0xA3: .currency(Currency.gbp)
            case 0xA5: .currency(Currency.jpy)
            case 0x20AC: .currency(Currency.eur)
            case 0x20B9: .currency(Currency.inr)
            case 0xA1, 0xBF, 0x2026, 0x203C, 0x2047...0x2049, 0x3001, 0x3002, 0xFF01, 0xFF1F: .sentenceEnd
            case 0xAB, 0xBB, 0x2018...0x201F, 0x2039, 0x203A: .quote
            case 0x2010...0x2015, 0x2212: .dash
            case 0xA2...0xBF, 0xD7, 0xF7: .symbol
            case 0xC0...0x1FFF: .letter
            case 0x2016...0x2BFF: .symbol
            case 0x2C00...0x2DFF, 0x2E80...0x2FFF: .letter
            case 0x2E00...0x2E7F, 0x3003...0x303F: .symbol
            case 0x3040...0xD7FF, 0xF900...0xFDFF, 0xFE70...0xFEFE: .letter
            case 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF66...0xFFDC: .letter
            case 0x10000...0x1CFFF, 0x1D400...0x1EFFF, 0x20000...0x3FFFF: .letter
            default: .symbol
            }
        }

        /// Whether an ASCII byte is a letter.
        @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        /// Whether an ASCII byte is a digit.
        @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        /// Whether a byte separates whitespace-delimited chunks: ASCII whitespace.
        @inline(__always) static func isASCIISpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
        }

        /// Whether the character at `index` is a letter or a digit, the test for a word boundary.
        static func isWordCharacter(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            let byte = text[index]
            if byte < 0x80 { return isASCIILetter(byte) || isDigit(byte) }
            return classify(UTF8Scalar.decode(text, at: index).scalar) == .letter
        }

        /// Whether the character that ends just before `index` is a letter or a digit.
        static func isWordCharacter(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
            guard index > 0 else { return false }
            var start = index - 1
            while start > 0 && text[start] & 0xC0 == 0x80 && index - start < 4 {
                start -= 1
            }
            return isWordCharacter(text, at: start)
        }

        /// A letter as the lexicon compares it: ASCII and Latin-1 letters lower-cased with their accents
        /// dropped ("É" and "é" are "e", "ß" is "ss"), `º` and `°` as "o" and `ª` as "a"; other letters as
        /// their UTF-8 bytes. Up to four bytes, packed little-endian, and how many there are.
        @inline(__always)
        static func fold(_ scalar: UInt32) -> (bytes: UInt32, count: Int) {
            switch scalar {
            case 0x41...0x5A: return (scalar | 0x20, 1)
            case 0..<0x80: return (scalar, 1)
            case 0xAA: return (UInt32(UInt8(ascii: "a")), 1)
            case 0xBA, 0xB0: return (UInt32(UInt8(ascii: "o")), 1)
            case 0xC0...0xFF:
                let folded = latin1Folds[Int(scalar - 0xC0)]
                return (UInt32(folded), folded > 0xFF ? 2 : 1)
            default:
                var packed: UInt32 = 0
                var count = 0
                for byte in UTF8Bytes(scalar: scalar) {
                    packed |= UInt32(byte) << (8 * UInt32(count))
                    count += 1
                }
                return (packed, count)
            }
        }

        /// U+00C0…U+00FF folded: one ASCII byte, or two packed little-endian ("ae", "th", "ss").
        private static let latin1Folds: [UInt16] = {
            // One character per code point; A, T and S stand for "ae", "th" and "ss", _ for the two signs.
            let plan = Array("aaaaaaAceeeeiiiidnooooo_ouuuuyTSaaaaaaAceeeeiiiidnooooo_ouuuuyTy".utf8)
            return plan.map { character -> UInt16 in
                switch character {
                case UInt8(ascii: "A"): UInt16(UInt8(ascii: "a")) | UInt16(UInt8(ascii: "e")) << 8
                case UInt8(ascii: "T"): UInt16(UInt8(ascii: "t")) | UInt16(UInt8(ascii: "h")) << 8
                case UInt8(ascii: "S"): UInt16(UInt8(ascii: "s")) | UInt16(UInt8(ascii: "s")) << 8
                case UInt8(ascii: "_"): UInt16(UInt8(ascii: "x"))
                default: UInt16(character)
                }
            }
        }()

        /// The folded form of a whole string (see ``fold(_:)``), as the lexicon and the configuration keep keys.
        static func folded(_ string: String) -> [UInt8] {
            var bytes: [UInt8] = []
            for scalar in string.unicodeScalars {
                let (packed, count) = fold(scalar.value)
                for index in 0..<count {
                    bytes.append(UInt8(truncatingIfNeeded: packed >> (8 * UInt32(index))))
                }
            }
            return bytes
        }
    }
}
