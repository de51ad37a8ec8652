/// The hand-written fragments sample mentions are composed from, in English and Spanish.
///
/// `{slot}` marks a value filled in per mention (see ``SampleMentions``): `{order}`, `{ref}`, `{flight}`,
/// `{city}`, `{country}`, `{days}`, `{weeks}`, `{months}`, `{hours}`, `{minutes}`, `{amount}`,
/// `{product}`, `{place}`, `{relative}`, `{weekday}`, `{staff}`, `{brand}`, `{times}`, `{speed}`.
enum SamplePhrases {
    // MARK: Complaints, by segment

    static func complaints(_ segment: SampleSegment) -> [String] {
        switch segment {
        case .lateDelivery:
            [
                "my order {order} was supposed to arrive on {weekday} and it's still not here",
                "ordered a {product} {days} days ago and the tracking hasn't moved since",
                "the courier marked my parcel as delivered but there is nothing at my door",
                "paid for next-day delivery and I've been waiting {days} days for order {order}",
                "my delivery slot was 9 to 1 and nobody turned up, I took the day off for this",
                "the tracking page has said out for delivery since {weekday}",
            ]
        case .returns:
            [
                "sent the {product} back {weeks} weeks ago and still no refund",
                "your returns page keeps rejecting my return label for order {order}",
                "dropped off a return on {weekday} and the status still says not received",
                "you refunded {amount} less than I paid for the {product} I returned",
                "I was told the refund takes 5 days, it has been {weeks} weeks",
            ]
        case .warranty:
            [
                "my {product} stopped working after {months} months and you say the warranty doesn't cover it",
                "the {product} arrived cracked and the replacement is broken too",
                "sent my {product} in for repair {weeks} weeks ago and heard nothing since",
                "second faulty {product} in a row, the quality has really gone downhill",
            ]
        case .billing:
            [
                "you charged me twice for the same order, {amount} each time",
                "my bill went up by {amount} this month with no warning at all",
                "I cancelled in {month} and you are still taking money from my card",
                "there's a {amount} fee on my account that I never agreed to",
                "been overcharged {times} months running and every call ends with 'we'll look into it'",
            ]
        case .lostBaggage:
            [
                "my bag didn't make it to {city} and nobody at the baggage desk can tell me where it is",
                "{days} days since I landed and still no sign of my suitcase",
                "the baggage tracker has said in transit since {weekday}, my {relative}'s medication is in that bag",
                "landed in {city} without my luggage, filed a report, no call back",
            ]
        case .delay:
            [
                "flight {flight} to {city} delayed {hours} hours and counting, no information at the gate",
                "sat on the tarmac for {minutes} minutes with no explanation",
                "missed my connection in {city} because your flight was late again",
                "third delay this month on the same route, {flight} never leaves on time",
            ]
        case .cancellation:
            [
                "you cancelled my flight to {city} the night before and the app won't let me rebook",
                "flight {flight} cancelled, no hotel, no voucher, we are sleeping at the airport",
                "my booking {ref} was cancelled without any email, found out at check-in",
            ]
        case .outage:
            [
                "no internet in {city} since {weekday}, I work from home and can't do anything",
                "broadband down again, {times} times this week",
                "no signal at all in {city} since this morning and your status page says everything is fine",
                "my {product} keeps dropping the connection every few minutes",
            ]
        case .rudeStaff:
            [
                "the person at the {place} was incredibly rude to my {relative}",
                "your agent hung up on me after I waited {minutes} minutes on the phone",
                "staff at the {place} laughed when I asked for help, unbelievable",
                "I have never been spoken to like that, the {place} staff were unprofessional",
            ]
        }
    }

