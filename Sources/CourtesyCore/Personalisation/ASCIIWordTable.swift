/// Lowercase ASCII words and their ``NameWordFlags``, looked up straight from bytes in any case.
///
/// The name extractor's fast path asks this table about each word of a display name without
/// building a `String` per word: the probe lowercases while it hashes and compares.
struct ASCIIWordTable: Sendable {
    private struct Slot: Sendable {
        var offset: Int32 = -1
        var length: Int32 = 0
        var flags: NameWordFlags = []
    }

    private var slots: [Slot]
    private var characters: [UInt8] = []
    private let mask: Int

    /// A table of the ASCII words among `entries` (other words are left out: the fast path never asks).
    init(_ entries: [String: NameWordFlags]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        slots = [Slot](repeating: Slot(), count: capacity)
        mask = capacity - 1
        for (word, flags) in entries where word.utf8.allSatisfy({ $0 < 0x80 }) && !word.isEmpty {
            let bytes = Array(word.utf8)
            var index = bytes.withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash($0)) } & mask
            while slots[index].offset >= 0 { index = (index + 1) & mask }
            slots[index] = Slot(offset: Int32(characters.count), length: Int32(bytes.count), flags: flags)
            characters.append(contentsOf: bytes)
        }
    }

    /// The flags of a word given in any case, or none when the table does not have it.
    func flags(_ word: UnsafeBufferPointer<UInt8>) -> NameWordFlags {
        let hash = Self.hash(word)
        return characters.withUnsafeBufferPointer { stored in
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[index]
                guard slot.offset >= 0 else { return [] }
                if Int(slot.length) == word.count {
                    var same = true
                    let start = Int(slot.offset)
                    for position in 0..<word.count
                    where stored[start + position] != UTF8Scalar.lowercasedASCII(word[position]) {
                        same = false
                        break
                    }
                    if same { return slot.flags }
                }
                index = (index + 1) & mask
            }
        }
    }

    /// FNV-1a over the lowercased bytes.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            state = (state ^ UInt64(UTF8Scalar.lowercasedASCII(byte))) &* 0x0000_0100_0000_01b3
        }
        return StableHash.mix(state)
    }
}
