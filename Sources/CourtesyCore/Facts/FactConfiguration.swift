/// A brand's own facts: the formats of its identifiers and the names of its products, read from a facts file
/// (docs/facts.md gives the format).
///
/// The built-in patterns need no configuration; an empty one (`FactConfiguration()`) adds nothing to them.
package struct FactConfiguration: Sendable {
    /// The brand's identifier formats, in the file's order.
    package let identifierFormats: [IdentifierFormat]
    /// The brand's product names, as configured; a product fact's value is one of them.
    package let products: [String]
    /// Each product's name folded (see `FactExtractor.Characters.fold`) with its spaces collapsed to one.
    let productKeys: [[UInt8]]
    /// The hashes of the words the tokenizer watches for: every format's keywords, every product's first word.
    let watch: [UInt64]
    /// For each format, the bits of `watch` that are its keywords; 0 when it has none.
    let keywordMasks: [UInt64]
    /// The bits of `watch` that are products' first words.
    let productMask: UInt64
    /// Whether some product starts with a digit, which the tokenizer does not hash, so that every text must
    /// be searched.
    let productsNeedFullScan: Bool

    /// No identifier formats and no products.
    package init() {
        self.init(identifierFormats: [], products: [])
    }

    init(identifierFormats: [IdentifierFormat], products: [String]) {
        self.identifierFormats = identifierFormats
        self.products = products
        productKeys = products.map(Self.productKey)
        var watch: [UInt64] = []
        func bit(for key: [UInt8]) -> UInt64 {
            let hash = FactExtractor.Lexicon.hash(key)
            let index = watch.firstIndex(of: hash) ?? watch.count
            if index == watch.count { watch.append(hash) }
            return 1 << min(index, 63)
        }
        keywordMasks = identifierFormats.map { format in
            format.keywordKeys.reduce(0) { $0 | bit(for: $1) }
        }
        var productMask: UInt64 = 0
        var fullScan = false
        for name in products {
            let word = name.unicodeScalars.prefix { scalar in
                scalar.value < 0x80
                    ? FactExtractor.Characters.isASCIILetter(UInt8(scalar.value))
                    : FactExtractor.Characters.classify(scalar.value) == .letter
            }
            if word.isEmpty {
                fullScan = true
            } else {
                productMask |= bit(for: FactExtractor.Characters.folded(String(String.UnicodeScalarView(word))))
            }
        }
        self.watch = watch
        self.productMask = productMask
        productsNeedFullScan = fullScan
    }

    /// Whether there is anything to match besides the built-in patterns.
    var isEmpty: Bool { identifierFormats.isEmpty && products.isEmpty }

    /// A product name as it is matched: folded, spaces collapsed, trimmed.
    static func productKey(_ name: String) -> [UInt8] {
        var key: [UInt8] = []
        for byte in FactExtractor.Characters.folded(name) {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if let last = key.last, last != UInt8(ascii: " ") {
                    key.append(UInt8(ascii: " "))
                }
            } else {
                key.append(byte)
            }
        }
        if key.last == UInt8(ascii: " ") {
            key.removeLast()
        }
        return key
    }
}