    static func complaintsSpanish(_ segment: SampleSegment) -> [String] {
        switch segment {
        case .lateDelivery:
            [
                "mi pedido {order} tenía que llegar el {weekday} y todavía no ha llegado",
                "hace {days} días que pedí {product} y el seguimiento no se mueve",
                "el repartidor marcó el paquete como entregado pero aquí no hay nada",
            ]
        case .returns:
            [
                "devolví {product} hace {weeks} semanas y sigo sin el reembolso",
                "la web no me deja generar la etiqueta de devolución del pedido {order}",
            ]
        case .warranty:
            [
                "{product} dejó de funcionar a los {months} meses y dicen que la garantía no lo cubre",
                "{product} llegó con golpes y el repuesto también",
            ]
        case .billing:
            [
                "me cobraron dos veces el mismo pedido, {amount} cada vez",
                "mi factura subió {amount} este mes sin ningún aviso",
                "me di de baja en {month} y me siguen cobrando",
            ]
        case .lostBaggage:
            [
                "mi maleta no llegó a {city} y nadie sabe dónde está",
                "llevo {days} días sin mi equipaje y nadie me llama",
            ]
        case .delay:
            [
                "el vuelo {flight} a {city} lleva {hours} horas de retraso y nadie informa",
                "perdí la conexión en {city} por el retraso de su vuelo",
            ]
        case .cancellation:
            [
                "cancelaron mi vuelo a {city} la noche anterior y la app no me deja cambiarlo",
                "vuelo {flight} cancelado y ni hotel ni comida, estamos durmiendo en el aeropuerto",
            ]
        case .outage:
            [
                "llevo desde el {weekday} sin internet en {city} y trabajo desde casa",
                "otra vez sin cobertura en {city}, ya van {times} veces esta semana",
            ]
        case .rudeStaff:
            [
                "el personal de la tienda fue muy grosero con mi {relative}",
                "me colgaron después de esperar {minutes} minutos al teléfono",
            ]
        }
    }

    static let complaintOpeners = [
        "", "", "", "", "Hi, ", "Hey ", "Seriously, ", "Unbelievable. ", "Ugh. ", "Honestly, ", "Not impressed. ",
        "So ", "Hello? ",
    ]
    static let complaintOpenersSpanish = ["", "", "", "Hola, ", "En serio, ", "Vaya servicio. ", "Increíble. "]

    static let complaintDetails = [
        "I've called {times} times.", "Nobody answers my emails.", "The chat just tells me to wait.",
        "Reference {ref}.", "I was on hold for {minutes} minutes.", "This is the second time this year.",
        "Your website is no help either.", "Still nothing from your team.", "I have the receipts.",
    ]
    static let complaintDetailsSpanish = [
        "He llamado {times} veces.", "Nadie contesta los correos.", "Referencia {ref}.",
        "Estuve {minutes} minutos en espera.",
    ]

    static let complaintAsks = [
        "Please sort this out.", "Can someone actually help?", "I want my money back.",
        "What are you going to do about it?", "Fix it.", "Please call me back.", "Who do I talk to?",
        "Not good enough.",
    ]
    static let complaintAsksSpanish = [
        "¿Alguien me puede ayudar?", "Quiero una solución ya.", "Exijo el reembolso.", "Esto no puede ser.",
    ]

    static let complaintEndings = ["", "", "", "", " 😡", " 😤", " 🙄", " #fail", " #customerservice", "!!", "..."]
    static let complaintEndingsSpanish = ["", "", " 😡", " #pésimoservicio", "!!"]

    /// Said by customers who could make a complaint go public: legal or public threats.
    static let threats = [
        "Fix this in 48 hours or I go public.", "My lawyer will be in touch.",
        "I'm filing a complaint with the regulator.", "All my followers are going to hear about this.",
        "Taking this to the local news.", "See you in small claims court.",
        "I'm posting about this everywhere until someone answers.",
    ]
    static let threatsSpanish = [
        "Si no lo arreglan en 48 horas lo publico en todas partes.", "Ya hablé con mi abogado.",
        "Voy a poner una denuncia.",
    ]

    /// A customer writing again because nobody answered.
    static let followUps = [
        "Still no answer about this.", "Hello?? It's been {minutes} minutes.", "Any update on my message above?",
        "Following up again. Nothing.", "Is anyone actually reading these?", "Still waiting. {ref}",
        "Adding to my last message: I also emailed, no reply.", "Anyone?",
    ]
    static let followUpsSpanish = [
        "Sigo sin respuesta.", "¿Hola? Ya van {minutes} minutos.", "¿Alguna novedad sobre mi mensaje?",
        "¿Alguien lee esto?",
    ]

