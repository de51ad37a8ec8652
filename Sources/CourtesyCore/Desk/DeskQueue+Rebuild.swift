extension DeskQueue {
    /// Applies raw draft and decision events in the order given, as on start-up when the desk reads
    /// its topics from the beginning.
    ///
    /// An event that cannot be decoded is counted, kept in the report (the first few), and skipped:
    /// one bad record must not stop the desk from starting. A decision that cannot be decoded but
    /// whose key is a draft id still closes that draft, as an ``UnreadableDecision``.
    /// - Parameters:
    ///   - total: how many events are expected, if known (for the progress display).
    ///   - progressInterval: call `progress` after every this many events, and once at the end.
    ///   - progress: receives the events read so far and `total`.
    @discardableResult
    package mutating func apply<Events: Sequence<DeskEvent>>(
        events: Events, total: Int? = nil, progressInterval: Int = 10_000,
        progress: (_ eventsRead: Int, _ total: Int?) -> Void = { _, _ in }
    ) -> DeskRebuildReport {
        var report = DeskRebuildReport()
        let interval = max(progressInterval, 1)
        for event in events {
            let index = report.eventsRead
            report.eventsRead += 1
            do throws(EventDecodingError) {
                switch event {
                case .draft(let bytes):
                    record(apply(draft: try Draft(json: bytes)), in: &report)
                case .decision(let bytes, _):
                    record(apply(decision: try Decision(json: bytes)), in: &report)
                }
            } catch {
                if case .decision(_, let key?) = event, Draft.isIdentifier(key) {
                    let unreadable = UnreadableDecision(
                        draftId: String(decoding: key, as: UTF8.self), error: error, location: "event \(index)")
                    switch apply(unreadable: unreadable) {
                    case .decided, .decidedBeforeDraft: report.unreadableDecisions += 1
                    default: break
                    }
                }
                report.undecodable += 1
                if report.failures.count < DeskRebuildReport.maximumFailuresKept {
                    let isDraft = if case .draft = event { true } else { false }
                    report.failures.append(DeskRebuildFailure(index: index, isDraft: isDraft, error: error))
                }
            }
            if report.eventsRead % interval == 0 {
                progress(report.eventsRead, total)
            }
        }
        if report.eventsRead % interval != 0 || report.eventsRead == 0 {
            progress(report.eventsRead, total)
        }
        return report
    }

    private func record(_ change: DeskChange, in report: inout DeskRebuildReport) {
        switch change {
        case .queued: report.draftsQueued += 1
        case .decided, .decidedBeforeDraft: report.decisionsRecorded += 1
        case .duplicate, .draftAlreadyDecided: report.duplicates += 1
        case .laterDecisionIgnored, .unreadableDecisionStands: report.laterDecisionsIgnored += 1
        }
    }
}
