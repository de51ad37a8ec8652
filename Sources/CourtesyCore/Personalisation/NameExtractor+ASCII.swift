extension NameExtractor {
    /// The most words the fast path keeps for the part of a display name that names the person.
    private static let maximumFastWords = 32

    /// ``firstName(displayName:handle:)`` over raw bytes for the common case, without building a
    /// `String` per word: display names of ASCII letters, spaces, hyphens, apostrophes and dots
    /// that end a word ("Dr. Jane Smith", "JOHN O'NEIL", "Anne-Marie"), and ASCII handles.
    ///
    /// It applies exactly the rules of the general path to that alphabet (a test checks the two agree)
    /// and says ``ASCIINameOutcome/notHandled`` for anything else: other bytes, a dot before a letter
    /// (initials run together, domains), a chunk starting with "www.", more than
    /// ``maximumFastWords`` words.
    func asciiFirstName(displayName: UnsafeBufferPointer<UInt8>, handle: String?) -> ASCIINameOutcome {
        for (index, byte) in displayName.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: " "),
                UInt8(ascii: "-"), UInt8(ascii: "'"):
                continue
            case UInt8(ascii: "."):
                if index + 1 < displayName.count && Self.isLetter(displayName[index + 1]) { return .notHandled }
            default:
                return .notHandled
            }
        }
        if let handle {
            guard let marks = asciiHandleMarksOrganisation(handle) else { return .notHandled }
            if marks { return .decided(nil) }
        }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: Self.maximumFastWords) { words in
            decide(displayName, words: words)
        }
    }

    /// The rules of ``firstName(displayName:handle:)`` once the bytes are known to be in the fast alphabet.
    private func decide(_ name: UnsafeBufferPointer<UInt8>, words: UnsafeMutableBufferPointer<Range<Int>>)
        -> ASCIINameOutcome
    {
        // The first segment (between " - " separators) that has a word; a conjunction in it means several people.
        var count = 0
        var conjunction = false
        var start = 0
        while start < name.count {
            if name[start] == UInt8(ascii: " ") {
                start += 1
                continue
            }
            var end = start
            while end < name.count && name[end] != UInt8(ascii: " ") { end += 1 }
            let chunk = start..<end
            start = end
            if name[chunk].allSatisfy({ $0 == UInt8(ascii: "-") }) {
                if count > 0 { break }
                conjunction = false
                continue
            }
            if let lower = name[chunk].first, lower == UInt8(ascii: "w") || lower == UInt8(ascii: "W"),
                chunk.count >= 4, Self.lowercased(name[chunk].prefix(4)) == Array("www.".utf8)
            {
                return .notHandled
            }
            if flags(name, chunk).contains(.conjunction) {
                conjunction = true
                continue
            }
            guard count < words.count else { return .notHandled }
            words[count] = chunk
            count += 1
        }
        guard count > 0, !conjunction else { return .decided(nil) }

        // Titles ("Dr.", "Sra."; "Don" only before a given name).
        var first = 0
        while count - first > 1 {
            let key = flags(name, bare(name, words[first]))
            if key.contains(.title) {
                first += 1
            } else if key.contains(.ambiguousTitle), isGivenName(name, bare(name, words[first + 1])) {
                first += 1
            } else {
                break
            }
        }
        for index in first..<count {
            let word = bare(name, words[index])
            if !flags(name, word).isDisjoint(with: [.organisation, .phrase]) { return .decided(nil) }
            if word.count >= 2 && name[word.upperBound - 2] == UInt8(ascii: "'")
                && UTF8Scalar.lowercasedASCII(name[word.upperBound - 1]) == UInt8(ascii: "s")
            {
                return .decided(nil)
            }
        }
        guard let candidate = nameShaped(name, words[first]), isGivenName(name, candidate) else {
            return .decided(nil)
        }
        if flags(name, candidate).contains(.wordLikeName),
            !hasSurname(name, words[(first + 1)..<count], given: candidate)
        {
            return .decided(nil)
        }
        return .decided(Self.presentable(name[candidate]))
    }

    /// The table's flags for the bytes in `range`.
    private func flags(_ name: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> NameWordFlags {
        asciiWords.flags(UnsafeBufferPointer(rebasing: name[range]))
    }

    /// The word without trailing dots.
    private func bare(_ name: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Range<Int> {
        var end = word.upperBound
        while end > word.lowerBound && name[end - 1] == UInt8(ascii: ".") { end -= 1 }
        return word.lowerBound..<end
    }

    /// ``isGivenName(_:)``: the word, or every part of a hyphenated word, is a known given name.
    private func isGivenName(_ name: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        if flags(name, word).contains(.forename) { return true }
        var parts = 0
        var start = word.lowerBound
        for index in word.lowerBound...word.upperBound
        where index == word.upperBound || name[index] == UInt8(ascii: "-") {
            if index > start {
                guard index - start >= 2, flags(name, start..<index).contains(.forename) else { return false }
                parts += 1
            }
            start = index + 1
        }
        return parts > 1
    }

    /// ``nameShaped(_:)``: letters with single inner hyphens or apostrophes, 2 to `maximumLength` long.
    private func nameShaped(_ name: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Range<Int>? {
        var start = word.lowerBound
        var end = word.upperBound
        while end > start && [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "'")].contains(name[end - 1]) {
            end -= 1
        }
        while start < end && (name[start] == UInt8(ascii: "-") || name[start] == UInt8(ascii: "'")) { start += 1 }
        guard end - start >= 2, end - start <= Self.maximumLength else { return nil }
        var previousIsJoiner = false
        for index in start..<end {
            let byte = name[index]
            let isJoiner = byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'")
            guard isJoiner || Self.isLetter(byte) else { return nil }
            if isJoiner && previousIsJoiner { return nil }
            previousIsJoiner = isJoiner
        }
        return start..<end
    }

    /// ``hasSurname(after:given:)``: the next word that is not a particle looks like a surname.
    private func hasSurname(_ name: UnsafeBufferPointer<UInt8>, _ rest: some Collection<Range<Int>>, given: Range<Int>)
        -> Bool
    {
        guard let next = rest.first(where: { !flags(name, bare(name, $0)).contains(.particle) }) else { return false }
        let word = bare(name, next)
        guard word.count >= 2,
            name[word].allSatisfy({ Self.isLetter($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") })
        else { return false }
        if !flags(name, word).isDisjoint(with: [.ordinaryWord, .wordLikeName]) { return false }
        return Self.isUppercase(name[given.lowerBound]) == Self.isUppercase(name[word.lowerBound])
    }

    /// ``handleMarksOrganisation(_:)`` for an ASCII handle; `nil` for any other handle.
    func asciiHandleMarksOrganisation(_ handle: String) -> Bool? {
        var handle = handle
        return handle.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            var previousWasLower = false
            func marks(until end: Int) -> Bool {
                defer { start = end }
                return end > start
                    && asciiWords.flags(UnsafeBufferPointer(rebasing: bytes[start..<end])).contains(.organisation)
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard Self.isLetter(byte) else {
                    if marks(until: index) { return true }
                    start = index + 1
                    previousWasLower = false
                    continue
                }
                let isUpper = Self.isUppercase(byte)
                if isUpper, previousWasLower, marks(until: index) { return true }
                previousWasLower = !isUpper
            }
            return marks(until: bytes.count)
        }
    }

    /// ``presentable(_:)`` for ASCII: kept when mixed case with a capital first, else capitalised per part.
    private static func presentable(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> String {
        let hasLower = word.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        let hasUpper = word.contains { isUppercase($0) }
        if hasLower, hasUpper, let first = word.first, isUppercase(first) {
            return String(decoding: word, as: UTF8.self)
        }
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var capitaliseNext = true
        var partLength = 0
        for byte in word {
            let lower = UTF8Scalar.lowercasedASCII(byte)
            if lower == UInt8(ascii: "-") {
                capitaliseNext = true
                partLength = 0
                result.append(lower)
            } else if lower == UInt8(ascii: "'") {
                // "O'Brien", "D'Angelo" but "Ma'soumeh".
                capitaliseNext = partLength == 1
                partLength = 0
                result.append(lower)
            } else {
                result.append(capitaliseNext ? lower & ~0x20 : lower)
                capitaliseNext = false
                partLength += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> [UInt8] {
        bytes.map(UTF8Scalar.lowercasedASCII)
    }

    private static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
