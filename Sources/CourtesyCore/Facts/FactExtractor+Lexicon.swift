extension FactExtractor {
    /// The known words by the FNV-1a hash of their folded bytes, in an open-addressed table: one probe for most
    /// words of a mention, and a byte comparison only when the hash matches.
    ///
    /// The tables are allocated once and never change, so the hot path reads them through plain pointers
    /// without reference counting; that is why this class is `@unchecked Sendable`: every stored property is
    /// set in `init` and only read afterwards, and `deinit` frees the memory.
    final class Lexicon: @unchecked Sendable {
        static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
        static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

        /// The lexicon of ``Words``, built once.
        static let shared = Lexicon(Words.entries())

        /// Meaning 0 is the empty one, for words the lexicon does not know.
        let meanings: UnsafeMutableBufferPointer<Meaning>
        /// Every key's folded bytes, one after another; key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
        private let keyBytes: UnsafeMutableBufferPointer<UInt8>
        private let keyStarts: UnsafeMutableBufferPointer<Int>
        private let slotHashes: UnsafeMutableBufferPointer<UInt64>
        private let slotMeanings: UnsafeMutableBufferPointer<UInt16>
        private let mask: Int

        /// Indexes of words that scanners test by identity: French "il y a" (ago), Portuguese "-feira", "been with you".
        let wordA: UInt16
        let wordY: UInt16
        let wordIl: UInt16
        let wordFeira: UInt16
        let wordWith: UInt16
        let wordYou: UInt16
        let wordBeen: UInt16

        init(_ entries: [(word: String, meaning: Meaning)]) {
            var meanings = [Meaning()]
            var keys: [[UInt8]] = [[]]
            var indexByKey: [[UInt8]: Int] = [:]
            for (word, meaning) in entries {
                let key = Characters.folded(word)
                if let index = indexByKey[key] {
                    meanings[index].merge(meaning)
                } else {
                    indexByKey[key] = meanings.count
                    meanings.append(meaning)
                    keys.append(key)
                }
            }
            var size = 16
            while size < meanings.count * 4 {
                size *= 2
            }
            slotHashes = .allocate(capacity: size)
            slotHashes.initialize(repeating: 0)
            slotMeanings = .allocate(capacity: size)
            slotMeanings.initialize(repeating: 0)
            for index in 1..<meanings.count {
                let hash = Self.hash(keys[index])
                var slot = Int(truncatingIfNeeded: hash) & (size - 1)
                while slotMeanings[slot] != 0 {
                    slot = (slot + 1) & (size - 1)
                }
                slotHashes[slot] = hash
                slotMeanings[slot] = UInt16(index)
            }
            mask = size - 1
            self.meanings = .allocate(capacity: meanings.count)
            _ = self.meanings.initialize(from: meanings)
            keyStarts = .allocate(capacity: keys.count + 1)
            keyBytes = .allocate(capacity: keys.reduce(0) { $0 + $1.count })
            var offset = 0
            for (index, key) in keys.enumerated() {
                keyStarts[index] = offset
                for byte in key {
                    keyBytes[offset] = byte
                    offset += 1
                }
            }
            keyStarts[keys.count] = offset
            wordA = UInt16(indexByKey[Characters.folded("a")] ?? 0)
            wordY = UInt16(indexByKey[Characters.folded("y")] ?? 0)
            wordIl = UInt16(indexByKey[Characters.folded("il")] ?? 0)
            wordFeira = UInt16(indexByKey[Characters.folded("feira")] ?? 0)
            wordWith = UInt16(indexByKey[Characters.folded("with")] ?? 0)
            wordYou = UInt16(indexByKey[Characters.folded("you")] ?? 0)
            wordBeen = UInt16(indexByKey[Characters.folded("been")] ?? 0)
        }

        deinit {
            meanings.deinitialize().deallocate()
            keyBytes.deallocate()
            keyStarts.deallocate()
            slotHashes.deallocate()
            slotMeanings.deallocate()
        }

        /// Key `index`'s folded bytes.
        private func key(_ index: Int) -> Slice<UnsafeMutableBufferPointer<UInt8>> {
            keyBytes[keyStarts[index]..<keyStarts[index + 1]]
        }

        static func hash(_ bytes: [UInt8]) -> UInt64 {
            var hash = fnvOffset
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* fnvPrime
            }
            return hash
        }

        /// The meaning of the word `text[start..<end]` whose folded bytes hash to `hash` and number
        /// `foldedLength`, or 0; `ascii` says the word is ASCII letters, which fold by setting bit 0x20.
        @inline(__always)
        func lookup(
            hash: UInt64, foldedLength: Int, ascii: Bool, in text: UnsafeBufferPointer<UInt8>, from start: Int,
            to end: Int
        ) -> UInt16 {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let meaning = slotMeanings[slot]
                if meaning == 0 { return 0 }
                if slotHashes[slot] == hash {
                    let key = key(Int(meaning))
                    if key.count == foldedLength {
                        if ascii {
                            var same = true
                            var position = key.startIndex
                            for index in start..<end {
                                if text[index] | 0x20 != key[position] {
                                    same = false
                                    break
                                }
                                position += 1
                            }
                            if same { return meaning }
                        } else if Self.folds(text, from: start, to: end, to: key) {
                            return meaning
                        }
                    }
                }
                slot = (slot + 1) & mask
            }
        }

        /// The meaning of a folded word, or `nil` when the lexicon does not know it.
        func meaning(ofFolded word: [UInt8]) -> Meaning? {
            var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
            while slotMeanings[slot] != 0 {
                let index = Int(slotMeanings[slot])
                if key(index).elementsEqual(word) { return meanings[index] }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// Whether `text[start..<end]` folds to exactly `key`.
        static func folds(
            _ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
            to key: Slice<UnsafeMutableBufferPointer<UInt8>>
        ) -> Bool {
            var index = start
            var position = key.startIndex
            while index < end {
                let (scalar, length) = UTF8Scalar.decode(text, at: index)
                let (packed, count) = Characters.fold(scalar)
                for offset in 0..<count {
                    guard position < key.endIndex,
                        key[position] == UInt8(truncatingIfNeeded: packed >> (8 * UInt32(offset)))
                    else { return false }
                    position += 1
                }
                index += length
            }
            return position == key.endIndex
        }

        /// The folded bytes of `text[start..<end]`.
        static func folded(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            var index = start
            while index < end {
                let (scalar, length) = UTF8Scalar.decode(text, at: index)
                let (packed, count) = Characters.fold(scalar)
                for offset in 0..<count {
                    bytes.append(UInt8(truncatingIfNeeded: packed >> (8 * UInt32(offset))))
                }
                index += length
            }
            return bytes
        }
    }
}