    /// What a follow-up repeats of the complaint it follows.
    static func recaps(_ segment: SampleSegment) -> [String] {
        switch segment {
        case .lateDelivery: ["Order {order} is still not here.", "Tracking still hasn't moved.", "Still no parcel."]
        case .returns:
            ["Still no refund.", "Still no refund for the {product}.", "The return still shows as not received."]
        case .warranty:
            ["The {product} is still broken.", "Still no word on the repair.", "I need a working {product}."]
        case .billing:
            ["Still being charged for nothing.", "That's {amount} I want back.", "Check my account, please."]
        case .lostBaggage: ["My bag is still missing.", "Still no suitcase, day {days}.", "Where is my luggage?"]
        case .delay: ["Still stuck at the gate.", "Now {hours} hours late.", "Still no information in {city}."]
        case .cancellation: ["Still no new flight.", "Still stuck in {city}.", "Booking {ref}."]
        case .outage: ["Still no connection in {city}.", "Still down.", "Day {days} without internet."]
        case .rudeStaff: ["Still waiting for an apology.", "I expect someone to call me.", "Not acceptable."]
        }
    }
    static let questionRecaps = [
        "Just need a quick answer.", "It's about booking {ref}.", "I need to know before {weekday}.",
        "Simple question really.",
    ]
    static let recapsSpanish = [
        "Pedido {order}.", "Sigo esperando desde el {weekday}.", "Referencia {ref}.", "Necesito una respuesta.",
    ]

    // MARK: Compliments

    static let airlineCompliments = [
        "huge thanks to the crew on flight {flight} to {city}, they looked after my {relative} the whole way",
        "landed early and my bag was first on the belt, well done",
        "the gate agent in {city} rebooked me in two minutes, brilliant service",
        "shout out to {staff} at the check-in desk, so kind and patient with us",
        "best flight I've had in years, comfy seats and the crew were lovely",
    ]
    static let airlineComplimentsSpanish = [
        "la tripulación del vuelo {flight} fue encantadora, gracias",
        "muchas gracias al equipo de {brand} en {city}, todo perfecto",
    ]
    static let shopCompliments = [
        "my order arrived a day early and beautifully packed, thank you",
        "returned the {product} and had my refund in two days, impressed",
        "{staff} on live chat sorted out my order in minutes, what a star",
        "love the {product}, great quality and a great price",
        "thank you for the handwritten note in my parcel, made my day",
    ]
    static let shopComplimentsSpanish = [
        "el pedido llegó antes de lo previsto, ¡gracias!",
        "me encanta {product}, muy buena calidad",
    ]
    static let telecomCompliments = [
        "the new fibre is flying, {speed} Mbps and not a single drop",
        "thanks to the engineer who came out on {weekday}, super friendly and quick",
        "switched to {brand} last month and the signal is so much better",
        "{staff} in the store set up my new {product} in ten minutes, thank you",
    ]
    static let telecomComplimentsSpanish = [
        "gracias a {staff} de la tienda, me configuró {product} en diez minutos",
        "desde que me cambié a {brand} la cobertura es mucho mejor, gracias",
    ]

    static let complimentExtras = [
        "", "", "", "You've got a customer for life.", "Will be back.", "Keep it up.", "Ten out of ten.",
        "Really appreciated.", "Didn't expect that.",
    ]
    static let complimentExtrasSpanish = ["", "", "Volveré.", "Así da gusto.", "Muy contentos."]
    static let complimentEndings = ["", "", "!", " 😍", " 🙌", " 👏", " #happycustomer", " Thanks!", " Cheers"]
    static let complimentEndingsSpanish = ["", "!", " 😍", " 🙌", " Gracias!"]

    // MARK: Questions

