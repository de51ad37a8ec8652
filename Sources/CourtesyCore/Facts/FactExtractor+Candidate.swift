extension FactExtractor {
    /// A fact found by one scanner, before overlaps are settled.
    struct Candidate {
        var fact: Fact
        var start: Int
        var end: Int
        /// Breaks ties between overlapping candidates of the same length: the lower rank wins.
        var rank: Int

        static func rank(of kind: Fact.Kind) -> Int {
            switch kind {
            case .order, .booking, .flight, .tracking, .case: 0
            case .amount: 1
            case .date: 2
            case .duration: 3
            case .product: 4
            }
        }

        func overlaps(_ other: Candidate) -> Bool {
            start < other.end && other.start < end
        }

        /// The facts of `custom` candidates (the brand's formats and products) and then of `builtIn` ones that
        /// overlap none already kept; within each group the longer candidate wins, then the lower rank, then the
        /// earlier. Sorted by where they start.
        static func resolve(custom: [Candidate], builtIn: [Candidate]) -> [Fact] {
            if custom.isEmpty {
                if builtIn.count <= 1 { return builtIn.map(\.fact) }
                // Scanners mostly find facts in order and apart; then there is nothing to settle.
                var apart = true
                for index in 1..<builtIn.count where builtIn[index].start < builtIn[index - 1].end {
                    apart = false
                    break
                }
                if apart { return builtIn.map(\.fact) }
            }
            var kept: [Candidate] = []
            // A long text full of facts is checked against a map of taken bytes instead of every kept fact.
            let all = custom.count + builtIn.count
            let low = all > 32 ? (custom + builtIn).map(\.start).min() ?? 0 : 0
            let high = all > 32 ? (custom + builtIn).map(\.end).max() ?? 0 : 0
            var taken = [Bool](repeating: false, count: all > 32 ? high - low : 0)
            for group in [custom, builtIn] {
                let ordered = group.sorted {
                    ($0.end - $0.start, -$0.rank, -$0.start) > ($1.end - $1.start, -$1.rank, -$1.start)
                }
                for candidate in ordered {
                    if all > 32 {
                        guard !(candidate.start..<candidate.end).contains(where: { taken[$0 - low] }) else { continue }
                        for offset in candidate.start..<candidate.end {
                            taken[offset - low] = true
                        }
                    } else {
                        guard !kept.contains(where: { $0.overlaps(candidate) }) else { continue }
                    }
                    kept.append(candidate)
                }
            }
            return kept.sorted { $0.start < $1.start }.map(\.fact)
        }
    }
}
