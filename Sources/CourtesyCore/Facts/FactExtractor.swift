// Placeholder until the extractor lands on this branch.
public struct FactExtractor: Sendable {
    public init(configuration: FactConfiguration = FactConfiguration()) {}
    public func facts(in text: String) -> [Fact] { [] }
}
public struct FactConfiguration: Sendable {
    public init() {}
}
