import Foundation

/// The metric names that PromQL queries name, and the series a `/metrics` scrape exports: what
/// `DeployMetricsTests` compares, so that the shipped dashboard and alerts query only real metrics.
enum MetricReferences {
    /// Words of PromQL that look like metric names but are not: aggregations, keywords, set operators.
    private static let keywords: Set<String> = [
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
        "quantile", "limitk", "limit_ratio", "and", "or", "unless", "bool", "offset", "inf", "nan", "atan2",
        "by", "without", "on", "ignoring", "group_left", "group_right",
    ]
    /// Keywords followed by a list of label names in parentheses.
    private static let labelLists: Set<String> = ["by", "without", "on", "ignoring", "group_left", "group_right"]

    /// The metric names a PromQL expression selects: identifiers outside strings, label matchers,
    /// ranges and label lists that are not functions (followed by `(`) or keywords.
    static func metricNames(inPromQL expression: String) -> Set<String> {
        let characters = Array(expression)
        var names: Set<String> = []
        var index = 0

        func skipString(from start: Int) -> Int {
            let quote = characters[start]
            var position = start + 1
            while position < characters.count, characters[position] != quote {
                position += characters[position] == "\\" ? 2 : 1
            }
            return position + 1
        }
        func skipBlock(from start: Int, open: Character, close: Character) -> Int {
            var depth = 0
            var position = start
            while position < characters.count {
                let character = characters[position]
                if character == "\"" || character == "'" || character == "`" {
                    position = skipString(from: position)
                    continue
                }
                if character == open { depth += 1 }
                if character == close {
                    depth -= 1
                    if depth == 0 { return position + 1 }
                }
                position += 1
            }
            return position
        }
        func nextNonSpace(from start: Int) -> Int {
            var position = start
            while position < characters.count, characters[position].isWhitespace { position += 1 }
            return position
        }

        while index < characters.count {
            let character = characters[index]
            if character == "\"" || character == "'" || character == "`" {
                index = skipString(from: index)
            } else if character == "{" {
                index = skipBlock(from: index, open: "{", close: "}")
            } else if character == "[" {
                index = skipBlock(from: index, open: "[", close: "]")
            } else if character.isNumber {
                // Numbers and durations: 0.95, 1e3, 15m.
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber
                        || characters[index] == "."
                {
                    index += 1
                }
            } else if character.isLetter || character == "_" || character == ":" {
                let start = index
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                        || characters[index] == ":"
                {
                    index += 1
                }
                let word = String(characters[start..<index])
                let next = nextNonSpace(from: index)
                let followedByParenthesis = next < characters.count && characters[next] == "("
                if labelLists.contains(word.lowercased()), followedByParenthesis {
                    index = skipBlock(from: next, open: "(", close: ")")
                } else if !followedByParenthesis, !keywords.contains(word.lowercased()) {
                    names.insert(word)
                }
            } else {
                index += 1
            }
        }
        return names
    }

    /// Every `expr` of a Prometheus rules file, inline or as a block (`expr: |`).
    static func ruleExpressions(inRulesFile text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var expressions: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            index += 1
            guard trimmed.hasPrefix("expr:") else { continue }
            let indent = line.prefix(while: { $0 == " " }).count
            let value = trimmed.dropFirst("expr:".count).trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("|") || value.hasPrefix(">") {
                var block: [String] = []
                while index < lines.count {
                    let next = lines[index]
                    let nextIndent = next.prefix(while: { $0 == " " }).count
                    if !next.trimmingCharacters(in: .whitespaces).isEmpty, nextIndent <= indent { break }
                    block.append(next)
                    index += 1
                }
                expressions.append(block.joined(separator: "\n"))
            } else {
                expressions.append(value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))
            }
        }
        return expressions
    }

    /// Every `expr` in a Grafana dashboard (panel targets, nested panels, variables).
    static func dashboardExpressions(_ json: Any) -> [String] {
        switch json {
        case let object as [String: Any]:
            var found: [String] = []
            if let expression = object["expr"] as? String { found.append(expression) }
            for (key, value) in object where key != "expr" { found += dashboardExpressions(value) }
            return found
        case let array as [Any]:
            return array.flatMap(dashboardExpressions)
        default:
            return []
        }
    }

    /// What a scrape in the Prometheus text format exports: the name of every sample, and each
    /// metric family's type from its `# TYPE` line.
    struct Exposition {
        var samples: Set<String> = []
        var types: [String: String] = [:]

        init(_ texts: [String]) {
            for text in texts {
                for line in text.split(separator: "\n") {
                    if line.hasPrefix("# TYPE ") {
                        let parts = line.split(separator: " ")
                        if parts.count >= 4 { types[String(parts[2])] = String(parts[3]) }
                    } else if !line.hasPrefix("#") {
                        let name = line.prefix(while: { $0 != "{" && $0 != " " })
                        if !name.isEmpty { samples.insert(String(name)) }
                    }
                }
            }
        }

        /// Why `name` is not a series this exposition exports, or nil when it is. A `_bucket`, `_sum` or
        /// `_count` series must belong to a histogram family (`# TYPE base histogram`).
        func problem(with name: String) -> String? {
            for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
                let base = String(name.dropLast(suffix.count))
                guard let type = types[base] else { continue }
                guard type == "histogram" else { return "\(name): \(base) is a \(type), not a histogram" }
                return samples.contains(name) ? nil : "\(name): the histogram \(base) has no such series"
            }
            if let type = types[name], type == "histogram" {
                return "\(name) is a histogram: query \(name)_bucket, _sum or _count"
            }
            return samples.contains(name) ? nil : "\(name) is not exported"
        }
    }
}
