/// A tone model fitted to a brand's own labelled texts by `courtesy train`: a multinomial logistic
/// regression over ``ToneFeatures`` (hashed word and character n-grams, and the rules' own findings).
///
/// Load one with ``load(path:)`` and give it to ``Classifier/using(_:)``: the classifier then takes the
/// reply's tone from the model instead of its rules, for every text in a language it judges. The rules
/// still decide everything else (topics, priority, concerns), and still overrule the model in one case:
/// a text that threatens to escalate (a regulator, a lawyer, the press) is never thanked.
///
/// It is immutable, safe to share between tasks. Applying it costs one pass over the text's
/// bytes and a few hundred weight lookups, without allocating.
package final class ToneModel: Sendable {
    /// The classes, in the order of the weights' lanes.
    static let tones: [Tone] = [.apology, .thanks, .neutral]

    /// log2 of the number of hashed buckets.
    let bucketBits: Int
    /// Each bucket's weight per class (lanes: apology, thanks, neutral, unused), as the file holds them.
    let weights: [SIMD4<Float>]
    /// ``weights`` rounded to multiples of ``quantum``: what ``scores(_:analysis:intent:)`` reads.
    let quantised: [SIMD4<Int8>]
    let quantum: Float
    /// Each rule value's weight per class, ``ToneFeatures/ruleCount`` of them.
    let ruleWeights: [SIMD4<Float>]
    /// The intercepts.
    let bias: SIMD4<Float>
    /// Added to the scores before the largest is taken: chosen at training so that complaints are rarely
    /// thanked. The apology lane is 0.
    let offsets: SIMD4<Float>
    /// The stable hashes (``StableHash/hash(_:)``) of the texts the model was fitted on, sorted, so that an
    /// evaluation can tell them from texts the model never saw.
    let trainedTexts: [UInt64]
    /// What the file's header says: how it was trained.
    package let description: ToneModelDescription
    /// The SHA-256 of the model file, in lowercase hex.
    package let checksum: String

    init(
        bucketBits: Int, weights: [SIMD4<Float>], ruleWeights: [SIMD4<Float>], bias: SIMD4<Float>,
        offsets: SIMD4<Float>, trainedTexts: [UInt64], description: ToneModelDescription, checksum: String
    ) {
        self.bucketBits = bucketBits
        self.weights = weights
        (quantised, quantum) = Self.quantise(weights)
        self.ruleWeights = ruleWeights
        self.bias = bias
        self.offsets = offsets
        self.trainedTexts = trainedTexts
        self.description = description
        self.checksum = checksum
        identifier = String(checksum.prefix(12))
    }

    /// The first 12 hex digits of ``checksum``: how drafts and metrics name the model.
    package let identifier: String

    /// How many texts the model was fitted on.
    package var trainedTextCount: Int { trainedTexts.count }

    /// Whether the model was fitted on `text` (compared by stable hash).
    package func wasTrained(on text: String) -> Bool {
        let hash = StableHash.hash(text)
        var low = 0
        var high = trainedTexts.count
        while low < high {
            let middle = (low + high) / 2
            if trainedTexts[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < trainedTexts.count && trainedTexts[low] == hash
    }

    /// The scores per class of a text whose rules found `analysis` and chose `intent`, before ``offsets``.
    ///
    /// The bucket weights are read as bytes (``quantised``): a table of 2^18 buckets is then 1 MiB rather than
    /// 4, and the few hundred lookups a text makes mostly hit the cache. They are summed exactly, in integers,
    /// four sums at a time so that the lookups overlap.
    func scores(_ text: String, analysis: TextAnalysis, intent: Intent) -> SIMD4<Float> {
        var text = text
        let (sum, count) = text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 8) { normalised in
                let length = ToneFeatures.normalise(utf8, into: normalised)
                let bytes = UnsafeBufferPointer(rebasing: normalised[..<length])
                let capacity = ToneFeatures.bucketCapacity(normalisedLength: length)
                return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buckets in
                    let count = ToneFeatures.buckets(of: bytes, bits: bucketBits, into: buckets.baseAddress!)
                    return (quantised.withUnsafeBufferPointer { Self.sum(buckets, count: count, of: $0) }, count)
                }
            }
        }
        var scores = bias
        if count > 0 { scores += SIMD4<Float>(sum) * (quantum / Float(count).squareRoot()) }
        ruleWeights.withUnsafeBufferPointer { ruleWeights in
            ToneFeatures.forEachRuleValue(analysis, intent: intent) { scores += ruleWeights[$0] * $1 }
        }
        return scores
    }

    /// The sum of the first `count` buckets' weights.
    @inline(__always)
    private static func sum(
        _ buckets: UnsafeMutableBufferPointer<UInt32>, count: Int, of weights: UnsafeBufferPointer<SIMD4<Int8>>
    ) -> SIMD4<Int32> {
        var first = SIMD4<Int32>()
        var second = SIMD4<Int32>()
        var third = SIMD4<Int32>()
        var fourth = SIMD4<Int32>()
        var index = 0
        while index + 4 <= count {
            first &+= SIMD4<Int32>(truncatingIfNeeded: weights[Int(buckets[index])])
            second &+= SIMD4<Int32>(truncatingIfNeeded: weights[Int(buckets[index + 1])])
            third &+= SIMD4<Int32>(truncatingIfNeeded: weights[Int(buckets[index + 2])])
            fourth &+= SIMD4<Int32>(truncatingIfNeeded: weights[Int(buckets[index + 3])])
            index += 4
        }
        while index < count {
            first &+= SIMD4<Int32>(truncatingIfNeeded: weights[Int(buckets[index])])
            index += 1
        }
        return first &+ second &+ third &+ fourth
    }

    /// The bucket weights rounded to multiples of `quantum`, which is the largest weight's size / 127.
    static func quantise(_ weights: [SIMD4<Float>]) -> (weights: [SIMD4<Int8>], quantum: Float) {
        var largest: Float = 0
        for vector in weights {
            largest = max(largest, vector.max(), -vector.min())
        }
        guard largest > 0 else { return (Array(repeating: SIMD4(), count: weights.count), 1) }
        let quantum = largest / 127
        return (
            weights.map { vector in
                SIMD4<Int8>(
                    truncatingIfNeeded: SIMD4<Int32>((vector / quantum).rounded(.toNearestOrEven)).clamped(
                        lowerBound: SIMD4(repeating: -127), upperBound: SIMD4(repeating: 127)))
            }, quantum
        )
    }

    /// The tone of the class with the highest score after ``offsets``.
    static func tone(of scores: SIMD4<Float>, offsets: SIMD4<Float>) -> Tone {
        let adjusted = scores + offsets
        var best = 0
        for lane in 1..<3 where adjusted[lane] > adjusted[best] {
            best = lane
        }
        return tones[best]
    }

    /// The tone the model gives a text whose rules found `analysis` and chose `intent`.
    func tone(_ text: String, analysis: TextAnalysis, intent: Intent) -> Tone {
        Self.tone(of: scores(text, analysis: analysis, intent: intent), offsets: offsets)
    }
}

/// How a model was trained, as its file's header records it.
package struct ToneModelDescription: Sendable, Hashable, Codable {
    /// The classes, in the weights' order: always apology, thanks, neutral.
    package var labels: [String]
    /// The feature set (``ToneFeatures/name``).
    package var features: String
    /// log2 of the number of hashed buckets.
    package var bucketBits: Int
    /// How many rule values each text has.
    package var ruleCount: Int
    /// What it was trained on: one line per input ("airline airline-sentiment-train.csv: 11681 texts").
    package var sources: [String]
    /// The most complaints the threshold lets through as thanked, as a share of the calibration texts' complaints.
    package var maxComplaintsThanked: Double
    /// The figures on the held-out texts, when some were held out: "macro-F1 0.771 …".
    package var heldOut: String?
}
