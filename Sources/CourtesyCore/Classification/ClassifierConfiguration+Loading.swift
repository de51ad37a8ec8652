import Foundation

extension ClassifierConfiguration {
    /// The configuration that ships with Courtesy (the `classifier.json` resource).
    package static func shipped() throws(ClassifierConfigurationError) -> ClassifierConfiguration {
        guard let url = Bundle.module.url(forResource: "classifier", withExtension: "json") else {
            throw ClassifierConfigurationError.missingResource("classifier.json")
        }
        return try load(from: url)
    }

    /// Reads a configuration file with the same shape as the shipped `classifier.json`.
    package static func load(from url: URL) throws(ClassifierConfigurationError) -> ClassifierConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ClassifierConfigurationError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        do {
            return try JSONDecoder().decode(ClassifierConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw ClassifierConfigurationError.invalid(path: url.path, reason: JSONTree.explain(error))
        } catch {
            throw ClassifierConfigurationError.invalid(path: url.path, reason: "\(error)")
        }
    }

    /// The base sentiment lexicon that ships with Courtesy (VADER, MIT licence): word → valence.
    package static func shippedLexicon() throws(ClassifierConfigurationError) -> [String: Double] {
        guard let url = Bundle.module.url(forResource: "vader_lexicon", withExtension: "txt") else {
            throw ClassifierConfigurationError.missingResource("vader_lexicon.txt")
        }
        return try loadLexicon(from: url)
    }

    /// Reads a lexicon in VADER's format: one entry a line, `token<TAB>mean valence[<TAB>...]`.
    package static func loadLexicon(from url: URL) throws(ClassifierConfigurationError) -> [String: Double] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ClassifierConfigurationError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        var lexicon: [String: Double] = [:]
        // Lines may end in CRLF (the VADER file does); "\r\n" is one Character in Swift.
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty, let valence = Double(fields[1]) else {
                throw ClassifierConfigurationError.invalid(
                    path: url.path, reason: "line \(number + 1): expected \"token<TAB>valence\"")
            }
            lexicon[String(fields[0])] = valence
        }
        return lexicon
    }

    /// The emoji descriptions that ship with Courtesy (VADER's `emoji_utf8_lexicon.txt`, MIT):
    /// emoji → words such as "smiling face with heart-eyes".
    package static func shippedEmojiLexicon() throws(ClassifierConfigurationError) -> [String: String] {
        guard let url = Bundle.module.url(forResource: "emoji_utf8_lexicon", withExtension: "txt") else {
            throw ClassifierConfigurationError.missingResource("emoji_utf8_lexicon.txt")
        }
        return try loadEmojiLexicon(from: url)
    }

    /// Reads emoji descriptions in VADER's format: one emoji a line, `emoji<TAB>description`.
    package static func loadEmojiLexicon(from url: URL) throws(ClassifierConfigurationError) -> [String: String] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ClassifierConfigurationError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        var descriptions: [String: String] = [:]
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty else {
                throw ClassifierConfigurationError.invalid(
                    path: url.path, reason: "line \(number + 1): expected \"emoji<TAB>description\"")
            }
            descriptions[String(fields[0])] = String(fields[1])
        }
        return descriptions
    }
}
