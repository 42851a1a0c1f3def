/**
 * The small talk of a chat, per language (ISO 639-1): what visitors write that is no question.
 * Phrases are written as visitors type them; they are matched on normalised words (lower case,
 * accents removed, repeated letters folded), so "Grazie mille!!", "grazie  mille" and
 * "GRAZIEEE mille" are one phrase. Editors add their own in `faq/smalltalk.yaml`.
 *
 * `filler` words may stand beside an act ("thanks so much", "ok then") but never alone.
 */
export type ActName = 'greeting' | 'thanks' | 'goodbye' | 'ack' | 'yes' | 'no'

/** The phrase lists of one language: each act's phrases, and the fillers that may go with them. */
export type PhraseLists = Partial<Record<ActName | 'filler', readonly string[]>>

const list = (text: string): string[] =>
  text
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== '')

export const SmallTalk: Readonly<Record<string, PhraseLists>> = {
  en: {
    greeting: list(`hi|hello|hey|hiya|howdy|good morning|good afternoon|good evening|morning|greetings|yo|
      hi there|hello there|hey there|hi all|hello everyone|hi guys|how are you|how are you doing|hows it going`),
    thanks: list(`thanks|thank you|thx|thanx|ty|tnx|cheers|many thanks|thanks a lot|thank you very much|
      much appreciated|appreciate it|i appreciate it|thanks for your help|thank you for your help|thanks for the help|
      thank you so much|thanks so much|ta|perfect thanks|great thanks|awesome thanks`),
    goodbye: list(`bye|goodbye|bye bye|see you|see ya|cya|have a nice day|have a good day|have a great day|
      good night|take care|later|talk later|thats all|that is all|thats it|that is it|nothing else|all good|
      im done|i am done|no thats all|no that is all|no thanks thats all`),
    ack: list(`ok|okay|k|kk|okey|alright|all right|right|fine|great|good|cool|nice|perfect|awesome|excellent|
      got it|i see|understood|noted|sure|sounds good|makes sense|fair enough|wonderful|lovely|super|brilliant|
      good to know|ok great|ok cool|oh ok|ah ok|oh|ah|wow|yay|lol|hmm|mm`),
    yes: list('yes|yeah|yep|yup|ya|y|it did|it helped|yes it did|yes it helped|indeed|correct|exactly'),
    no: list(`no|nope|nah|n|not really|it did not|it didnt|didnt help|it did not help|not at all|no it did not|
      no it didnt`),
    filler: list(`so|very|much|a|lot|you|again|there|then|all|guys|everyone|team|mate|dear|for|that|just|too|
      really|indeed|oh|ah|well|now`),
  },
  es: {
    greeting: list(`hola|buenas|buenos dias|buenas tardes|buenas noches|saludos|hey|que tal|hola que tal|
      como estas|como esta|holi|holis|hola buenas|hola buenos dias`),
    thanks: list(`gracias|muchas gracias|mil gracias|muchisimas gracias|te lo agradezco|se lo agradezco|
      gracias por tu ayuda|gracias por su ayuda|gracias por la ayuda|genial gracias|perfecto gracias|grax|
      vale gracias|ok gracias`),
    goodbye: list(`adios|chao|chau|hasta luego|hasta pronto|hasta manana|nos vemos|buen dia|que tengas buen dia|
      que tenga buen dia|eso es todo|nada mas|ya esta|es todo`),
    ack: list(`ok|okay|vale|bien|muy bien|genial|perfecto|de acuerdo|entendido|entiendo|claro|estupendo|
      excelente|guay|bueno|listo|ya veo|ah vale|ah ok|oh|ah|vaya|super|fenomenal`),
    yes: list('si|sip|claro que si|si gracias|si me ayudo|me ayudo|si sirvio|sirvio|correcto|exacto'),
    no: list('no|nop|para nada|no me ayudo|no sirvio|no mucho|la verdad que no'),
    filler: list('muy|mucho|mucha|por|todo|todos|y|pues|entonces|ya|de|nuevo|tu|su|ayuda|bueno'),
  },
  it: {
    greeting: list(`ciao|salve|buongiorno|buon giorno|buonasera|buona sera|buon pomeriggio|ehi|hey|ciao a tutti|
      come stai|come sta|come va|ciao come va`),
    thanks: list(`grazie|grazie mille|grazie tante|molte grazie|ti ringrazio|la ringrazio|grazie per l'aiuto|
      grazie dell'aiuto|perfetto grazie|ottimo grazie|ok grazie|thx`),
    goodbye: list(`arrivederci|arrivederla|ciao ciao|a presto|a dopo|alla prossima|buona giornata|buona serata|
      buonanotte|e tutto|è tutto|niente altro|nient'altro|basta cosi|ho finito`),
    ack: list(`ok|okay|va bene|bene|benissimo|perfetto|ottimo|capito|ho capito|d'accordo|certo|chiaro|
      fantastico|grande|bello|ah ok|ah|oh|ok perfetto|top|super|inteso`),
    yes: list('si|sì|certo|si grazie|mi ha aiutato|si mi ha aiutato|esatto|giusto'),
    no: list('no|per niente|non proprio|non mi ha aiutato|no grazie non'),
    filler: list('molto|mille|tante|tanto|di|nuovo|a|tutti|allora|ancora|davvero|per|l|aiuto'),
  },
  ru: {
    greeting: list(`привет|здравствуйте|здравствуй|добрый день|доброе утро|добрый вечер|приветствую|хай|
      здрасте|всем привет|как дела`),
    thanks: list(`спасибо|большое спасибо|спасибо большое|спс|благодарю|огромное спасибо|спасибо за помощь|
      благодарю за помощь|отлично спасибо|хорошо спасибо|ок спасибо|понятно спасибо`),
    goodbye: list(`пока|до свидания|всего доброго|всего хорошего|до встречи|хорошего дня|удачи|это всё|это все|
      больше ничего|всё|все|на этом всё`),
    ack: list(`ок|окей|ok|хорошо|ладно|понятно|ясно|отлично|супер|класс|здорово|понял|поняла|принято|договорились|
      конечно|ага|угу|ну ладно|а понятно|круто`),
    yes: list('да|ага|да помогло|помогло|да спасибо|верно|точно'),
    no: list('нет|не помогло|нет не помогло|не очень|совсем нет'),
    filler: list('очень|вам|тебе|всем|ещё|еще|так|ну|вот|огромное|большое'),
  },
  de: {
    greeting: list(`hallo|hi|hey|guten tag|guten morgen|guten abend|servus|moin|grüß gott|gruss gott|hallo zusammen|
      wie geht es|wie gehts`),
    thanks: list(`danke|danke schön|dankeschön|vielen dank|danke sehr|besten dank|herzlichen dank|danke für die hilfe|
      super danke|perfekt danke|ok danke|merci`),
    goodbye: list(`tschüss|tschüs|auf wiedersehen|bis bald|bis später|ciao|schönen tag noch|einen schönen tag|
      das wars|das war's|das ist alles|nichts weiter`),
    ack: list(`ok|okay|gut|sehr gut|super|toll|prima|perfekt|alles klar|klar|verstanden|in ordnung|passt|
      genau|aha|ach so|schön|cool`),
    yes: list('ja|jawohl|ja danke|hat geholfen|ja hat geholfen|genau|richtig'),
    no: list('nein|nee|nicht wirklich|hat nicht geholfen|nein hat nicht geholfen'),
    filler: list('sehr|vielmals|nochmal|noch|so|also|dann|ihnen|dir|euch|allen'),
  },
  fr: {
    greeting: list('bonjour|salut|bonsoir|coucou|hello|bonjour a tous|ca va|comment allez vous|comment ca va'),
    thanks: list(`merci|merci beaucoup|merci bien|mille mercis|je vous remercie|merci pour votre aide|
      merci pour l'aide|parfait merci|super merci|ok merci|top merci`),
    goodbye: list(`au revoir|a bientot|a plus|bonne journee|bonne soiree|bonne nuit|c'est tout|rien d'autre|
      ca sera tout|salut`),
    ack: list(`ok|okay|d'accord|dac|bien|tres bien|parfait|super|genial|top|entendu|compris|je vois|ah ok|
      ah d'accord|oh|ah|cool|excellent|nickel`),
    yes: list('oui|ouais|oui merci|ca m a aide|oui ca m a aide|exact|exactement'),
    no: list('non|pas vraiment|ca ne m a pas aide|non merci pas'),
    filler: list('beaucoup|bien|encore|tres|alors|donc|vous|a|tous|pour'),
  },
  pt: {
    greeting: list('ola|oi|bom dia|boa tarde|boa noite|e ai|tudo bem|ola tudo bem|oi tudo bem|saudacoes'),
    thanks: list(`obrigado|obrigada|muito obrigado|muito obrigada|valeu|agradeco|obrigado pela ajuda|
      obrigada pela ajuda|perfeito obrigado|ok obrigado|ok obrigada|brigado|brigada`),
    goodbye: list('tchau|adeus|ate logo|ate mais|ate breve|bom dia para voce|e so isso|so isso|nada mais|e isso'),
    ack: list(`ok|okay|certo|beleza|blz|bom|otimo|perfeito|entendi|entendido|combinado|claro|legal|show|
      tranquilo|ah ok|oh|ah|massa|excelente`),
    yes: list('sim|simm|sim obrigado|ajudou|sim ajudou|exato|isso'),
    no: list('nao|não|nao ajudou|não ajudou|nem um pouco'),
    filler: list('muito|mesmo|de|novo|entao|pela|ajuda|a|todos'),
  },
  nl: {
    greeting: list('hallo|hoi|hey|hi|goedemorgen|goedemiddag|goedenavond|dag|hallo allemaal|hoe gaat het'),
    thanks: list(`dank je|dank u|bedankt|dankjewel|dank je wel|dank u wel|hartelijk dank|heel erg bedankt|
      bedankt voor de hulp|top bedankt|ok bedankt|thanks|merci`),
    goodbye: list(`doei|dag|tot ziens|tot later|tot straks|fijne dag|fijne dag nog|dat was het|dat is alles|
      verder niets`),
    ack: list(`ok|oké|okay|goed|prima|top|perfect|super|helder|duidelijk|begrepen|ik snap het|in orde|
      is goed|mooi|fijn|aha|oh|ah|cool`),
    yes: list('ja|jawel|ja dank je|het hielp|ja het hielp|klopt|precies'),
    no: list('nee|niet echt|het hielp niet|nee het hielp niet'),
    filler: list('heel|erg|wel|nog|zeer|hoor|dan|alvast|allemaal'),
  },
}
