import CourtesyCore
import Foundation

/// What `courtesy-lab chaos` found: the figures, and whether every guarantee held.
struct ChaosReport {
    /// Mentions the broker acknowledged.
    var mentions = 0
    /// Distinct drafts for those mentions (what the desk shows).
    var drafts = 0
    /// Mentions with more than one distinct draft id: a draft the desk would show twice.
    var duplicates = 0
    /// Mentions with no draft at all.
    var lost = 0
    /// Draft events on the topic beyond one per mention: replays after crashes, which the desk absorbs.
    var redrafted = 0
    /// Draft ids on the topic with two different texts: a replay that did not say what the first draft said.
    var draftsWithTwoTexts = 0
    /// The first few of those, with every text each was drafted with and the previous contacts each
    /// draft event considered: what to look at when a replay differs.
    var twoTextExamples: [JSONTree] = []
    /// Drafts that took earlier contacts of their conversation into account.
    var repeatContacts = 0
    /// Faults injected, by kind.
    var faults: [String: Int] = [:]
    /// Approvals the desk answered with success.
    var approvals = 0
    /// Approvals answered with success whose decision is not on the decisions topic.
    var decisionsLost = 0
    /// Reply ids on the replies topic more than once.
    var repliesDuplicated = 0
    /// Successful approvals with no reply on the replies topic.
    var repliesMissing = 0
    /// Replies the receiver accepted, and the requests it received (failed on purpose included).
    var posted = 0
    var postRequests = 0
    /// Replies the receiver accepted under more than one idempotency key: a receiver that honours keys
    /// would post them twice.
    var postsDuplicatedByKey = 0
    /// Replies accepted more than once under the same key (after a publisher's crash or a timeout): the
    /// receiver absorbs them.
    var repostedWithSameKey = 0
    /// Replies on the replies topic the receiver never accepted.
    var repliesNotPosted = 0
    /// Whether the desk, rebuilt from the topics, shows one draft per mention.
    var deskAgrees = false
    /// Dead letters of sample mentions (they are all valid, so any is a fault).
    var deadLetters = 0
    /// Poison records the broker acknowledged: mentions at the broker's size limit, none draftable.
    var poisonRecords = 0
    /// Poison records with no dead letter (each must have one, and stop no responder).
    var poisonMissing = 0
    /// Edits too large for any platform that the approver tried, and how many the desk refused.
    var oversizedEdits = 0
    var oversizedEditsRefused = 0
    /// Decisions on the topic that cannot be read back (whatever the desk accepts must be readable).
    var decisionsUnreadable = 0
    var seconds = 0.0
    /// Memory and backlog every few seconds of the run.
    var samples: [ChaosSample] = []

    var faultCount: Int { faults.values.reduce(0, +) }

    /// Every guarantee held: nothing lost, nothing twice, nothing unrecorded.
    var passed: Bool {
        duplicates == 0 && lost == 0 && drafts == mentions && draftsWithTwoTexts == 0 && decisionsLost == 0
            && repliesDuplicated == 0 && repliesMissing == 0 && deskAgrees && deadLetters == 0 && poisonMissing == 0
            && decisionsUnreadable == 0 && postsDuplicatedByKey == 0 && repliesNotPosted == 0
    }

    var json: String {
        let counts: [String: Int] = [
            "mentions": mentions, "drafts": drafts, "duplicates": duplicates, "lost": lost,
            "redrafted": redrafted, "draftsWithTwoTexts": draftsWithTwoTexts, "repeatContacts": repeatContacts,
            "faults": faultCount, "approvals": approvals,
            "decisionsLost": decisionsLost, "repliesDuplicated": repliesDuplicated, "repliesMissing": repliesMissing,
            "deadLetters": deadLetters, "poisonRecords": poisonRecords,
            "poisonMissing": poisonMissing, "oversizedEdits": oversizedEdits,
            "oversizedEditsRefused": oversizedEditsRefused, "decisionsUnreadable": decisionsUnreadable,
            "posted": posted, "postRequests": postRequests, "postsDuplicatedByKey": postsDuplicatedByKey,
            "repostedWithSameKey": repostedWithSameKey, "repliesNotPosted": repliesNotPosted,
        ]
        var object = counts.mapValues(JSONTree.figure)
        object["twoTextExamples"] = .array(twoTextExamples)
        object["faultsByKind"] = .object(faults.mapValues(JSONTree.figure))
        object["deskAgrees"] = .bool(deskAgrees)
        object["passed"] = .bool(passed)
        object["seconds"] = .figure((seconds * 10).rounded() / 10)
        object["samples"] = .array(samples.map(\.tree))
        return JSONTree.object(object).line
    }

    var table: String {
        let faultList = faults.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let rows: [(String, String)] = [
            ("mentions (acknowledged)", "\(mentions)"),
            ("drafts at the desk", "\(drafts)"),
            ("duplicates", "\(duplicates)"),
            ("lost", "\(lost)"),
            ("drafted again after a crash", "\(redrafted) (absorbed by the desk: draft ids are deterministic)"),
            ("draft ids with two texts", "\(draftsWithTwoTexts)"),
            ("drafts with earlier contacts", "\(repeatContacts)"),
            ("dead letters of sample mentions", "\(deadLetters)"),
            ("poison records (1 MiB) dead-lettered", "\(poisonRecords - poisonMissing) of \(poisonRecords)"),
            ("oversized edits refused", "\(oversizedEditsRefused) of \(oversizedEdits)"),
            ("decisions unreadable", "\(decisionsUnreadable)"),
            ("faults", faultCount == 0 ? "none" : "\(faultCount): \(faultList)"),
            ("approvals answered 200", "\(approvals)"),
            ("decisions lost", "\(decisionsLost)"),
            ("replies published twice", "\(repliesDuplicated)"),
            ("replies missing", "\(repliesMissing)"),
            ("replies posted", "\(posted) (\(postRequests) requests; the receiver fails some on purpose)"),
            ("posted again, same key", "\(repostedWithSameKey) (absorbed by a receiver that honours keys)"),
            ("posts duplicated by key", "\(postsDuplicatedByKey)"),
            ("replies not posted", "\(repliesNotPosted)"),
            ("rebuilt desk agrees", deskAgrees ? "yes" : "no"),
            ("run", String(format: "%.1f s", seconds)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        let body = rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        let timeline =
            ["", "  time  sent    at desk  behind  responders RSS (MiB)  desk RSS (MiB)"]
            + samples.map(\.line)
        return
            (body + (samples.isEmpty ? [] : timeline) + [passed ? "PASSED: every guarantee held" : "FAILED: see above"])
            .joined(separator: "\n")
    }
}
