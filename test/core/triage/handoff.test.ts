import t from 'tap'
import { createHandoffDetector, normalizeForMatch } from '../../../src/core/triage/handoff.js'

const handoff = createHandoffDetector()

const requests: Record<string, string[]> = {
  en: [
    'talk to a human',
    'I want to speak to a real person',
    'agent please',
    'Operator!!',
    'Can I get a human?',
    'Is there a real person I can talk to?',
    'connect me to a live agent',
    "I'd like to talk to one of your agents",
    'I need to speak with customer service',
    'HUMAN PLEASE',
  ],
  es: [
    'quiero hablar con una persona',
    '¿Pásame con un agente?',
    'hablar con un humano',
    'No funciona, quiero hablar con un agente',
    'necesito un operador',
    'Quisiera hablar con alguien de atención al cliente',
  ],
  it: [
    'vorrei parlare con un operatore',
    'operatore',
    'un operatore per favore',
    'mettimi in contatto con un operatore',
    'Posso parlare con qualcuno?',
    'Dammi un operatore umano!',
  ],
  ru: [
    'позовите оператора',
    'хочу поговорить с человеком',
    'оператор',
    'Оператора, пожалуйста',
    'Переключите на живого человека',
    'Соедините со специалистом',
  ],
  de: [
    'Ich möchte mit einem Mitarbeiter sprechen',
    'Mitarbeiter bitte',
    'Kann ich mit jemandem vom Kundenservice sprechen?',
    'Verbinden Sie mich mit einem Berater',
  ],
  fr: [
    'Je voudrais parler à un conseiller',
    'un conseiller svp',
    "Je veux parler à quelqu'un",
    'Mettez-moi en relation avec un conseiller',
  ],
  pt: [
    'quero falar com um atendente',
    'atendente por favor',
    'Me passa para um atendente humano',
    'Preciso falar com alguém',
  ],
  nl: ['Kan ik een medewerker spreken?', 'medewerker spreken', 'Ik wil iemand spreken', 'Graag een medewerker'],
}

for (const [lang, texts] of Object.entries(requests)) {
  t.test(`requests for a person in ${lang} are recognised`, async (t) => {
    for (const text of texts) t.equal(handoff.detect(text)?.lang, lang, text)
  })
}

t.test('a request is recognised in any language, whatever the conversation language', async (t) => {
  t.same(handoff.detect('talk to a human please', 'es'), { lang: 'en', phrase: 'talk to a human' })
  t.same(handoff.detect('Хочу поговорить с оператором', 'it'), { lang: 'ru', phrase: 'хочу поговорить с оператором' })
})

t.test('the conversation language is tried first when several match', async (t) => {
  t.equal(handoff.detect('operatore', 'it')?.lang, 'it')
  t.equal(handoff.detect('agente', 'es')?.lang, 'es')
  t.equal(handoff.detect('agente', 'pt')?.lang, 'pt')
})

t.test('ordinary FAQ questions that mention people are not requests', async (t) => {
  const questions = [
    'How do I become a shop operator partner?',
    'Does the agent speak Spanish?',
    'Do your agents speak Italian?',
    'What is the phone number of customer service?',
    'Who can I talk to about returns?',
    'How many operators do you have?',
    'Is the operator available on Sundays?',
    'Which shipping operator do you use?',
    'I need the tour operator number',
    'Can the delivery person leave it with a neighbour?',
    'Can I change the person who receives the package?',
    'Is this safe for human consumption?',
    'Are you a human?',
    'Quiero hablar sobre mi pedido',
    '¿Cuánto cuesta el envío a Canarias?',
    'Mi serve una persona per ritirare il pacco?',
    'Parlate inglese?',
    'Сколько человек работает в поддержке?',
    'хочу заказать стол на 5 человек',
    "Le conseiller m'a dit que le colis arrive demain",
    'Je veux parler de mon opération',
    'O atendente disse que o reembolso foi feito',
    'De medewerker zei dat het pakket morgen komt',
    'Wie lange dauert der Versand?',
  ]
  for (const text of questions) t.equal(handoff.detect(text), undefined, text)
})

t.test('a negated request is not a request', async (t) => {
  for (const text of [
    "I don't want to talk to a human",
    'No quiero hablar con un humano',
    'Non voglio parlare con un operatore',
    'Ich will nicht mit einem Menschen sprechen',
    'Я не хочу говорить с оператором',
    'Je ne veux pas parler à un conseiller',
  ]) {
    t.equal(handoff.detect(text), undefined, text)
  }
})

t.test('a refusal of the bot followed by a request is a request', async (t) => {
  t.equal(handoff.detect("I don't want a bot, I want a human")?.phrase, 'want a human')
})

t.test('case, accents and punctuation do not matter', async (t) => {
  t.equal(handoff.detect('PASAME CON UN AGENTE')?.lang, 'es')
  t.equal(handoff.detect('pasame con un agente')?.lang, 'es')
  t.equal(handoff.detect('...operatore???')?.lang, 'it')
  t.equal(handoff.detect('Je voudrais parler a un conseiller')?.lang, 'fr')
})

t.test('extra phrases are matched as whole words, with * as a prefix', async (t) => {
  const custom = createHandoffDetector({ extra: { en: ['sales team'], es: ['ventas*'], sv: ['prata med någon'] } })
  t.same(custom.detect('Can the sales team call me?'), { lang: 'en', phrase: 'sales team' })
  t.same(custom.detect('Departamento de ventas'), { lang: 'es', phrase: 'ventas' })
  t.same(custom.detect('Kan jag prata med någon?'), { lang: 'sv', phrase: 'prata med nagon' })
  t.equal(custom.detect('wholesales team'), undefined)
})

t.test('messages are normalised to words without accents and punctuation tokens', async (t) => {
  t.same(normalizeForMatch("¿Pásame con un agente? Don't wait!"), [
    '¿',
    'pasame',
    'con',
    'un',
    'agente',
    '?',
    'do',
    'not',
    'wait',
    '!',
  ])
})

t.test('pathological input is read without trouble', async (t) => {
  const inputs = [
    'talk to a '.repeat(1_000),
    'a'.repeat(10_000),
    'operator '.repeat(1_200),
    'not talk to a human '.repeat(500),
    'mit einem '.repeat(1_000) + 'sprechen',
    '!'.repeat(10_000),
    "'".repeat(10_000),
    'хочу поговорить с '.repeat(600),
    'talk about human '.repeat(600),
  ]
  for (const text of inputs) t.doesNotThrow(() => handoff.detect(text))
})
