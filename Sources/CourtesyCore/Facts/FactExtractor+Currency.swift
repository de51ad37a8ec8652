extension FactExtractor {
    /// The currencies an amount can be in, by index into ``codes``.
    enum Currency {
        /// ISO 4217 codes; a token's or a meaning's currency is an index into this list.
        static let codes: [String] = [
            "USD", "EUR", "GBP", "JPY", "BRL", "CAD", "AUD", "CHF", "MXN", "INR", "CNY", "SEK", "NOK", "DKK", "PLN",
            "NZD", "HKD", "ARS", "CLP", "COP",
        ]

        static let usd: UInt8 = 0
        static let eur: UInt8 = 1
        static let gbp: UInt8 = 2
        static let jpy: UInt8 = 3
        static let brl: UInt8 = 4
        static let cad: UInt8 = 5
        static let aud: UInt8 = 6
        static let mxn: UInt8 = 8
        static let inr: UInt8 = 9
        static let nzd: UInt8 = 15
        static let hkd: UInt8 = 16

        /// The dollar a few letters written against `$` name: "US$", "R$" (the Brazilian real), "C$", "A$"…;
        /// `nil` for letters that are not such a prefix.
        static func dollar(prefix folded: [UInt8]) -> UInt8? {
            switch String(decoding: folded, as: UTF8.self) {
            case "us": usd
            case "r": brl
            case "c", "ca", "can": cad
            case "a", "au": aud
            case "mx": mxn
            case "nz": nzd
            case "hk": hkd
            default: nil
            }
        }
    }
}
