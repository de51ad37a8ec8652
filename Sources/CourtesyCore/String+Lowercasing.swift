extension String {
    /// The lowercased string when lowercasing may change it, else `nil`: a second lookup under the
    /// lowercased key is worth making only then, and most keys (topics, languages) are lowercase already.
    var lowercasedIfDifferent: String? {
        guard utf8.contains(where: { $0 >= 0x80 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            return nil
        }
        let lowered = lowercased()
        return lowered == self ? nil : lowered
    }
}
