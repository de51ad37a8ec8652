extension Classifier {
    /// Scores the tokens: phrases and cues first (pass 1), then sentiment with boosters, capitals,
    /// negation, sarcasm and contrast (pass 2), in the spirit of VADER (Hutto & Gilbert, 2014).
    func analyse(_ tokens: inout [Token], signals: TextSignals) -> TextAnalysis {
        // One pointer for both passes: no copy-on-write checks or retains per token access.
        tokens.withUnsafeMutableBufferPointer { analyse(buffer: $0, signals: signals) }
    }

    private func analyse(buffer tokens: UnsafeMutableBufferPointer<Token>, signals: TextSignals) -> TextAnalysis {
        let settings = configuration.sentiment
        var analysis = TextAnalysis()
        let count = tokens.count
        var firstContrast = -1
        var firstWord = true

        // Pass 1: entries, phrases, cues, topics, threats, waiting times, language hits.
        var index = 0
        while index < count {
            let entryIndex = lexicon.entryIndex(word: tokens[index].hash)
            tokens[index].entry = entryIndex
            if tokens[index].kind == .word || tokens[index].kind == .hashtag {
                analysis.words += 1
            }
            if tokens[index].complaintTag {
                tokens[index].cue = Float(settings.complaintHashtag)
            }
            guard entryIndex >= 0 else {
                firstWord = firstWord && tokens[index].kind != .word
                index += 1
                continue
            }
            let entry = lexicon.entries[Int(entryIndex)]
            if firstWord && tokens[index].kind == .word {
                analysis.question = analysis.question || entry.roles.contains(.question)
                firstWord = false
            }
            if entry.languages != 0 {
                var bits = entry.languages
                while bits != 0 {
                    analysis.languageHits[bits.trailingZeroBitCount] &+= 1
                    bits &= bits - 1
                }
            }
            if entry.roles.contains(.contrast) && firstContrast < 0 {
                firstContrast = index
            }
            if entry.roles.contains(.profanity) {
                analysis.profanity += 1
            }
            analysis.topics |= entry.topics
            analysis.threats.formUnion(entry.roles.intersection(.threats))
            analysis.waitedSeconds = max(analysis.waitedSeconds, Int(entry.waitSeconds))
            noteWaiting(tokens, at: index, entry: entry, into: &analysis)

            // A phrase does not start inside another one: "so much for" is not sarcasm inside
            // "thanks so much for".
            if entry.phraseLengths != 0 && !tokens[index].inPhrase,
                matchPhrase(tokens, at: index, lengths: entry.phraseLengths, into: &analysis)
            {
                index += 1
                continue
            }
            analysis.request = analysis.request || entry.roles.contains(.request)
            if !tokens[index].inPhrase && entry.cue != 0 {
                tokens[index].cue = negatedCue(entry.cue, tokens, at: index)
                tokens[index].situation = entry.roles.contains(.situation)
            } else if !tokens[index].inPhrase && entry.roles.contains(.negator) && !negatesScoredWord(tokens, at: index)
            {
                tokens[index].cue = Float(settings.negatorCue)
            }
            index += 1
        }

        analysis.question = analysis.question || signals.questionMarks > 0
        let asking = analysis.question || analysis.request
        let firstClause = count > 0 ? tokens[0].clause : 0
        // Pass 2: sentiment.
        var total = 0.0
        for position in 0..<count {
            let token = tokens[position]
            guard token.entry >= 0 || token.complaintTag else { continue }
            let entry = token.entry >= 0 ? lexicon.entries[Int(token.entry)] : LexiconEntry()
            var valence = Double(entry.valence)
            var cue = Double(token.cue)
            // "Thanks" closing a question or a request is politeness, not praise; thanking for
            // something at the very start ("thanks for the quick reply! is there...") is praise.
            if asking && entry.roles.contains(.politeness) && !(token.gratitude && token.clause == firstClause) {
                continue
            }
            // Asking about a situation ("is my flight cancelled?") is not complaining about it, and
            // asking for the best of something ("what's the best plan?") is not praising it.
            if asking && token.situation || token.inQuestion && !token.gratitude && (valence > 0 || cue > 0) {
                valence *= settings.situationInRequest
                cue *= settings.situationInRequest
            }
            // A negator that negates a scored word ("no delays") is scored through that word.
            if valence != 0 && entry.roles.contains(.negator) && negatesScoredWord(tokens, at: position) {
                valence = 0
            }
            if valence != 0 && token.kind != .emoji {
                valence = adjust(valence, tokens, at: position, signals: signals)
            }
            let positive = valence > 0 || cue > 0
            if positive && isSarcastic(tokens, at: position, entry: entry) {
                if valence > 0 {
                    valence *= settings.sarcasmScalar
                }
                if cue > 0 {
                    cue *= settings.sarcasmScalar
                }
                analysis.sarcasm = true
            }
            if firstContrast >= 0 && position != firstContrast {
                let factor = position < firstContrast ? settings.contrastBefore : settings.contrastAfter
                valence *= factor
                cue *= factor
            }
            if cue < 0 {
                analysis.complaint -= cue
            } else {
                analysis.praise += cue
            }
            analysis.positive += max(0, valence) + max(0, cue)
            if token.situation {
                analysis.situationNegative -= min(0, valence) + min(0, cue)
            } else {
                analysis.negative -= min(0, valence) + min(0, cue)
            }
            if token.gratitude && cue > 0 {
                analysis.gratitude = true
            }
            total += valence + cue
        }
        if total != 0 {
            let emphasis = Double(min(signals.exclamations, 4)) * settings.exclamationIncrement
            total += total > 0 ? emphasis : -emphasis
        }
        analysis.total = total
        let normalised = total / (total * total + settings.normalisation).squareRoot()
        analysis.sentiment = min(1, max(-1, normalised))
        return analysis
    }

    /// Tries the phrases starting at `index`, longest first; on a match, marks its tokens and
    /// records its cue, topics, threats and waiting time.
    private func matchPhrase(
        _ tokens: UnsafeMutableBufferPointer<Token>, at index: Int, lengths: UInt8, into analysis: inout TextAnalysis
    ) -> Bool {
        let longest = min(lexicon.longestPhrase, tokens.count - index)
        guard longest >= 2 else { return false }
        for length in stride(from: longest, through: 2, by: -1) where lengths & (1 << UInt8(length)) != 0 {
            var key = tokens[index].hash
            for offset in 1..<length {
                key = Tokenizer.combine(key, tokens[index + offset].hash)
            }
            let phraseIndex = lexicon.entryIndex(phrase: key)
            guard phraseIndex >= 0 else { continue }
            let phrase = lexicon.entries[Int(phraseIndex)]
            analysis.topics |= phrase.topics
            analysis.request = analysis.request || phrase.roles.contains(.request)
            analysis.threats.formUnion(phrase.roles.intersection(.threats))
            analysis.waitedSeconds = max(analysis.waitedSeconds, Int(phrase.waitSeconds))
            if phrase.roles.contains(.profanity) {
                analysis.profanity += 1
            }
            var cue = phrase.cue
            let isSarcastic = phrase.roles.contains(.sarcasmPhrase)
            if isSarcastic {
                cue = Float(configuration.sarcasm.phraseWeight)
                analysis.sarcasm = true
            }
            guard cue != 0 || isSarcastic else {
                // A phrase that only names a topic, a threat or a request leaves its words' cues
                // alone; a shorter phrase may still carry one.
                continue
            }
            let isSituation = phrase.roles.contains(.situation)
            for offset in 0..<length {
                tokens[index + offset].inPhrase = true
                tokens[index + offset].sarcastic = isSarcastic
                tokens[index + offset].situation = isSituation
            }
            tokens[index].gratitude = phrase.roles.contains(.gratitude)
            tokens[index].cue = negatedCue(cue, tokens, at: index)
            return true
        }
        return false
    }

    /// A cue weight after negation: a negated complaint cue ("no delay") loses its weight, negated
    /// praise ("not helpful") turns into a complaint.
    private func negatedCue(_ cue: Float, _ tokens: UnsafeMutableBufferPointer<Token>, at index: Int) -> Float {
        guard isNegated(tokens, at: index) else { return cue }
        let settings = configuration.sentiment
        return cue < 0 ? cue * Float(settings.negatedComplaintCue) : cue * Float(settings.negationScalar)
    }

    /// Whether the negator at `index` reaches a word that carries sentiment or a cue ("no delays",
    /// "not happy"); such a negator is scored through that word rather than by itself.
    private func negatesScoredWord(_ tokens: UnsafeMutableBufferPointer<Token>, at index: Int) -> Bool {
        let window = configuration.sentiment.negationWindow
        var position = index + 1
        while position < tokens.count && position <= index + window && tokens[position].clause == tokens[index].clause {
            let entryIndex = lexicon.entryIndex(word: tokens[position].hash)
            if entryIndex >= 0 {
                let entry = lexicon.entries[Int(entryIndex)]
                if entry.valence != 0 || entry.cue != 0 { return true }
            }
            position += 1
        }
        return false
    }

    /// Whether a negator precedes `index` within the window, in the same clause.
    private func isNegated(_ tokens: UnsafeMutableBufferPointer<Token>, at index: Int) -> Bool {
        let window = configuration.sentiment.negationWindow
        var position = index - 1
        while position >= 0 && position >= index - window {
            let token = tokens[position]
            if token.clause != tokens[index].clause { return false }
            if token.entry >= 0 && lexicon.entries[Int(token.entry)].roles.contains(.negator) { return true }
            position -= 1
        }
        return false
    }

    /// A word's valence after boosters, capitals and negation.
    private func adjust(
        _ valence: Double, _ tokens: UnsafeMutableBufferPointer<Token>, at index: Int, signals: TextSignals
    ) -> Double {
        let settings = configuration.sentiment
        var adjusted = valence
        let sign: Double = valence > 0 ? 1 : -1
        var distance = 1
        while distance <= 3 && index - distance >= 0 {
            let previous = tokens[index - distance]
            guard previous.clause == tokens[index].clause else { break }
            if previous.entry >= 0 {
                let booster = Double(lexicon.entries[Int(previous.entry)].booster)
                if booster != 0 {
                    adjusted += sign * booster * (1 - 0.05 * Double(distance - 1))
                }
            }
            distance += 1
        }
        if tokens[index].allCaps && signals.lowerLetters > 0 {
            adjusted += sign * settings.capsIncrement
        }
        if isNegated(tokens, at: index) {
            adjusted *= settings.negationScalar
        }
        return adjusted
    }

    /// Whether praise at `index` reads as sarcasm: a sarcastic phrase; thanks for something bad
    /// ("thanks for the 3 hour delay"); or a praise word with a complaint close by ("great, another
    /// delay").
    private func isSarcastic(_ tokens: UnsafeMutableBufferPointer<Token>, at index: Int, entry: LexiconEntry) -> Bool {
        let sarcasm = configuration.sarcasm
        if tokens[index].sarcastic { return true }
        if tokens[index].gratitude {
            return complaintFollows(tokens, index, within: sarcasm.gratitudeWindow, minimum: sarcasm.minimumComplaint)
        }
        return entry.roles.contains(.sarcasmOpener)
            && complaintNear(
                tokens, index, before: sarcasm.windowBefore, after: sarcasm.window, minimum: sarcasm.minimumComplaint)
    }

    /// Whether a complaint cue of at least `minimum` follows `index` within `window` tokens of the same clause.
    private func complaintFollows(
        _ tokens: UnsafeMutableBufferPointer<Token>, _ index: Int, within window: Int, minimum: Double
    ) -> Bool {
        var position = index + 1
        while position < tokens.count && position <= index + window && tokens[position].clause == tokens[index].clause {
            if Double(tokens[position].cue) <= -minimum { return true }
            position += 1
        }
        return false
    }

    /// Whether a complaint cue of at least `minimum` lies within `before` tokens before `index` or
    /// `after` tokens after it, in the same sentence; or in the sentence before, when the praise is a
    /// short reaction of its own ("my bag never arrived. Awesome!"). Praise in one sentence and a
    /// problem named in another ("Awesome, thanks! I'll call later today") is not sarcasm.
    private func complaintNear(
        _ tokens: UnsafeMutableBufferPointer<Token>, _ index: Int, before: Int, after: Int, minimum: Double
    ) -> Bool {
        let sentence = tokens[index].sentence
        var reaction: Bool?
        var position = max(0, index - before)
        while position < tokens.count && position <= index + after {
            defer { position += 1 }
            guard position != index && Double(tokens[position].cue) <= -minimum else { continue }
            if tokens[position].sentence == sentence { return true }
            guard position < index && tokens[position].sentence &+ 1 == sentence else { continue }
            if reaction == nil {
                reaction = wordsInSentence(tokens, around: index) <= configuration.sarcasm.reactionWords
            }
            if reaction == true { return true }
        }
        return false
    }

    /// How many word and hashtag tokens share the sentence of `index`.
    private func wordsInSentence(_ tokens: UnsafeMutableBufferPointer<Token>, around index: Int) -> Int {
        let sentence = tokens[index].sentence
        var words = 0
        var position = index
        while position > 0 && tokens[position - 1].sentence == sentence {
            position -= 1
        }
        while position < tokens.count && tokens[position].sentence == sentence {
            if tokens[position].kind == .word || tokens[position].kind == .hashtag {
                words += 1
            }
            position += 1
        }
        return words
    }

    /// Records a stated wait such as "3 hours", "2hrs" or "two weeks".
    private func noteWaiting(
        _ tokens: UnsafeMutableBufferPointer<Token>, at index: Int, entry: LexiconEntry,
        into analysis: inout TextAnalysis
    ) {
        guard entry.unitSeconds > 0, index > 0 else { return }
        let previous = tokens[index - 1]
        var amount = 0
        if previous.kind == .number {
            amount = Int(previous.number)
        } else if previous.entry >= 0 {
            amount = Int(lexicon.entries[Int(previous.entry)].numberValue)
        }
        // Bigger numbers next to a unit are rarely waits ("1000 miles", "2015 days"): ignore them.
        guard amount > 0 && amount <= 500 else { return }
        // A product's age, an early arrival or a promise is not a wait: "stopped working after 11 months",
        // "arrived a day early", "in 2 days"; but "after 3 hours on hold" is.
        // Looked up by hash: the words after this one have no entry yet in this pass.
        func roles(at position: Int) -> LexiconEntry.Roles {
            guard position >= 0, position < tokens.count, tokens[position].kind == .word else { return [] }
            let entry = lexicon.entryIndex(word: tokens[position].hash)
            return entry >= 0 ? lexicon.entries[Int(entry)].roles : []
        }
        let after = roles(at: index + 1)
        if after.contains(.notWaitingAfter) { return }
        if roles(at: index - 2).contains(.notWaitingBefore) && !after.contains(.stillWaiting) { return }
        analysis.waitedSeconds = max(analysis.waitedSeconds, amount * Int(entry.unitSeconds))
    }
}
