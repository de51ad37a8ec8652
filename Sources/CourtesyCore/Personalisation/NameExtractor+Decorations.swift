extension NameExtractor {
    /// The fast path for display names that are fast-path names once their decorations are set
    /// aside: "Sarah 🌸", "Lucy Liu ✨", "Chris | Photographer", "Tom & Jerry", "Kevin (he/him)".
    ///
    /// The general path splits a display name at whitespace into chunks and turns each chunk into
    /// tokens on its own. A chunk of emoji and other symbols, or a bracketed aside of letters, digits,
    /// `/` and `-`, gives no token, a lone `|`, `/`, `!`…
    /// gives one separator, and a lone `&` or `+` gives one conjunction: exactly what no chunk, a `-`
    /// chunk and an `n` chunk give. Replacing such chunks that way leaves the tokens, and so the
    /// decision, unchanged, and may leave a name the ASCII fast path can decide. Names that the
    /// general path would NFKC-fold first are left to it.
    func undecoratedFirstName(displayName: UnsafeBufferPointer<UInt8>, handle: String?) -> ASCIINameOutcome {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: displayName.count) { cleaned in
            var count = 0
            var replaced = false
            var start = 0
            while start < displayName.count {
                var end = start
                while end < displayName.count && displayName[end] != UInt8(ascii: " ") { end += 1 }
                let chunk = UnsafeBufferPointer(rebasing: displayName[start..<end])
                switch Self.decoration(chunk) {
                case .none:
                    for byte in chunk {
                        cleaned[count] = byte
                        count += 1
                    }
                case .some(let replacement):
                    replaced = true
                    if let replacement {
                        cleaned[count] = replacement
                        count += 1
                    }
                }
                if end < displayName.count {
                    cleaned[count] = UInt8(ascii: " ")
                    count += 1
                }
                start = end + 1
            }
            guard replaced else { return .notHandled }
            let name = UnsafeBufferPointer(rebasing: cleaned[..<count])
            guard !name.contains(where: { $0 >= 0x80 }) else { return .notHandled }
            if Self.needsCompatibilityMapping(String(decoding: displayName, as: UTF8.self)) { return .notHandled }
            return asciiFirstName(displayName: name, handle: handle)
        }
    }

    /// What a decoration chunk is replaced with: `nil` when it is not one, `.some(nil)` to drop it,
    /// else the byte of a chunk that gives the same token.
    private static func decoration(_ chunk: UnsafeBufferPointer<UInt8>) -> UInt8?? {
        guard let first = chunk.first else { return nil }
        if chunk.count == 1 {
            switch first {
            case UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "~"), UInt8(ascii: ":"),
                UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "*"):
                return .some(UInt8(ascii: "-"))
            case UInt8(ascii: "&"), UInt8(ascii: "+"):
                return .some(UInt8(ascii: "n"))
            default:
                return nil
            }
        }
        if first == UInt8(ascii: "("), chunk.count >= 2, chunk[chunk.count - 1] == UInt8(ascii: ")"),
            chunk.dropFirst().dropLast().allSatisfy({
                Self.isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "/")
                    || $0 == UInt8(ascii: "-")
            })
        {
            // A bracketed aside such as "(he/him)": the general path skips what is inside.
            return .some(nil)
        }
        guard first >= 0x80 else { return nil }
        // Every scalar an emoji or other symbol (not the separator "¦"), or invisible.
        for scalar in String(decoding: chunk, as: UTF8.self).unicodeScalars {
            guard scalar.value >= 0x80, scalar != "¦" else { return nil }
            if isInvisible(scalar) { continue }
            switch CachedScalarProperties.generalCategory(scalar) {
            case .otherSymbol, .modifierSymbol: continue
            default: return nil
            }
        }
        return .some(nil)
    }
}
