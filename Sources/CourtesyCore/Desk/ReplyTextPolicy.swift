/// The rules a reply text (and a reason) must meet before the desk records it, and that every
/// decision and reply read back must meet too: one validation for the API, the encoder and the
/// decoders, so whatever the desk writes it can read.
///
/// Approvers write edited text themselves and are accountable for it (every decision records who
/// made it), so the text is posted as written: links and @mentions they type stay. What is refused
/// is what a person cannot see or check on screen (docs/desk.md lists the rules): control
/// characters, format and default-ignorable code points outside the emoji and script sequences that
/// need them, unassigned code points and noncharacters, line and paragraph separators, private-use
/// and blank "filler" letters. The only changes made are invisible ones: `\r\n` becomes `\n`, and
/// spaces and line feeds at either end are trimmed; any other whitespace at an end is refused.
package enum ReplyTextPolicy {
    /// The longest reason accepted, in code points.
    package static let maximumReasonLength = 500

    /// The most UTF-8 bytes a reply text or a reason may have, on every platform: the text limit
    /// of the decoders (``EventLimits/maxTextBytes``), so that a decision always fits an event.
    package static let maximumTextBytes = EventLimits.standard.maxTextBytes

    /// The reply text as it will be posted on `platform`.
    /// - Throws: ``TextProblem`` when it is empty, over ``maximumTextBytes``, over
    ///   ``Platform/replyLengthLimit`` as the platform counts, or holds a forbidden character.
    package static func reply(_ text: String, platform: Platform) throws(TextProblem) -> String {
        let text = normalised(text)
        try check(reply: text, platform: platform)
        return text
    }

    /// A reason as it will be recorded.
    /// - Throws: ``TextProblem`` when it is empty, over ``maximumReasonLength`` code points or
    ///   ``maximumTextBytes``, or holds a forbidden character.
    package static func reason(_ text: String) throws(TextProblem) -> String {
        let text = normalised(text)
        try check(reason: text)
        return text
    }

    /// Checks a reply text exactly as recorded, without changing it: what ``reply(_:platform:)``
    /// returns passes, and nothing that it would have changed or refused does.
    package static func check(reply text: String, platform: Platform) throws(TextProblem) {
        try check(text, limit: platform.replyLengthLimit, unit: platform.replyLengthUnit)
    }

    /// Checks a reason exactly as recorded, as ``check(reply:platform:)`` does a reply text.
    package static func check(reason text: String) throws(TextProblem) {
        try check(text, limit: maximumReasonLength, unit: .codePoints)
    }

    private static func check(_ text: String, limit: Int, unit: ReplyLengthUnit) throws(TextProblem) {
        guard !text.isEmpty else { throw TextProblem.empty }
        // Bytes first: a cheap bound before anything walks a hostile text.
        let size = text.utf8.count
        guard size <= maximumTextBytes else { throw TextProblem.tooManyBytes(size: size, limit: maximumTextBytes) }
        if let index = firstForbiddenScalar(in: text) {
            let position = String(String.UnicodeScalarView(text.unicodeScalars[..<index])).count + 1
            throw TextProblem.forbiddenCharacter(codePoint: text.unicodeScalars[index].value, position: position)
        }
        let length = unit.length(of: text)
        guard length <= limit else { throw TextProblem.tooLong(length: length, limit: limit, unit: unit) }
    }

    /// `\r\n` as `\n`, without spaces and line feeds at either end.
    private static func normalised(_ raw: String) -> String {
        var scalars = Array(raw.unicodeScalars)
        if raw.utf8.contains(UInt8(ascii: "\r")) {
            var kept: [Unicode.Scalar] = []
            kept.reserveCapacity(scalars.count)
            for index in scalars.indices
            where !(scalars[index] == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") {
                kept.append(scalars[index])
            }
            scalars = kept
        }
        let isTrimmed: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" }
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        if first == 0 && last == scalars.count - 1 && scalars.count == raw.unicodeScalars.count { return raw }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}
