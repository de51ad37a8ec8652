/// The account each brand replies from on each platform, for drafts whose brand profile names none: the
/// desk's `--accounts` file.
///
/// One line per account, `BRAND ACCOUNT` or `BRAND/PLATFORM ACCOUNT`; blank lines and lines starting with
/// `#` are ignored. The platform's line wins over the brand's. The brand profile's account, when a draft
/// carries one, wins over both.
package struct ReplyAccounts: Sendable, Equatable {
    private var byBrand: [String: String] = [:]
    private var byBrandAndPlatform: [String: String] = [:]

    /// No accounts.
    package init() {}

    /// The accounts in `text`; an error names `source` and the line.
    package init(parsing text: String, source: String) throws(ReplyAccountsError) {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if words.isEmpty || words[0].hasPrefix("#") { continue }
            let location = "\(source):\(index + 1)"
            guard words.count == 2 else {
                throw ReplyAccountsError("\(location): expected \"BRAND ACCOUNT\" or \"BRAND/PLATFORM ACCOUNT\"")
            }
            let selector = words[0]
            let account = String(words[1])
            if let slash = selector.lastIndex(of: "/") {
                let brand = String(selector[..<slash])
                let name = String(selector[selector.index(after: slash)...])
                guard !brand.isEmpty, let platform = Platform(rawValue: name) else {
                    throw ReplyAccountsError(
                        "\(location): \"\(selector)\" is not BRAND/PLATFORM with a known platform "
                            + "(\(Platform.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                byBrandAndPlatform["\(brand)/\(platform.rawValue)"] = account
            } else {
                byBrand[String(selector)] = account
            }
        }
    }

    /// The account for a reply of `brand` on `platform`, if the file names one.
    package func account(brand: String, platform: Platform) -> String? {
        byBrandAndPlatform["\(brand)/\(platform.rawValue)"] ?? byBrand[brand]
    }

    /// Fills in the account of a decision whose draft named none.
    package func complete(_ decision: Decision) -> Decision {
        guard decision.account == nil, let brand = decision.brand,
            let account = account(brand: brand, platform: decision.platform)
        else { return decision }
        var completed = decision
        completed.account = account
        return completed
    }

    /// Fills in the account of a reply whose draft named none.
    package func complete(_ reply: Reply) -> Reply {
        guard reply.account == nil, let brand = reply.brand,
            let account = account(brand: brand, platform: reply.platform)
        else { return reply }
        var completed = reply
        completed.account = account
        return completed
    }
}

/// An accounts file that cannot be used, naming the line.
package struct ReplyAccountsError: Error, CustomStringConvertible, Equatable {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}