    static let airlineQuestions = [
        "how much is it to add a bag to booking {ref}?",
        "can I add a {product} to booking {ref} after check-in?",
        "does flight {flight} have wifi?",
        "what time does check-in close for flights from {city}?",
        "can I change the name on my ticket?",
        "is there a lounge I can use in {city}?",
    ]
    static let airlineQuestionsSpanish = [
        "¿cuánto cuesta añadir una maleta a la reserva {ref}?",
        "¿a qué hora cierra el check-in en {city}?",
    ]
    static let shopQuestions = [
        "do you ship to {country}?",
        "how do I change the delivery address on order {order}?",
        "can I return something I bought in the sale?",
        "when will the {product} be back in stock?",
        "is there a student discount?",
        "how long does a refund usually take?",
    ]
    static let shopQuestionsSpanish = [
        "¿hacen envíos a {country}?",
        "¿cómo cambio la dirección de entrega del pedido {order}?",
        "¿cuándo vuelve a estar disponible {product}?",
    ]
    static let telecomQuestions = [
        "is there an outage in {city} right now?",
        "how do I unlock my phone to use it abroad?",
        "can I keep my number if I switch to {brand}?",
        "when does my contract end?",
        "what's the best plan for someone who travels a lot?",
    ]
    static let telecomQuestionsSpanish = [
        "¿hay alguna avería en {city} ahora mismo?",
        "¿puedo mantener mi número si me cambio a {brand}?",
    ]

    static let questionOpeners = ["", "", "", "Hi, ", "Quick question: ", "Hello! ", "Hey {brand}, "]
    static let questionOpenersSpanish = ["", "", "Hola, ", "Una pregunta: "]
    static let questionEndings = ["", "", " Thanks!", " thx", " Cheers.", " 🙏"]
    static let questionEndingsSpanish = ["", " Gracias.", " 🙏"]

    // MARK: Neither

    static let neutral = [
        "saw the new {brand} ad during the match last night",
        "trying {brand} for the first time this week",
        "{brand} is sponsoring the marathon in {city} this year",
        "booked with {brand} for the summer, we'll see",
        "my {relative} works for {brand}, small world",
        "reading about the new {brand} plans in the paper",
    ]
    static let neutralTails = [
        "", "", "", ". We'll see how it goes.", ". Not bad.", " 👀", ". Interesting.", ". Fingers crossed.", " 🤷",
    ]
    static let neutralTailsSpanish = ["", "", ". Ya veremos.", " 👀"]
    static let neutralSpanish = [
        "hoy vi el anuncio nuevo de {brand}",
        "primera vez que pruebo {brand}",
    ]

    // MARK: Slot values

    static let cities = [
        "Lisbon", "Dublin", "Madrid", "Chicago", "Denver", "Manchester", "Toronto", "Sevilla", "Boston",
        "Glasgow", "Valencia", "Austin", "Porto", "Leeds", "Seattle",
    ]
    static let countries = ["Canada", "Ireland", "Mexico", "Portugal", "Australia", "Chile", "Norway"]
    static let countriesSpanish = ["Canadá", "Irlanda", "México", "Portugal", "Chile", "Argentina"]
    static let relatives = ["mum", "dad", "wife", "husband", "son", "daughter", "grandmother", "partner"]
    static let relativesSpanish = ["madre", "padre", "mujer", "marido", "hijo", "hija", "abuela"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let weekdaysSpanish = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
    static let months = ["January", "March", "April", "June", "August", "October", "November"]
    static let monthsSpanish = ["enero", "marzo", "abril", "junio", "agosto", "octubre", "noviembre"]

    /// Family names for display names, written for the project.
    static let surnames = [
        "Smith", "Murphy", "Garcia", "Patel", "Nguyen", "Okafor", "Kowalski", "Rossi", "Brown", "Kelly",
        "Martin", "Walsh", "Lopez", "Fernández", "Johnson", "Costa", "Novak", "Khan", "Silva", "O'Brien",
        "Taylor", "Moreno", "Evans", "Schmidt", "Reyes", "Hughes", "Li", "Ruiz", "Byrne", "Wilson",
    ]
    /// What people who do not show their name call their accounts.
    static let nicknames = [
        "deal hunter", "Coffee Addict", "the travelling teacher", "night owl", "Gamer Dad", "bookworm",
        "city cyclist", "runner girl", "Tech Tinkerer",
    ]
    static let nameDecorations = ["", "", "", "", "", " ✈️", " 🌸", " ☕", " ⚽", " 🏃", " | runner", " (she/her)"]
}
