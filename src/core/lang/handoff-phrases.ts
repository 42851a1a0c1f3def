/**
 * How visitors ask for a person, per language (ISO 639-1), as word classes rather than
 * sentences, so that "I'd really like to speak with one of your agents" needs no entry of its
 * own. Terms are separated by `|`; a term may have several words; `*` ends a prefix
 * (`operator*` also matches "operators"). Accents and case do not matter: terms and messages
 * are normalised alike (see `normalizeForMatch` in `triage/handoff.ts`).
 *
 * A request is: a verb of talking or connecting (`talk`) and a person (`strong` or `weak`),
 * with only `gap` words between them; or a verb of wanting (`want`) and a `strong` person; or
 * a `strong` person alone among `fillers` ("Operator!", "agent please"). Where verbs come last
 * (`verbLast`: German, Dutch), the person may also precede the verb. A `negation` just before
 * or inside the request cancels it ("I don't want to talk to a human").
 */
export interface PersonRequestWords {
  talk: string
  want: string
  strong: string
  weak: string
  gap: string
  fillers: string
  negation: string
  verbLast?: boolean
}

export const PersonRequests: Readonly<Record<string, PersonRequestWords>> = {
  en: {
    talk: 'talk*|speak*|chat|chatting|connect*|transfer*|put me through|pass me|hand me over|get me|escalate*',
    want: 'want*|wanna|need*|d like|would like|prefer*|request*|ask for|asking for|give me|reach*|looking for',
    strong: `human|humans|human being|operator|operators|agent|agents|representative*|rep|real person|actual person|
      live person|real people|live agent*|live support|real human|someone real|somebody real|customer service agent*|
      support agent*`,
    weak: `person|people|someone|somebody|anyone|anybody|staff|employee*|customer service|customer support|customer care|
      support team|support|team member*|manager*|supervisor*|advisor*|adviser*|consultant*|specialist*`,
    gap: 'to|with|a|an|the|some|one|of|your|real|live|actual|me|us|please|pls|plz|now|right|away|directly|just|from|immediately|asap',
    fillers: 'hi|hello|hey|is|are|there|any|available|here|ok|okay|yes|thanks|thank|can|i|get|have|may|talk|speak|chat',
    negation: 'not|never|don|dont|doesn|didn|no|without',
  },
  es: {
    talk: `habl*|convers*|comunic*|pasame|pasarme|pasa|pase|paseme|ponme|ponerme|pongame|conect*|transfer*|atienda|
      atiendan|chatear`,
    want: 'quiero|quisiera|queria|necesit*|me gustaria|prefer*|pido|solicit*|busco|dame|deme',
    strong: `humano|humanos|ser humano|operador*|agente|agentes|persona real|persona de verdad|personas reales|asesor*|
      representante*|alguien real|ejecutiv*`,
    weak: `persona|personas|alguien|atencion al cliente|servicio al cliente|soporte|empleado*|encargado*|gerente*|
      responsable*|trabajador*|especialista*|supervisor*`,
    gap: 'con|a|al|un|una|el|la|los|las|algun|alguno|alguna|de|del|real|por|favor|ya|ahora|directamente|me|mi|su|sus|tus|uno',
    fillers:
      'hola|buenas|buenos|dias|tardes|hay|disponible|aqui|porfa|porfavor|ok|vale|si|gracias|puedo|puede|hablar|que|con',
    negation: 'no|nunca|tampoco|sin',
  },
  it: {
    talk: `parl*|passami|passarmi|passi|passa|mettimi in contatto|mettermi in contatto|in contatto|colleg*|trasferi*|
      chattare`,
    want: 'voglio|vorrei|vorremmo|volevo|mi serve|serve|ho bisogno|bisogno|chiedo|preferisco|preferirei|cerco|datemi|dammi|mi dia',
    strong: `operatore|operatrice|operatori|operatrici|umano|umani|essere umano|persona reale|persona vera|persone reali|
      persona in carne e ossa|agente|agenti|consulente*|addett*|assistente umano|rappresentante`,
    weak: `persona|persone|qualcuno|servizio clienti|assistenza clienti|assistenza|supporto|dipendente*|responsabile*|
      impiegat*|specialista|tecnico`,
    gap: `con|a|ad|un|una|uno|il|lo|la|l|gli|i|le|al|allo|alla|all|col|qualche|vero|vera|reale|per|favore|subito|ora|
      adesso|direttamente|mi|vostro|vostra|vostri|suo|di|del|della|dei|degli|delle`,
    fillers:
      'ciao|salve|buongiorno|buonasera|c|e|ce|ci|sono|disponibile|qui|grazie|ok|si|cortesia|gentilmente|posso|puo|parlare|cui',
    negation: 'non|mai|senza|ne',
  },
  ru: {
    talk: `поговор*|говор*|связ*|соедин*|перевед*|переключ*|позов*|позва*|пообщ*|общ*|дайте|дай|подключ*|передай*|
      пригласите`,
    want: 'хочу|хотел*|хотим|нужен|нужна|нужно|надо|прошу|требую|жду',
    strong: `оператор*|менеджер*|консультант*|специалист*|сотрудник*|агент*|жив* человек*|реальн* человек*|
      настоящ* человек*`,
    weak: `человек*|кто нибудь|кем нибудь|кто то|кем то|поддержк*|служб* поддержк*|администратор*|представител*|
      работник*|служащ*`,
    gap: `с|со|на|к|ко|мне|меня|нам|нас|пожалуйста|срочно|сейчас|живым|живой|живого|реальным|настоящим|вашим|вашего|
      вашему|ваш|одним|из|ваших|вашей`,
    fillers: 'привет|здравствуйте|добрый|день|вечер|утро|есть|ли|тут|здесь|свободный|спасибо|ок|можно|поговорить|с|кем',
    negation: 'не|нет|без|ни',
  },
  de: {
    talk: 'sprech*|rede|reden|verbind*|weiterleit*|weitergeleitet|durchstell*|chatten',
    want: 'will|wollen|mochte|mochten|brauch*|hatte gern|hatte gerne|wunsch*|verlang*|suche',
    strong: `mitarbeiter*|mensch|menschen|echte person|echten person|echter person|echter mensch|echten menschen|
      echtem menschen|berater*|agent*|operator*|ansprechpartner*|sachbearbeiter*|kundenberater*|servicemitarbeiter*|
      kundenbetreuer*`,
    weak: 'person|jemand*|kundenservice|kundendienst|support|service|kollege*|zustandig*|chef|vorgesetzt*',
    gap: `mit|einem|einer|einen|ein|eine|dem|der|den|die|das|echten|echter|echtem|bitte|jetzt|sofort|gerne|gern|direkt|
      mal|kurz|ihrem|ihrer|ihren|eurem|zu|mich|mir|uns|sie|an|zum|zur`,
    fillers: 'hallo|guten|tag|hi|gibt|es|ist|da|verfugbar|danke|ok|ja|kann|ich|einen',
    negation: 'nicht|kein*|nie|niemals|ohne',
    verbLast: true,
  },
  fr: {
    talk: `parl*|discut*|mettre en relation|mettez moi en relation|en relation|transfer*|passez moi|passer|joindre|
      chatter|echanger`,
    want: 'veux|voudrais|voudrions|voulons|souhait*|besoin|aimerais|demande|exige',
    strong: `conseill*|humain|humains|etre humain|vraie personne|vrai humain|personne reelle|personne physique|
      operateur*|operatrice*|agent|agents|interlocut*|teleconseill*`,
    weak: `personne|quelqu un|service client|service clientele|support|assistance|employe*|responsable*|collaborat*|
      technicien*|vendeur*`,
    gap: `a|au|avec|un|une|le|la|l|les|d|de|du|des|vrai|vraie|reel|reelle|svp|stp|s|il|vous|plait|maintenant|
      directement|me|moi|votre|vos`,
    fillers: 'bonjour|bonsoir|salut|y|t|disponible|ici|merci|ok|oui|est|ce|que|puis|je|parler|qui|a',
    negation: 'ne|pas|jamais|sans|n',
  },
  pt: {
    talk: `falar|fala|falo|falei|falando|falem|conversar|converso|transfer*|transfira|passa|passe|passar|conect*|chame|
      chamar|coloque|atenda|chat`,
    want: 'quero|queria|gostaria|preciso|precisava|prefiro|peco|solicito|procuro|me de|me da',
    strong: `atendente*|humano|humanos|ser humano|operador*|agente|agentes|pessoa real|pessoa de verdade|consultor*|
      representante*|alguem real`,
    weak: 'pessoa|pessoas|alguem|atendimento|suporte|funcionari*|responsavel|gerente*|especialista*|tecnico*|vendedor*',
    gap: 'com|a|o|um|uma|ao|os|as|algum|alguma|de|do|da|real|por|favor|agora|ja|diretamente|me|seu|sua|seus|para|pra',
    fillers: 'ola|oi|bom|dia|boa|tarde|noite|tem|ha|disponivel|aqui|obrigado|obrigada|ok|sim|posso|pode|falar|que|com',
    negation: 'nao|nunca|sem|nem',
  },
  nl: {
    talk: 'spreek|spreken|sprak|praten|praat|doorverbind*|verbind*|doorverbonden|chatten|in contact',
    want: 'wil|wilt|willen|zou|graag|wens|moet|moeten|zoek|vraag',
    strong: `medewerker*|mens|echte persoon|echt persoon|echt mens|echte mens|operator*|agent*|adviseur*|
      klantenservicemedewerker*|servicemedewerker*`,
    weak: 'persoon|iemand|klantenservice|klantendienst|support|helpdesk|collega*|verantwoordelijke',
    gap: 'met|een|de|het|echte|echt|alstublieft|alsjeblieft|aub|graag|nu|even|direct|meteen|u|jullie|uw|van|bij|naar|mij|me',
    fillers: 'hallo|hoi|goedemorgen|goedemiddag|dag|is|er|beschikbaar|hier|bedankt|dank|ok|ja|kan|ik',
    negation: 'niet|geen|nooit|zonder',
    verbLast: true,
  },
}
