import CourtesyCore
import Foundation

/// Which webhook each reply is posted to: one for everything, or one per platform, brand, or brand on a
/// platform, from `courtesy publish --webhooks FILE`.
///
/// The file has one route per line, `SELECTOR URL`; blank lines and lines starting with `#` are ignored.
/// A selector is `*` (every reply), a platform (`x`, `instagram`, ...), `brand:NAME`, or
/// `brand:NAME/PLATFORM`. The most specific route wins: brand on platform, then brand, then platform,
/// then `*`.
package struct WebhookRoutes: Sendable, Equatable {
    /// The route for every reply no other route takes.
    package var fallback: URL?
    package var byPlatform: [Platform: URL] = [:]
    package var byBrand: [String: URL] = [:]
    package var byBrandAndPlatform: [String: URL] = [:]

    /// Every reply to `url`.
    package init(webhook url: URL?) {
        fallback = url
    }

    /// The routes in `text`, read from `source` (named in errors); `defaultURL` takes what no line takes,
    /// unless a `*` line does.
    package init(parsing text: String, source: String, default defaultURL: URL? = nil) throws(PublishConfigurationError)
    {
        fallback = defaultURL
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let location = "\(source):\(index + 1)"
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2 else {
                throw PublishConfigurationError("\(location): expected \"SELECTOR URL\", found \"\(line)\"")
            }
            let url = try Self.webhook(String(words[1]), at: location)
            let selector = String(words[0])
            if selector == "*" {
                fallback = url
            } else if selector.hasPrefix("brand:") {
                let rest = selector.dropFirst("brand:".count)
                if let slash = rest.lastIndex(of: "/") {
                    let brand = String(rest[..<slash])
                    let platformName = String(rest[rest.index(after: slash)...])
                    guard !brand.isEmpty, let platform = Platform(rawValue: platformName) else {
                        throw PublishConfigurationError(
                            "\(location): \"\(selector)\" is not brand:NAME/PLATFORM with a known platform "
                                + "(\(Platform.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    byBrandAndPlatform[Self.key(brand: brand, platform: platform)] = url
                } else {
                    guard !rest.isEmpty else { throw PublishConfigurationError("\(location): brand: needs a name") }
                    byBrand[String(rest)] = url
                }
            } else if let platform = Platform(rawValue: selector) {
                byPlatform[platform] = url
            } else {
                throw PublishConfigurationError(
                    "\(location): unknown selector \"\(selector)\": use *, a platform "
                        + "(\(Platform.allCases.map(\.rawValue).joined(separator: ", "))), brand:NAME or brand:NAME/PLATFORM"
                )
            }
        }
    }

    /// Checks that `text` is an http or https URL with a host.
    package static func webhook(_ text: String, at location: String) throws(PublishConfigurationError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw PublishConfigurationError("\(location): \"\(text)\" is not an http:// or https:// URL")
        }
        return url
    }

    /// The webhook for a reply of `brand` on `platform`, or `nil` when no route takes it.
    package func webhook(brand: String?, platform: Platform) -> URL? {
        if let brand {
            if let url = byBrandAndPlatform[Self.key(brand: brand, platform: platform)] { return url }
            if let url = byBrand[brand] { return url }
        }
        return byPlatform[platform] ?? fallback
    }

    /// Whether no route is set at all.
    package var isEmpty: Bool {
        fallback == nil && byPlatform.isEmpty && byBrand.isEmpty && byBrandAndPlatform.isEmpty
    }

    private static func key(brand: String, platform: Platform) -> String { "\(brand)/\(platform.rawValue)" }
}

/// A publisher setting that cannot be used, said in a way that names where it came from.
package struct PublishConfigurationError: Error, CustomStringConvertible, Equatable {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}
