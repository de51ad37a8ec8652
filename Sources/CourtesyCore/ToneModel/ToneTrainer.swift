import Foundation

/// Fits a ``ToneModel`` to labelled texts: what `courtesy train` runs.
///
/// The texts are split by a stable hash of each text, so the same file always splits the same way:
/// - a share of them is held out (``Options/holdout``) and only measured, the model against the rules;
/// - a tenth of the rest calibrates the score offsets, chosen for the best macro-F1 among those that thank
///   at most ``Options/maxComplaintsThanked`` of its complaints;
/// - the model is fitted on what remains, then again on that and the calibration part with the same
///   offsets: the model written.
///
/// Fitting is stochastic gradient descent with AdaGrad on the multinomial logistic loss, with the classes
/// weighted to count alike (so a corpus of mostly complaints still learns praise), a little L2, and the
/// texts visited in an order drawn from a fixed seed: the same inputs always give the same model bytes.
package enum ToneTrainer {
    /// How a model is fitted.
    package struct Options: Sendable, Hashable {
        /// log2 of the number of hashed buckets (2^17: 2 MiB of weights in the file, 512 KiB in memory).
        package var bucketBits = 17
        /// Passes over the texts.
        package var epochs = 6
        /// The AdaGrad step.
        package var learningRate: Float = 0.4
        /// The L2 penalty per update.
        package var l2: Float = 1e-3
        /// The share of texts held out for the figures (0 uses them all for training).
        package var holdout = 0.2
        /// The most complaints the offsets may let through as thanked, as a share of the calibration complaints.
        package var maxComplaintsThanked = 0.02

        /// The defaults.
        package init() {}
    }

    /// A labelled text for training, and how much it counts (a brand's own decisions may count more).
    package struct Example: Sendable, Hashable {
        package var text: String
        package var tone: Tone
        package var weight: Float

        package init(text: String, tone: Tone, weight: Float = 1) {
            self.text = text
            self.tone = tone
            self.weight = weight
        }
    }

    /// A fitted model and how it did.
    package struct Outcome: Sendable {
        /// The model, fitted on everything but the held-out texts.
        package var model: ToneModel
        /// The model's figures on the held-out texts (empty without any).
        package var heldOut = ToneEvaluation()
        /// The rules' figures on the same held-out texts.
        package var rulesHeldOut = ToneEvaluation()
        /// How many texts were fitted on, used for calibration, and held out.
        package var fitted = 0
        package var calibrated = 0
        package var held = 0
        /// How many texts were dropped as repeats of an earlier one (the later label wins).
        package var duplicates = 0
    }

    /// A text made ready: its buckets, the rules' values and its label.
    struct Prepared {
        var buckets: [UInt32]
        var rules: [(Int, Float)]
        var label: Int
        var weight: Float
        var hash: UInt64
        var text: String
        var analysis: TextAnalysis
        var intent: Intent
        var judged: Bool
    }

    /// Fits a model.
    /// - Parameters:
    ///   - classifier: the rules whose findings are features (the shipped classifier, or the one configured).
    ///   - sources: one line per input, recorded in the model's header.
    ///   - progress: told what is happening, a line at a time.
    package static func train(
        _ examples: [Example], classifier: Classifier, sources: [String], options: Options = Options(),
        progress: (String) -> Void = { _ in }
    ) -> Outcome {
        let rules = classifier.using(nil)
        // The later of two identical texts wins: a brand's decisions come after the corpora they correct.
        var latest: [UInt64: Int] = [:]
        for (index, example) in examples.enumerated() {
            latest[StableHash.hash(example.text)] = index
        }
        var prepared: [Prepared] = []
        prepared.reserveCapacity(latest.count)
        for (index, example) in examples.enumerated() {
            let hash = StableHash.hash(example.text)
            guard latest[hash] == index else { continue }
            let reading = rules.ruleReading(example.text)
            let buckets = ToneFeatures.buckets(of: example.text, bits: options.bucketBits)
            var values: [(Int, Float)] = []
            ToneFeatures.forEachRuleValue(reading.analysis, intent: reading.intent) { values.append(($0, $1)) }
            prepared.append(
                Prepared(
                    buckets: buckets, rules: values, label: ToneEvaluation.index(example.tone), weight: example.weight,
                    hash: hash, text: example.text, analysis: reading.analysis, intent: reading.intent,
                    judged: reading.judged))
        }
        let duplicates = examples.count - prepared.count

        var fit: [Int] = []
        var calibration: [Int] = []
        var held: [Int] = []
        let heldBelow = UInt64(options.holdout * 10_000)
        for index in prepared.indices {
            let share = prepared[index].hash % 10_000
            if share < heldBelow {
                held.append(index)
            } else if (share - heldBelow) % 10 == 0 {
                calibration.append(index)
            } else {
                fit.append(index)
            }
        }
        // Too few texts to calibrate on: fit on them all, with no offsets.
        if calibration.count < 100 {
            fit += calibration
            calibration = []
        }
        progress(
            "\(prepared.count) texts: \(fit.count) to fit, \(calibration.count) to calibrate, \(held.count) held out"
                + (duplicates > 0 ? " (\(duplicates) repeated texts dropped)" : ""))

        var offsets = SIMD4<Float>()
        var parameters = fitParameters(prepared, indices: fit, options: options, progress: progress)
        if !calibration.isEmpty {
            offsets = calibrate(prepared, indices: calibration, parameters: parameters, options: options)
            progress(
                "offsets: thanks \(format(offsets[1])), neutral \(format(offsets[2])) "
                    + "(at most \(format(Float(options.maxComplaintsThanked * 100)))% of complaints thanked)")
            parameters = fitParameters(prepared, indices: fit + calibration, options: options, progress: progress)
        }
        var description = ToneModelDescription(
            labels: ToneModel.tones.map(\.rawValue), features: ToneFeatures.name, bucketBits: options.bucketBits,
            ruleCount: ToneFeatures.ruleCount, sources: sources, maxComplaintsThanked: options.maxComplaintsThanked)
        let trained = (fit + calibration).map { prepared[$0].hash }.sorted()
        func assemble() -> ToneModel {
            ToneModel.assemble(
                description: description, bias: parameters.bias, offsets: offsets,
                ruleWeights: parameters.ruleWeights, weights: parameters.weights, trainedTexts: trained)
        }
        // Measured as the classifier applies the model: its weights rounded to bytes, its tone only where the
        // text gives it ground, and only in a language whose tone is judged. The figures go into the header,
        // so the model is assembled again with them.
        var model = assemble()
        var heldOut = ToneEvaluation()
        var rulesHeldOut = ToneEvaluation()
        for index in held {
            let item = prepared[index]
            let expected = ToneModel.tones[item.label]
            let tone = model.tone(item.text, analysis: item.analysis, intent: item.intent)
            let predicted =
                item.judged ? Classifier.intent(choosing: tone, analysis: item.analysis).tone : item.intent.tone
            heldOut.record(expected: expected, predicted: predicted)
            rulesHeldOut.record(expected: expected, predicted: item.intent.tone)
        }
        if !held.isEmpty {
            description.heldOut =
                "\(held.count) held-out texts: macro-F1 \(format(heldOut.macroF1, 3)) "
                + "(rules \(format(rulesHeldOut.macroF1, 3))), complaints thanked "
                + "\(format(heldOut.complaintsThankedShare * 100, 2))% "
                + "(rules \(format(rulesHeldOut.complaintsThankedShare * 100, 2))%)"
            model = assemble()
        }
        return Outcome(
            model: model, heldOut: heldOut, rulesHeldOut: rulesHeldOut, fitted: fit.count,
            calibrated: calibration.count, held: held.count, duplicates: duplicates)
    }

    /// The weights being fitted.
    struct Parameters {
        var weights: [SIMD4<Float>]
        var ruleWeights: [SIMD4<Float>]
        var bias = SIMD4<Float>()

        func scores(_ item: Prepared) -> SIMD4<Float> {
            var sum = SIMD4<Float>()
            for bucket in item.buckets { sum += weights[Int(bucket)] }
            var scores = bias
            if !item.buckets.isEmpty { sum *= 1 / Float(item.buckets.count).squareRoot() }
            scores += sum
            for (index, value) in item.rules { scores += ruleWeights[index] * value }
            return scores
        }
    }

    static func fitParameters(
        _ prepared: [Prepared], indices: [Int], options: Options, progress: (String) -> Void
    ) -> Parameters {
        let buckets = 1 << options.bucketBits
        var parameters = Parameters(
            weights: Array(repeating: SIMD4(), count: buckets),
            ruleWeights: Array(repeating: SIMD4(), count: ToneFeatures.ruleCount))
        var squares = Array(repeating: SIMD4<Float>(repeating: 1e-6), count: buckets)
        var ruleSquares = Array(repeating: SIMD4<Float>(repeating: 1e-6), count: ToneFeatures.ruleCount)
        var biasSquares = SIMD4<Float>(repeating: 1e-6)
        // Each class counts alike: a class's weight is inversely proportional to how many texts have it.
        var classTotals = SIMD4<Float>()
        for index in indices { classTotals[prepared[index].label] += prepared[index].weight }
        var classWeights = SIMD4<Float>()
        for lane in 0..<3 where classTotals[lane] > 0 {
            classWeights[lane] = (classTotals[0] + classTotals[1] + classTotals[2]) / (3 * classTotals[lane])
        }
        var order = indices
        var random = SampleRandom(seed: 0x746f_6e65)
        let rate = options.learningRate
        let mask = SIMD4<Float>(1, 1, 1, 0)
        for epoch in 1...max(options.epochs, 1) {
            for position in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(position, random.below(position + 1))
            }
            var loss: Float = 0
            for index in order {
                let item = prepared[index]
                let scores = parameters.scores(item)
                // Softmax over the three classes; the fourth lane is unused.
                let top = max(scores[0], max(scores[1], scores[2]))
                var probabilities = SIMD4<Float>(
                    exp(scores[0] - top), exp(scores[1] - top), exp(scores[2] - top), 0)
                probabilities /= probabilities[0] + probabilities[1] + probabilities[2]
                let weight = item.weight * classWeights[item.label]
                loss -= weight * log(max(probabilities[item.label], 1e-9))
                var gradient = probabilities
                gradient[item.label] -= 1
                gradient *= weight * mask
                let scale = item.buckets.isEmpty ? 0 : 1 / Float(item.buckets.count).squareRoot()
                for bucket in item.buckets {
                    let position = Int(bucket)
                    let step = gradient * scale + options.l2 * parameters.weights[position]
                    squares[position] += step * step
                    parameters.weights[position] -= rate * step / squares[position].squareRoot()
                }
                for (position, value) in item.rules {
                    let step = gradient * value + options.l2 * parameters.ruleWeights[position]
                    ruleSquares[position] += step * step
                    parameters.ruleWeights[position] -= rate * step / ruleSquares[position].squareRoot()
                }
                biasSquares += gradient * gradient
                parameters.bias -= rate * gradient / biasSquares.squareRoot()
            }
            progress("epoch \(epoch): mean loss \(format(loss / Float(max(order.count, 1)), 4))")
        }
        return parameters
    }

    /// The offsets (thanks, neutral; apology stays 0) with the best macro-F1 on the calibration texts among
    /// those that thank at most the allowed share of their complaints; the least-thanking ones if none do.
    static func calibrate(
        _ prepared: [Prepared], indices: [Int], parameters: Parameters, options: Options
    ) -> SIMD4<Float> {
        let scored = indices.map { (parameters.scores(prepared[$0]), prepared[$0].label) }
        var best = SIMD4<Float>()
        var bestKey = (allowed: false, f1: -1.0, thanked: 2.0, size: Float.infinity)
        for thanksStep in -30...30 {
            for neutralStep in -30...30 {
                let offsets = SIMD4<Float>(0, Float(thanksStep) / 10, Float(neutralStep) / 10, 0)
                var evaluation = ToneEvaluation()
                for (scores, label) in scored {
                    evaluation.record(
                        expected: ToneModel.tones[label], predicted: ToneModel.tone(of: scores, offsets: offsets))
                }
                let thanked = evaluation.complaintsThankedShare
                let key = (
                    allowed: thanked <= options.maxComplaintsThanked, f1: evaluation.macroF1, thanked: thanked,
                    size: abs(offsets[1]) + abs(offsets[2])
                )
                let better: Bool
                if key.allowed != bestKey.allowed {
                    better = key.allowed
                } else if key.allowed {
                    better = key.f1 > bestKey.f1 + 1e-9 || abs(key.f1 - bestKey.f1) <= 1e-9 && key.size < bestKey.size
                } else {
                    better = key.thanked < bestKey.thanked || key.thanked == bestKey.thanked && key.f1 > bestKey.f1
                }
                if better {
                    best = offsets
                    bestKey = key
                }
            }
        }
        return best
    }

    private static func format(_ value: some BinaryFloatingPoint, _ digits: Int = 2) -> String {
        String(format: "%.\(digits)f", Double(value))
    }
}
