import Testing

@testable import CourtesyCore

@Suite("Repetition cues: the customer has already explained, been passed around or asked before")
struct RepetitionCueTests {
    @Test(
        "Cues in five languages",
        arguments: [
            "@acme order #48213 is 5 days late. I already gave my order number to 3 people!",
            "still no sign of order #70412, this is the second time I'm asking",
            "I've called 5 times and nobody answers",
            "been passed around between departments all week",
            "no one replies to my emails",
            "like I said, the parcel never came",
            "Ya les expliqué todo por teléfono",
            "es la tercera vez que escribo",
            "J'ai déjà appelé trois fois",
            "c'est la deuxième fois que je vous écris",
            "Ich habe schon dreimal angerufen",
            "zum dritten Mal: wo ist mein Paket?",
            "Niemand meldet sich bei mir",
            "Já liguei várias vezes",
            "I ALREADY TOLD YOU THIS",
            "Personne ne répond au téléphone",
            "Ich habe es Ihnen dreimal geschrieben",
            "I'm tired of repeating myself",
            "I’ve spoken to 4 different agents",
        ])
    func cues(text: String) {
        #expect(RepetitionCue.isPresent(in: text))
    }

    @Test(
        "Not cues",
        arguments: [
            "My order arrived broken", "first time ordering, love it", "already arrived, thanks!",
            "late again, third delay this month", "I have been charged twice", "Wo ist mein Paket?", "",
            "Schon da, danke!", "Personne", "mal service",
        ])
    func notCues(text: String) {
        #expect(!RepetitionCue.isPresent(in: text))
    }
}
