/// An open-addressing hash table from 64-bit token keys to entry indexes.
///
/// Keys are FNV-1a hashes of normalised tokens (or folds of them, for phrases). Two different
/// tokens sharing a 64-bit key would be a 1-in-10^15 coincidence for a lexicon of this size, so
/// the table trusts the key and stores no text, which keeps look-ups to a few instructions.
struct LexiconTable {
    private var keys: [UInt64]
    private var slots: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 {
            size <<= 1
        }
        keys = Array(repeating: 0, count: size)
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The entry index for `key`, or -1.
    @inline(__always) func lookup(_ key: UInt64) -> Int32 {
        let key = key == 0 ? 1 : key
        var position = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = keys[position]
            if stored == key { return slots[position] }
            if stored == 0 { return -1 }
            position = (position + 1) & mask
        }
    }

    /// Stores `slot` for `key`, growing when the table is half full.
    mutating func insert(_ key: UInt64, slot: Int32) {
        if (count + 1) * 2 > keys.count {
            var grown = LexiconTable(capacity: keys.count)
            for position in keys.indices where keys[position] != 0 {
                grown.insert(keys[position], slot: slots[position])
            }
            self = grown
        }
        let key = key == 0 ? 1 : key
        var position = Int(truncatingIfNeeded: key) & mask
        while keys[position] != 0 && keys[position] != key {
            position = (position + 1) & mask
        }
        if keys[position] == 0 {
            count += 1
        }
        keys[position] = key
        slots[position] = slot
    }
}
