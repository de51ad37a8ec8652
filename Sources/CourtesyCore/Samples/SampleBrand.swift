/// A made-up brand that sample mentions are addressed to, with what its customers talk about.
struct SampleBrand {
    /// The brand's id in events (`brand`).
    let id: String
    /// The name customers write.
    let name: String
    /// Its handle on X, without `@`.
    let xHandle: String
    /// Its handle on Instagram, without `@`.
    let instagramHandle: String
    /// What its customers complain about.
    let segments: [SampleSegment]
    /// Things it sells, in English and in Spanish with the article (same order).
    let products: [String]
    let productsSpanish: [String]
    /// Where customers meet its staff.
    let places: [String]
    /// What its customers ask, praise and mention in passing, in English and Spanish.
    let questions: [String]
    let questionsSpanish: [String]
    let compliments: [String]
    let complimentsSpanish: [String]

    /// The brands of the sample stream: an airline, an online shop and a mobile and broadband provider.
    static let all: [SampleBrand] = [
        SampleBrand(
            id: "skylark", name: "Skylark Airways", xHandle: "SkylarkAir", instagramHandle: "skylark.airways",
            segments: [.delay, .delay, .lostBaggage, .lostBaggage, .cancellation, .rudeStaff, .billing],
            products: ["seat upgrade", "extra bag", "lounge pass", "flight voucher"],
            productsSpanish: ["la mejora de asiento", "la maleta extra", "el pase a la sala VIP", "el bono de vuelo"],
            places: ["check-in desk", "gate", "baggage desk", "transfer desk"],
            questions: SamplePhrases.airlineQuestions, questionsSpanish: SamplePhrases.airlineQuestionsSpanish,
            compliments: SamplePhrases.airlineCompliments, complimentsSpanish: SamplePhrases.airlineComplimentsSpanish),
        SampleBrand(
            id: "basketful", name: "Basketful", xHandle: "BasketfulShop", instagramHandle: "basketful.shop",
            segments: [.lateDelivery, .lateDelivery, .returns, .returns, .warranty, .billing, .rudeStaff],
            products: ["coffee machine", "running shoes", "headphones", "winter coat", "desk lamp", "blender"],
            productsSpanish: [
                "la cafetera", "las zapatillas", "los auriculares", "el abrigo", "la lámpara", "la batidora",
            ],
            places: ["click and collect counter", "returns desk", "store"],
            questions: SamplePhrases.shopQuestions, questionsSpanish: SamplePhrases.shopQuestionsSpanish,
            compliments: SamplePhrases.shopCompliments, complimentsSpanish: SamplePhrases.shopComplimentsSpanish),
        SampleBrand(
            id: "tidewave", name: "Tidewave Mobile", xHandle: "TidewaveMobile", instagramHandle: "tidewave",
            segments: [.outage, .outage, .billing, .billing, .warranty, .rudeStaff, .lateDelivery],
            products: ["router", "phone", "SIM card", "fibre box", "smartwatch"],
            productsSpanish: [
                "el router", "el móvil", "la tarjeta SIM", "el módem de fibra", "el reloj inteligente",
            ],
            places: ["store", "help desk", "service counter"],
            questions: SamplePhrases.telecomQuestions, questionsSpanish: SamplePhrases.telecomQuestionsSpanish,
            compliments: SamplePhrases.telecomCompliments, complimentsSpanish: SamplePhrases.telecomComplimentsSpanish),
    ]
}
