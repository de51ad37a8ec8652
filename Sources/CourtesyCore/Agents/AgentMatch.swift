/// How well an assigned agent fits the conversation, best first.
package enum AgentMatch: String, Sendable, Hashable, Codable, CaseIterable {
    /// On shift, writes the language, and their skills cover every topic (or there are no topics).
    case skills
    /// On shift, writes the language, and their skills cover some of the topics (as many as anyone's).
    case partialSkills
    /// On shift and writes the language; nobody on shift covers any of the topics.
    case language
    /// On shift, but nobody on shift writes the language.
    case otherLanguage
    /// Nobody is on shift: the agent who will own the conversation, chosen by the same rules among everyone.
    case offShift
}
