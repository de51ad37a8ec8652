import ArgumentParser

@main
struct Courtesy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "courtesy",
        abstract: "Fast, personal replies to what customers say about a brand, approved by people.",
        subcommands: [
            DecisionsCommand.self,
            DemoCommand.self,
            DeskCommand.self,
            DevBrokerCommand.self,
            KafkaCheckCommand.self,
            PublishCommand.self,
            DraftCommand.self,
            EvalCommand.self,
            ResponderCommand.self,
            ReviewCommand.self,
            SampleMentionsCommand.self,
            TemplatesCommand.self,
            TopicsCommand.self,
            TrainCommand.self,
            WebhookSinkCommand.self,
        ]
    )
}
