extension Classifier {
    /// Turns an analysis and its intent into a classification: tone, language, topics and priority.
    /// - Parameters:
    ///   - intent: ``ruleIntent(_:judged:)`` of the analysis, or what a ``ToneModel`` made of it
    ///     (``intent(choosing:analysis:)``).
    ///   - language: ``detectLanguage(_:signals:locale:)`` of the same analysis.
    func decide(
        _ analysis: TextAnalysis, intent: Intent, language detected: (Language, String?), signals: TextSignals,
        author: Mention.Author?, engagement: Mention.Engagement?, recentMentions: Int,
        industry brandIndustry: Industry? = nil
    ) -> Classification {
        let (language, languageReason) = detected
        var reviewReason: String? = languageReason
        // Praise that mentions a hospital or going viral is praise: concerns are read in everything else.
        let concerns = intent == .compliment ? [] : Concerns(threats: analysis.threats)
        if reviewReason == nil { reviewReason = concerns.reviewReason }

        // The brand's industry when known, else the first industry whose words show, in ``Industry/allCases`` order.
        let industry =
            brandIndustry.flatMap { wanted in lexicon.industries.first { $0.industry == wanted } }
            ?? lexicon.industries.first { analysis.topics & (1 << UInt64($0.topicBit)) != 0 }
        var topics: [String] = []
        if analysis.topics != 0 {
            // Without evidence of its industry a mention reads as retail, the default business.
            let industryMask = industry?.mask ?? lexicon.retailMask
            for (bit, id) in lexicon.topicIDs.enumerated() where analysis.topics & (1 << UInt64(bit)) != 0 {
                let industries = lexicon.topicIndustries[bit]
                if industries == 0 || industries & industryMask != 0 { topics.append(id) }
            }
        }
        let priority = prioritise(
            analysis, intent: intent, concerns: concerns, signals: signals, author: author, engagement: engagement,
            recentMentions: recentMentions)
        let replyWithin = weights.replyWithin(priority.level)
        var classification = Classification(
            intent: intent, tone: intent.tone, topics: topics, priority: priority, language: language,
            reviewReason: reviewReason, sentiment: analysis.sentiment, replyWithinSeconds: replyWithin)
        classification.complaintWeight = analysis.complaint
        classification.concerns = concerns
        classification.industry = brandIndustry ?? industry?.industry
        classification.mixed =
            intent == .compliment && (analysis.complaint > 0 || analysis.negative + analysis.situationNegative > 0)
        return classification
    }

    /// The intent a ``ToneModel``'s tone gives a text, where the text gives it any ground: it apologises only
    /// for a text with something negative in it, thanks only for one with something positive, and never
    /// thanks a threat to escalate (a complaint, then). Where it has no ground the reply is neutral rather
    /// than the rules' tone, since the two disagree.
    static func intent(choosing modelTone: Tone, analysis: TextAnalysis) -> Intent {
        let neutral: Intent = analysis.question ? .question : .other
        switch modelTone {
        case .apology:
            return analysis.hasNegativeEvidence ? .complaint : neutral
        case .thanks:
            guard analysis.threats.isDisjoint(with: .escalations) else { return .complaint }
            return analysis.hasPositiveEvidence ? .compliment : neutral
        case .neutral:
            return neutral
        }
    }

    /// The intent the rules give an analysis; `judged` is false when the text's language is not one whose
    /// tone is judged, and then only a question is told from anything else.
    func ruleIntent(_ analysis: TextAnalysis, judged: Bool) -> Intent {
        let settings = configuration.sentiment
        let asking = analysis.question || analysis.request
        if !judged {
            return analysis.question ? .question : .other
        } else if analysis.sentiment <= (asking ? settings.apologyInRequestAt : settings.apologyAt)
            || analysis.complaint >= settings.complaintAt && analysis.sentiment < settings.thanksAt
            || !analysis.threats.isDisjoint(with: .escalations) && analysis.sentiment < settings.thanksAt
        {
            return .complaint
        } else if analysis.sentiment >= settings.thanksAt && !analysis.sarcasm
            && (analysis.blockingNegative < settings.thanksBlockedBy
                || settings.praiseOutweighs > 0
                    && analysis.positive >= settings.praiseOutweighs * analysis.blockingNegative)
        {
            return .compliment
        } else if analysis.question {
            return .question
        }
        return .other
    }

    /// The language from stopword hits, and why a person must look when the tone cannot be judged.
    ///
    /// Another language wins over English with at least two hits and more than English, or with one in a
    /// text of three words or more where English has none.
    /// A letter only one language uses (ñ ¿ ¡, ã õ, ä ö ü ß, è ù œ ë ï î û) counts as a hit of that
    /// language, each time it appears.
    ///
    /// A short text gives few hits ("¿Alguien lee esto?" has one): then the author's locale (`es-MX`)
    /// decides, when the text has at least one word of that language and more than of English.
    func detectLanguage(_ analysis: TextAnalysis, signals: TextSignals, locale: String? = nil) -> (Language, String?) {
        if signals.otherLetters > signals.latinLetters {
            let script = signals.otherScript ?? .other
            return (.undetermined, "written in \(script.rawValue): tone not judged")
        }
        var hits = analysis.languageHits
        if signals.markedLetters != .zero {
            for mark in 0..<4 where markedLanguageBits[mark] >= 0 {
                hits[Int(markedLanguageBits[mark])] &+= signals.markedLetters[mark]
            }
        }
        var best = -1
        var bestHits: Int32 = 0
        for bit in 0..<lexicon.languageCodes.count where hits[bit] > bestHits {
            best = bit
            bestHits = hits[bit]
        }
        let englishHits = englishBit >= 0 ? hits[englishBit] : 0
        // One hit is enough when English has none in a text of a few words ("vielen Dank, super Service
        // und total nette Mitarbeiter").
        let enough: Int32 = englishHits == 0 && analysis.words >= 3 ? 1 : 2
        if !(best >= 0 && best != englishBit && bestHits >= enough && bestHits > englishHits) {
            // Looked up only when some language outscores English, which most texts do not.
            guard best >= 0, bestHits > englishHits, let bit = localeBit(locale), bit != englishBit,
                hits[bit] > englishHits
            else {
                return (signals.latinLetters > 0 ? .english : .undetermined, nil)
            }
            best = bit
        }
        let language = Language(rawValue: lexicon.languageCodes[best])
        if judgedLanguageBits & (1 << UInt16(best)) != 0 {
            return (language, nil)
        }
        return (language, "written in language \"\(language.rawValue)\": tone not judged")
    }

    /// The position in ``Lexicon/languageCodes`` of a locale's language (`es` of `es-MX`), if profiled.
    private func localeBit(_ locale: String?) -> Int? {
        guard let locale, !locale.isEmpty else { return nil }
        let code = locale.prefix { $0 != "-" && $0 != "_" }.lowercased()
        return lexicon.languageCodes.firstIndex(of: code)
    }
}
