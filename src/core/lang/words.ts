/**
 * Very frequent words per language (ISO 639-1): function words, forms of the commonest verbs,
 * greetings, and the vocabulary of a shop's support chat. Trigram models are weak on one to
 * three words; a hit in these lists is cheap, strong evidence. Words shared by several
 * languages ("a", "de", "in") are listed in each: they then favour that group over the others.
 * Written from general knowledge of each language, not derived from any benchmark data.
 *
 * Tokens are lower case with accents. An elided form keeps its apostrophe on the side where it
 * was cut: French "l'", "qu'", Italian "dell'", English "'t", "'s" (see `tokenize` in `text.ts`,
 * which also reads these lists, so "don't" here is "don'" and "'t").
 */
export const FrequentWords: Readonly<Record<string, string>> = {
  en: `the be to of and a in that have i it for not on with he as you do at this but his by from
    they we say her she or an will my one all would there their what so up out if about who get
    which go me when make can like time no just him know take people into year your good some
    could them see other than then now look only come its over think also back after use two how
    our work first well way even new want because any these give day most us is are was were been
    being has had did does doing done said says going went gone got made knew thought took 'm 's
    're 'll 've 'd 't don' can' won' isn' doesn' didn' wasn' aren' haven' couldn' wouldn' i' it'
    that' what' let' there' hello hi hey thanks thank please yes yeah okay sorry help where why
    much many very really still order orders delivery shipping shipped refund return returns
    payment pay paid card account password price size item items package parcel tracking track
    arrive arrived received receive email address change cancel buy bought store shop today
    tomorrow yesterday week days should may might must here never always something nothing
    anything everything someone anyone money free cost long again more less too same before while
    through down off tell ask need needs needed find found put keep feel try tried leave call
    called talk speak person human agent problem question answer wrong broken damaged late yet
    already soon those every each own last next great little big old right left home house
    man woman child friend thing things life world car school mother father book went came told
    asked wanted looked seemed used felt became isn't he's she's i'm it's don't can't doesn't
    didn't won't i've i'll you're we're they're`,
  es: `de la que el en y a los se del las un por con no una su para es al lo como más pero sus le
    ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde
    todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué
    unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar
    estas algunas algo nosotros mi mis tú te ti tu tus ellas vosotros os mío mía tuyo suyo
    nuestro nuestra vuestro esos esas estoy estás está estamos están esté estaba estuve fue soy
    eres somos son era eran sido ser he has ha hemos han había tengo tiene tienes tenemos tienen
    tenía tener hacer hago hace hizo hecho puedo puede puedes pueden poder quiero quiere quieres
    querer voy va vamos van ir dice dijo decir sé sabe saber ver veo creo hola gracias buenos
    buenas días tardes noches adiós favor vale bueno bien mal cómo dónde cuándo cuánto cuánta
    cuántos cuál pedido pedidos envío envíos entrega devolución reembolso pago pagar tarjeta
    cuenta contraseña precio talla paquete seguimiento llegó llega recibido recibí correo
    dirección cambiar cancelar comprar compré tienda hoy mañana ayer semana necesito ayuda
    problema persona hablar gente aquí allí ahora siempre nunca todavía aún vez solo sólo
    muchas usted ustedes señor cosa cosas tiempo año años día casa hombre mujer niño niños
    después luego entonces así nuevo grande pequeño mejor quisiera podría debería tenga haga
    hablo habla llama llamo vive casi cada mismo misma tan dos tres nadie ninguno padre madre
    hijo amigo libro agua trabajo ciudad país dinero coche ayúdame quería estaban pasa tarde
    mucha demasiado aquel aquella`,
  it: `il di che è e la per un in non una sono mi ho lo ha le si ma cosa con da se ti io del
    questo della al ci come mio mia hai bene sei qui no era tu lui dei gli alla più ne anche
    molto sì fare quando me solo tutto suo sua ora lei niente essere fatto sta so dove perché chi
    tutti grazie ciao buongiorno buonasera salve prego allora già ancora oggi domani ieri adesso
    poi sempre mai dopo prima dire detto andare vado va siamo siete hanno abbiamo avete avere
    voglio vuole vuoi vorrei posso può puoi possiamo devo deve fa faccio questa quello quella
    questi quelle loro nostro nostra vostro miei tuoi degli delle dello nel nella nei negli sul
    sulla sui dal dalla dai col uno un' l' dell' all' nell' sull' dall' c' dov' po' ordine ordini
    spedizione consegna reso rimborso pagamento pagare carta conto prezzo taglia pacco
    tracciamento arrivato arrivata ricevuto indirizzo cambiare annullare comprare acquistato
    negozio settimana giorni aiuto problema persona parlare operatore gente tempo anno anni
    giorno casa uomo donna bambino cose volta grande piccolo nuovo meglio tanto troppo poco ecco
    però quindi invece oppure né neanche nemmeno sto stai stava stato stata erano fosse sarà
    sarebbe avevo aveva avuto dovrei potrei qualcosa nessuno ogni proprio vero padre madre figlio
    amico libro acqua lavoro città paese soldi macchina parla chiama vive quasi stesso due tre
    molti molta molte tuo tua ai agli alle allo dalle dagli sugli sulle gli ed ad cui ciò voi
    noi sapere vedere credo penso fatto detto capito scusa scusi arrivederci`,
  ru: `и в не на я что он с а как это по но к у из за то же вы так все она бы мы от мне было
    его вот меня еще ещё нет о ты ну да когда даже уже для вам или если чтобы там сказал был была
    были будет быть может есть только тебя себя их очень вас кто где почему зачем какой какая
    какие сколько мой моя мои твой ваш наш этот эта эти тот та те здесь сейчас сегодня завтра
    вчера потом теперь всегда никогда тоже также хочу хотите хотел могу можно нужно надо должен
    знаю знать думаю сделать делать говорить сказать привет здравствуйте спасибо пожалуйста
    свидания извините хорошо ладно заказ заказа доставка доставку возврат оплата оплатить карта
    аккаунт пароль цена размер посылка отслеживание пришел пришёл получил почта адрес изменить
    отменить купить магазин неделя дни помощь проблема человек человеком оператор время год день
    дом много мало больше меньше один два три`,
  de: `der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es
    an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum
    war haben nur oder aber vor zur bis mehr durch man sein wurde sei ich du wir ihr mein meine
    dein deine ihre unser euer mich mir dich dir uns euch ihm ihn kann kannst können könnte muss
    musst müssen will willst wollen möchte soll sollte darf habe hast hatte hatten bin bist seid
    waren gewesen wo wann warum wieso wer was welche welcher viel viele ja nein kein keine keinen
    doch schon immer nie jetzt heute morgen gestern hier dort da dann denn weil wenn ob also sehr
    gut danke bitte hallo guten tag abend tschüss entschuldigung bestellung lieferung versand
    rücksendung rückerstattung zahlung bezahlen karte konto passwort preis größe paket
    sendungsverfolgung angekommen erhalten adresse ändern stornieren kaufen gekauft laden woche
    tage hilfe problem mensch person sprechen mitarbeiter etwas nichts alles alle jeder zeit jahr
    jahre haus mann frau kind geht gehen ging gemacht machen mache macht gibt geben sagen sagte
    weiß wissen glaube sehen ganz gerne lieber zusammen wieder ohne gegen unter zwischen neben
    diese dieser dieses meinen meinem seine seinen ihren ihrem einen vater mutter freund buch
    wasser arbeit stadt land geld auto heißt wohnt fast jeden selbst zwei drei niemand sollen
    wurden würde würden mehr groß klein neu alt schön`,
  fr: `de la le et les des en un une du est que qui dans à au aux pour pas il elle ne sur se ce
    cette ces son sa ses plus par avec je tu nous vous ils elles on me te moi toi lui leur leurs
    mon ma mes ton ta tes notre votre nos vos y a ai as avons avez ont avait été être suis es
    sommes êtes sont était étaient fait faire fais peux peut pouvons pouvez peuvent veux veut
    voulons voulez veulent voudrais dois doit devons devez vais va allons allez vont aller dit
    dire sais sait savoir vois voir crois mais ou où donc ni car comme quand comment pourquoi
    combien quoi quel quelle quels quelles si oui non très bien bon bonne bonjour bonsoir salut
    merci plaît stp svp revoir désolé désolée pardon aujourd demain hier maintenant toujours
    jamais encore déjà aussi ici là tout tous toute toutes rien quelque chose personne commande
    commandes livraison expédition retour remboursement paiement payer carte compte mot passe
    prix taille colis suivi arrivé reçu adresse changer modifier annuler acheter acheté magasin
    boutique semaine jours aide problème parler conseiller temps année ans jour maison homme
    femme enfant chez sans sous entre après avant depuis pendant vers contre l' d' j' c' qu' n'
    s' m' t' jusqu' lorsqu' puisqu' père mère fils ami livre eau travail ville pays argent
    voiture appelle habite presque chaque même deux trois beaucoup peu trop avoir pense fois
    cela ça été petit grand nouveau vieux beau`,
  pt: `de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao
    ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela
    entre era depois sem mesmo aos ter seus quem nas me esse eles estão você vocês tinha foram
    essa num nem suas meu às minha têm numa pelos elas havia seja qual será nós lhe deles essas
    esses pelas este fosse dele tu te vos lhes meus minhas teu tua teus tuas nosso nossa nossos
    nossas dela delas esta estes estas aquele aquela aqueles aquelas isto aquilo estou estamos
    estava estive sou somos são fui eram sido tenho temos teve faz fazer fiz posso pode podemos
    podem quero quer queria vou vai vamos vão ir diz disse dizer sei sabe saber vejo ver acho olá
    oi obrigado obrigada bom dia boa tarde noite tchau favor sim tudo bem ótimo onde quanto
    quantos porque quê pedido pedidos entrega envio frete devolução reembolso pagamento pagar
    cartão conta senha preço tamanho pacote encomenda rastreamento chegou recebi endereço mudar
    alterar cancelar comprar comprei loja hoje amanhã ontem semana dias ajuda problema pessoa
    falar atendente gente tempo ano anos casa homem mulher criança coisa coisas agora sempre
    nunca ainda aqui ali lá então assim novo grande pequeno melhor pai mãe filho amigo livro água
    trabalho cidade país dinheiro carro chama mora quase cada mesma dois três ninguém nenhum
    muita muitos muitas vez estar gosto gosta precisa preciso`,
  nl: `de het een en van in is dat op te zijn voor met die niet aan er om ook als dan maar bij
    of uit nog wat door naar ze zo hij zij we wij jij je u ik mijn mij me jouw uw ons onze hun
    hen haar hem dit deze daar hier waar wanneer waarom hoe wie welke veel heel erg wel geen
    niets iets alles allemaal al nu vandaag morgen gisteren altijd nooit soms weer steeds heb
    hebt heeft hebben had hadden ben bent was waren geweest wordt worden werd kan kunt kunnen kon
    zou zouden moet moeten mag mogen wil wilt willen ga gaat gaan ging doe doet doen deed gedaan
    zeg zegt zeggen zei weet weten denk denken zie zien komt komen kwam hallo hoi goedemorgen
    goedemiddag dag bedankt dank dankjewel dankuwel alstublieft alsjeblieft graag ja nee oké
    bestelling levering verzending retour terugbetaling betaling betalen kaart wachtwoord prijs
    maat pakket pakketje aangekomen ontvangen adres wijzigen annuleren kopen gekocht winkel week
    dagen hulp probleem mens persoon spreken medewerker tijd jaar huis man vrouw kind omdat want
    dus toch zonder tegen tussen onder over na sinds tot mee even vader moeder zoon vriend boek
    water werk stad land geld auto heet woont bijna elke zelf twee drie niemand hem zich mooi
    groot klein nieuw oud goed beter lang hun wordt zijn`,
}

/**
 * Words that chat uses in every language ("ok", "lol", "haha", "hmm"): they say nothing of the
 * language, so a message made of them keeps the conversation's language.
 */
export const NeutralWords: ReadonlySet<string> = new Set(
  `ok okay okey oki okk k kk lol lmao xd haha hahaha
  ahah ahahah jaja jajaja jeje hehe hihi hmm hm mmm mm uhm um uh eh ah oh ohh aah wow yay ups oops`.split(/\s+/)
)
