extension Responder {
    /// The draft event for a mention event, made now by ``clock``: the hot path of the service.
    /// - Returns: the `courtesy.draft/v1` JSON, or why the event was refused.
    public func draft(json bytes: [UInt8], recentMentions: Int = 0) -> Result<[UInt8], ResponderError> {
        draft(json: bytes, recentMentions: recentMentions, at: clock())
    }

    /// The draft event for a mention event, made at `now`.
    public func draft(json bytes: [UInt8], recentMentions: Int = 0, at now: Timestamp) -> Result<
        [UInt8], ResponderError
    > {
        bytes.withUnsafeBytes { draft(json: $0, recentMentions: recentMentions, at: now) }
    }

    /// The draft event for a mention event held in memory the caller owns (a Kafka message payload).
    public func draft(
        json buffer: UnsafeRawBufferPointer, recentMentions: Int = 0, at now: Timestamp
    ) -> Result<[UInt8], ResponderError> {
        var output: [UInt8] = []
        do throws(ResponderError) {
            try appendDraft(json: buffer, to: &output, recentMentions: recentMentions, at: now)
            return .success(output)
        } catch {
            return .failure(error)
        }
    }

    /// Decodes a mention event, drafts the reply and appends the draft event's JSON to `output`.
    ///
    /// Appending lets a caller that writes many drafts (a batch, a file) reuse one buffer.
    /// `output` is left as it was when the event is refused.
    /// - Throws: `ResponderError` saying why the event was refused.
    public func appendDraft(
        json buffer: UnsafeRawBufferPointer, to output: inout [UInt8], recentMentions: Int = 0, at now: Timestamp
    ) throws(ResponderError) {
        let mention: Mention
        do throws(EventDecodingError) {
            mention = try Mention(json: buffer, limits: limits)
        } catch {
            throw ResponderError(decoding: error)
        }
        let draft = try self.draft(for: mention, recentMentions: recentMentions, at: now)
        JSONWriter.appending(to: &output) { draft.write(to: &$0) }
    }
}
