/**
 * Everyday content words per language (ISO 639-1): the commonest verbs in their commonest
 * forms, adjectives, nouns and adverbs, roughly the same concepts in every language so that
 * no list is favoured by its size. They complement `FrequentWords` (function words and
 * support vocabulary): chat messages of two or three words are often made of these.
 * Written from general knowledge of each language, not derived from any benchmark data.
 */
export const EverydayWords: Readonly<Record<string, string>> = {
  en: `ask asked become became begin began believe bring brought build buy call came carry catch
    caught close cut decide die drink drank drive eat ate eaten enjoy explain fall fell fight
    forget forgot forgotten grow happen happened hear heard hold hope kill knew laugh learn let
    lie listen live lived lose love loved meet met move open play played promise read remember
    run said saw seen sell send sent show sing sit sleep slept spend stand start started stay
    stop study swim teach tell think travel turn understand wait walk watch wear win worry write
    wrote written able afraid alone angry bad beautiful best better busy cheap clean clear cold
    dark dead different difficult easy empty expensive fast fine full funny happy hard heavy high
    hot hungry important interesting kind large lazy light lucky nice poor possible pretty quick
    quiet ready rich sad safe short sick slow small smart strong sure tall tired true ugly warm
    weak wet wise young breakfast dinner lunch door window room bed table food job night morning
    evening hour minute month word name idea story dog cat train bus plane city country town
    street road tree river sea letter phone computer game music song movie film party teacher
    student doctor brother sister son daughter husband wife parents family boy girl baby
    everybody somebody nobody everyone almost anymore enough ever often perhaps probably quite
    rather sometimes together tonight usually myself yourself himself herself themselves whose
    mine yours hers ours theirs seems seemed looks likes loves knows thinks wants goes says
    makes takes comes gets lives works plays speaks wrote reading writing eating drinking
    working playing waiting looking talking trying doing coming living hand head eyes face heart
    water weather rain snow summer winter english french german language languages minutes
    let's wish lost until ran gave kept children few months sitting friends spanish proud
    whatever possibly until since though although unless whether else instead maybe yes sir
    miss mrs mr told thank thanks sure fine cannot couldn shouldn weren hasn hadn mustn
    monday tuesday wednesday thursday friday saturday sunday holiday died dying killed bought sold
    began begun broke broken chose spoke spoken drove driven flew grew knew paid met ran rang
    sang sat stood stole swam threw understood woke won wore yesterday gets getting better worse
    worst least last lately nearly almost really actually especially suddenly finally quickly
    slowly easily exactly simply certainly definitely anyway anymore around behind below beside
    beyond inside outside toward towards upon within without across against along among
    am four five six seven eight nine ten hundred thousand red blue green white black yellow
    liked married opened watched watching laughed smiled showed kissed missed talked helped
    asked answered arrived finished walked worked tried stayed began begins school class classes
    bag shoes shirt clothes kitchen garden window office hospital church shop store teacher police
    question answer reason problem mistake fact truth news story friends children men women`,
  es: `preguntar preguntó llegar llegué creer traer trajo construir llamar llamó llevar coger
    cerrar cortar decidir morir murió beber bebió conducir comer comió comido disfrutar explicar
    caer cayó luchar olvidar olvidé olvidado crecer pasar pasó oír oyó escuchar tener reír
    aprender dejar dejó mentir vivir vivo vivía perder perdí amar amo quiero conocer conocí
    mover abrir abrió jugar jugó prometer leer leí recordar correr dijo vio visto vender enviar
    mostrar cantar sentarse dormir durmió gastar empezar empezó quedarse parar estudiar nadar
    enseñar contar pensar pienso viajar volver entender entiendo esperar caminar mirar llevar
    ganar preocuparse escribir escribió escrito capaz miedo solo enfadado malo mala hermoso
    hermosa mejor ocupado barato limpio claro frío oscuro muerto diferente difícil fácil vacío
    caro rápido lleno gracioso feliz duro pesado alto caliente hambre importante interesante
    amable largo perezoso ligero suerte simpático pobre posible bonito bonita tranquilo listo
    rico triste seguro corto enfermo lento pequeña inteligente fuerte cansado cansada verdad
    feo débil mojado joven desayuno cena almuerzo puerta ventana habitación cama mesa comida
    noche mañana hora minuto mes palabra nombre idea historia perro gato tren autobús avión
    calle camino árbol río mar carta teléfono ordenador juego música canción película fiesta
    profesor estudiante médico hermano hermana hija marido esposa padres familia chico chica
    bebé todo el mundo alguien siempre nunca casi bastante jamás menudo quizás probablemente
    bastante juntos esta noche normalmente mismo ti sí mío tuyo suyo parece parecía gusta
    gustan sabe piensa va dice hace toma viene vive trabaja juega habla escribiendo leyendo
    comiendo bebiendo trabajando jugando esperando mirando hablando intentando haciendo
    viniendo viviendo mano cabeza ojos cara corazón agua tiempo lluvia nieve verano invierno
    inglés francés alemán español idioma idiomas minutos estaba iba había hubo sería fuera
    lunes martes miércoles jueves viernes sábado domingo comenzó pensé sabes amigos ojalá buen
    venir escuela quedamos sentado hacerlo hablas policía estudio pedí calor di daré cierto vas
    ningún ninguna libre ven veremos estaré podríamos tomó dio duda libros meses vi fui fuimos
    fueron hice hiciste hicimos tuve tuvo tuvimos pude pudo quise quiso supe vine vino dijiste
    dijimos estuvo estuvimos estás sabía sabías quería querías tenía tenías podía podías debe
    debes debo deben necesita necesitas necesitamos dame dime hazlo ponte vete siéntate
    cállate mírame déjame dígame perdón perdone disculpe claro seguro quizá tal vez además sino
    aunque mientras según hacia bajo tras cerca lejos dentro fuera encima debajo delante detrás
    eres estoy voy vas vamos iba íbamos iban será serán sería serían habrá habría gustaría
    conmigo contigo consigo nuestros nuestras vuestra vuestros suyos suyas cuyo hablé comí
    viví llamé llegué busqué encontré perdí gané
    cuatro cinco seis siete ocho nueve diez cien mil rojo azul verde blanco negro amarillo
    vives vivimos amas hablado busco encantaría ahí llámame sabido amiga amigos orgulloso siguió
    escuchado solía hubiera estuviera tratar cantando posiblemente apenas único única lengua
    clase clases ropa zapatos cocina jardín oficina hospital iglesia policía pregunta respuesta
    razón error verdad noticia hombres mujeres niña hijos`,
  it: `chiedere chiesto diventare diventato iniziare credere portare portato costruire
    chiamare chiamato prendere preso chiudere tagliare decidere morire morto bere bevuto guidare
    mangiare mangiato godere spiegare cadere caduto combattere dimenticare dimenticato crescere
    succedere successo sentire sentito tenere sperare uccidere ridere imparare lasciare mentire
    vivere vissuto perdere perso amare conoscere conosciuto muovere aprire aperto giocare
    giocato promettere leggere letto ricordare correre disse visto vendere mandare mostrare
    cantare sedersi dormire spendere stare cominciare restare fermare studiare nuotare insegnare
    raccontare pensare viaggiare tornare capire aspettare camminare guardare vincere
    preoccuparsi scrivere scritto scrisse capace paura solo arrabbiato cattivo bello bella
    migliore occupato economico pulito chiaro freddo buio diverso difficile facile vuoto caro
    veloce pieno divertente felice duro pesante alto caldo fame importante interessante gentile
    lungo pigro leggero fortunato simpatico povero possibile carino tranquillo pronto ricco
    triste sicuro corto malato lento piccola intelligente forte stanco stanca vero brutto debole
    bagnato giovane colazione cena pranzo porta finestra camera letto tavolo cibo notte mattina
    sera ora minuto mese parola nome idea storia cane gatto treno autobus aereo strada albero
    fiume mare lettera telefono computer gioco musica canzone film festa insegnante studente
    medico fratello sorella figlia marito moglie genitori famiglia ragazzo ragazza bambina
    qualcuno ognuno quasi abbastanza spesso forse probabilmente piuttosto talvolta insieme
    stasera solitamente stesso sembra sembrava piace piacciono pensa dice prende viene lavora
    gioca scrivendo leggendo mangiando bevendo lavorando giocando aspettando guardando parlando
    cercando facendo venendo vivendo mano testa occhi faccia cuore pioggia neve estate inverno
    inglese francese tedesco italiano lingua lingue minuti ero eri eravamo avevano stavo
    potuto dovuto voluto saputo veramente davvero subito presto tardi
    a i o e gli li la lo ne vi ci pensavo dovremmo fece dica devi voleva altro altra altri
    altre quali tipi quel quei quelli sapevo vorrebbe faresti farà farò deciso vi farlo rimani
    provato matto via stanche sentiva dovrebbe potrebbe potremmo potete stanno trovato vergogna
    entrare scelto queste quelli dio lunedì martedì mercoledì giovedì venerdì sabato domenica
    fui fu fummo furono feci facemmo ebbi ebbe avemmo ebbero andai andò andammo andarono venni
    venne dissi dicemmo dissero vidi vide vedemmo stetti stette diedi diede sono sei siamo
    siete erano sarò sarai saremo sarete saranno sarei saresti saremmo avrò avrà avrei avresti
    avremmo dimmi dammi fammi lasciami aiutami scusami guarda senti vieni vai andiamo smettila
    grazie mille prego certo certamente sicuramente magari forse purtroppo quasi circa sopra
    sotto dentro fuori davanti dietro vicino lontano verso senza contro durante mentre finché
    sebbene benché affinché perciò dunque comunque qualche alcuni alcune nessuna ciascuno
    parlato mangiato visto fatto preso messo andato venuto stato rimasto nato morto glielo
    gliela glieli me lo te lo ce lo se lo
    quattro cinque sei sette otto nove dieci cento mille rosso blu verde bianco nero giallo
    così diversi venire dato suoi sue momento conosce posto aver darmi lasciarlo sapete piaceva
    potresti rispose esame scuola classe vestiti scarpe cucina giardino ufficio ospedale chiesa
    polizia domanda risposta ragione errore verità notizia uomini donne bambini amici figli`,
  ru: `спросил стать начать верить принести строить позвонить нести закрыть решить умер пить
    ехать есть ест ел забыл расти случилось слышал держать надеяться смеяться учить оставить
    жить живу любить люблю встретить открыть играть обещать читать помнить бежать сказала видел
    продать послать показать петь сидеть спать тратить стоять начал остаться остановиться
    учиться плавать рассказать думать путешествовать вернуться понимать понимаю ждать гулять
    смотреть выиграть писать написал боится один злой плохой красивый лучше занят дешёвый чистый
    ясно холодно тёмный мёртвый другой трудно легко пустой дорогой быстро полный смешной
    счастлив тяжёлый высокий горячий голодный важно интересно добрый длинный ленивый лёгкий
    бедный возможно готов богатый грустный уверен короткий болен медленно маленький умный
    сильный устал правда молодой завтрак ужин обед дверь окно комната кровать стол еда ночь
    утро вечер час минута месяц слово имя идея история собака кошка поезд автобус самолёт город
    страна улица дорога дерево река море письмо телефон компьютер игра музыка песня фильм
    учитель студент врач брат сестра сын дочь муж жена родители семья мальчик девочка ребёнок
    кто-то никто почти достаточно часто наверное вместе обычно сам сама кажется любит знает
    думает хочет говорит делает работает играет рука голова глаза лицо сердце вода погода дождь
    снег лето зима английский язык
    всё нас они до свой просто тебе тому её люди пошёл нибудь показал давай свою буду сделал
    говорят него пор ним купил во говорил должно живёт должны этого давно такой откуда наша
    собираюсь ей нужна вижу скорее простите можете туда некоторые знаешь можем знаем рад отец
    новую четыре пять шесть семь восемь девять десять сто тысяча красный синий зелёный белый
    чёрный школа класс одежда кухня офис больница полиция вопрос ответ причина ошибка новости
    друг друзья дети мужчина женщина`,
  de: `fragen fragte werden wurde beginnen glauben bringen brachte bauen rufen anrufen kam tragen
    fangen schließen schneiden entscheiden sterben starb trinken trank fahren essen aß gegessen
    genießen erklären fallen fiel kämpfen vergessen vergaß wachsen passieren passiert hören
    hörte halten hoffen töten wusste lachen lernen lassen liegen zuhören leben lebte verlieren
    lieben liebe treffen traf bewegen öffnen spielen spielte versprechen lesen erinnern laufen
    sah gesehen verkaufen schicken zeigen singen sitzen schlafen ausgeben stehen anfangen
    bleiben aufhören studieren schwimmen lehren erzählen denken reisen drehen verstehen warten
    gehen zusehen tragen gewinnen sorgen schreiben schrieb geschrieben fähig angst allein wütend
    schlecht schöne beste besser beschäftigt billig sauber klar kalt dunkel tot anders schwierig
    schwer leicht leer teuer schnell voll lustig glücklich hoch heiß hungrig wichtig interessant
    nett lang faul hell arm möglich hübsch ruhig bereit reich traurig sicher kurz krank langsam
    kleine klug stark müde wahr hässlich warm schwach nass weise jung frühstück abendessen
    mittagessen tür fenster zimmer bett tisch essen nacht morgen stunde minute monat wort name
    idee geschichte hund katze zug bus flugzeug straße weg baum fluss meer brief telefon
    computer spiel musik lied film party lehrer student arzt bruder schwester sohn tochter
    ehemann frau eltern familie junge mädchen baby jemand jeder fast genug oft vielleicht
    wahrscheinlich ziemlich manchmal zusammen heute abend normalerweise mich selbst scheint
    schien mag liebt weiß denkt will sagt macht nimmt kommt lebt arbeitet spielt spricht
    schreibt hand kopf augen gesicht herz wetter regen schnee sommer winter englisch deutsch
    französisch sprache sprachen minuten wirklich sofort bald spät früh einmal
    werde leute welt wäre tut finde denke obwohl während dachte lass vermute mochte ihnen
    lange fragt oh hätte wollte daran hör könntest gehst vielen dank schade könnten gib denk
    versuchte bringt freunde meisten menschen brauche sogar wirst einfach montag dienstag
    mittwoch donnerstag freitag samstag sonntag ging kam sah gab nahm fand stand saß lag hielt
    blieb fuhr lief rief schrieb sprach trug traf verlor vergaß half warf wusch wuchs zog
    dachte brachte kannte nannte rannte sandte wandte mochte durfte konnte musste sollte wollte
    gewesen geworden gehabt gemacht gesagt gegangen gekommen gefunden gegeben genommen geblieben
    gelesen geschrieben gesprochen getroffen verloren vergessen geholfen hätten wären würdest
    wärst hättest bist gewesen mach komm geh sag schau hilf warte entschuldige bitteschön
    gern natürlich sicher vielleicht leider fast etwa oben unten drinnen draußen vorne hinten
    nah weit gegen ohne während bevor nachdem seit seitdem obwohl damit sodass trotzdem
    deshalb darum dennoch irgendwie irgendwo irgendwann jemanden niemanden einige manche
    jede jedes jedem jeden solche solchen
    vier fünf sechs sieben acht neun zehn hundert tausend rot blau grün weiß schwarz gelb
    dafür wohl grund dies ins erfahren möglichkeit zeigt spreche liegt müsst gelernt zumindest
    wahrheit danach möglicherweise lust überhaupt glück nehme schule klasse kleidung schuhe küche
    garten büro krankenhaus kirche polizei frage antwort fehler nachricht männer frauen kinder
    freunde leute`,
  fr: `demander demandé devenir devenu commencer croire apporter construire appeler appelé
    porter attraper fermer couper décider mourir mort boire bu conduire manger mangé profiter
    expliquer tomber tombé combattre oublier oublié grandir arriver arrivé entendre entendu
    tenir espérer tuer rire apprendre laisser mentir vivre vécu perdre perdu aimer aime connaître
    connu bouger ouvrir ouvert jouer joué promettre lire lu souvenir courir vu vendre envoyer
    montrer chanter asseoir dormir dépenser commencé rester arrêter étudier nager enseigner
    raconter penser voyager revenir comprendre compris attendre marcher regarder gagner
    inquiéter écrire écrit capable peur seul fâché mauvais belle meilleur occupé cher propre
    clair froid sombre différent difficile facile vide rapide plein drôle heureux heureuse dur
    lourd haut chaud faim important intéressant gentil long paresseux léger chanceux pauvre
    possible joli joli calme prêt riche triste sûr court malade lent petite intelligent fort
    fatigué fatiguée vrai laid faible mouillé sage jeune déjeuner dîner petit porte fenêtre
    chambre lit table nourriture nuit matin soir heure minute mois nom idée histoire chien chat
    train bus avion rue route arbre rivière mer lettre téléphone ordinateur jeu musique chanson
    film fête professeur étudiant médecin frère sœur fille mari parents famille garçon bébé
    quelqu'un quelqu chacun presque assez souvent peut-être probablement plutôt parfois
    ensemble soir habituellement moi-même semble semblait aime sait pense veut dit prend vient
    vit travaille joue parle écrit main tête yeux visage cœur temps pluie neige été hiver
    anglais français allemand langue langues minutes étais était avais vraiment tout de suite
    bientôt tard tôt
    monde quiconque aurais dû connais voulais aimerais faut nombreux suppose aider attention
    rencontré allé commence fut aucun aucune veuillez demande arrête désormais simplement
    pris venu regarde parlé seulement trouvé pouvais pouvoir moins lundi mardi mercredi jeudi
    vendredi samedi dimanche allé allée allés venue venus partie parti sorti sortie resté né
    morte eu fis fit fîmes firent dis dit dîmes dirent vis vit vîmes virent pus put voulus
    voulut sus sut eus eut serai seras sera serons serez seront serais serait serions seriez
    seraient aurai auras aura aurons aurez auront aurait aurions auriez auraient ferai fera
    ferais ferait irai ira irais irait viens vient venons venez viennent prends prend prenons
    prenez prennent mets met dois doit sais connais vis suis allons regardez écoute écoutez
    attends attendez excusez-moi excuse-moi viens-tu allez-y dis-moi donne-moi laisse-moi
    certes certainement sûrement peut-être malheureusement heureusement environ dessus dessous
    dedans dehors devant derrière près loin vers sans contre durant pendant tandis lorsque
    puisque quoique afin parce quelques plusieurs chaque aucun tel telle tels telles autre
    autres même mêmes celui celle ceux celles
    quatre cinq six sept huit neuf dix cent mille rouge bleu vert blanc noir jaune besoin
    pourrait entends connaît école aimait café finalement chance pourriez viendra nouvelle étions
    madame monsieur voici actuellement dès départ classe vêtements chaussures cuisine jardin
    bureau hôpital église police question réponse raison erreur vérité nouvelles hommes femmes
    enfants amis gens`,
  pt: `perguntar perguntou tornar começar acreditar trazer trouxe construir chamar chamou levar
    pegar fechar cortar decidir morrer morreu beber bebeu dirigir comer comeu comido aproveitar
    explicar cair caiu lutar esquecer esqueci esquecido crescer acontecer aconteceu ouvir ouviu
    segurar esperar matar rir aprender deixar deixou mentir viver vivo vivia perder perdi amar
    amo conhecer conheci mover abrir abriu jogar jogou prometer ler li lembrar correr disse viu
    visto vender enviar mostrar cantar sentar dormir dormiu gastar começou ficar parar estudar
    nadar ensinar contar pensar penso viajar voltar entender entendo esperar andar caminhar
    olhar ganhar preocupar escrever escreveu escrito capaz medo sozinho zangado mau ruim bonito
    bonita melhor ocupado barato limpo claro frio escuro morto diferente difícil fácil vazio
    caro rápido cheio engraçado feliz duro pesado alto quente fome importante interessante
    gentil longo preguiçoso leve sorte simpático pobre possível lindo calmo pronto rico triste
    seguro curto doente lento pequena inteligente forte cansado cansada verdade feio fraco
    molhado jovem café almoço jantar porta janela quarto cama mesa comida noite manhã hora
    minuto mês palavra nome ideia história cachorro cão gato trem comboio ônibus avião rua
    estrada árvore rio mar carta telefone computador jogo música canção filme festa professor
    estudante médico irmão irmã filha marido esposa pais família menino menina bebê alguém todo
    mundo quase bastante frequentemente talvez provavelmente bem às vezes juntos hoje à noite
    normalmente mesmo parece parecia gosta sabe pensa vai diz faz toma vem vive trabalha joga
    fala escrevendo lendo comendo bebendo trabalhando jogando esperando olhando falando
    tentando fazendo vindo vivendo mão cabeça olhos cara coração água chuva neve verão inverno
    inglês francês alemão português idioma língua línguas minutos estava ia tinha haveria
    seria fosse realmente logo cedo
    gostaria deveria pensei pessoas horas tive poder centenas deve dar todos todas algo
    sobre vivemos decidiu deveríamos forma estávamos ficarei cheia pouco olhou acha faria
    comprou tão trabalharei escrevo consigo serei podes vir mãos começando segunda terça quarta
    quinta sexta sábado domingo feira fui foi fomos foram fiz fez fizemos fizeram tive teve
    tivemos tiveram pude pôde pudemos quis quisemos soube vim veio viemos disse dissemos vi
    viu vimos estive esteve estivemos estiveram era éramos eram serei será seremos serão seria
    seríamos teria teríamos iria faria poderia queria devia podia sabia estou estás estamos
    estão vou vais vamos vão diga-me dá-me deixa-me ajude-me desculpe desculpa obrigada
    claro certamente talvez infelizmente felizmente quase cerca acima abaixo dentro fora
    diante atrás perto longe através contra durante enquanto embora porém contudo todavia
    portanto logo alguns algumas nenhuma cada outro outra outros outras tal tais mesmos
    mesmas nosso vosso vossa comigo contigo conosco
    quatro cinco seis sete oito nove dez cem mil vermelho azul verde branco preto amarelo
    gostava pergunto pensou consegui antes apenas sinto saudades gostar adora começará acabei
    melhora jovens férias escola aula roupa sapatos cozinha jardim escritório hospital igreja
    polícia pergunta resposta razão erro notícia homens mulheres crianças amigos filhos`,
  nl: `vragen vroeg worden werd beginnen begon geloven brengen bracht bouwen roepen bellen
    dragen vangen sluiten snijden beslissen sterven stierf drinken dronk rijden eten at gegeten
    genieten uitleggen vallen viel vechten vergeten vergat groeien gebeuren gebeurd horen hoorde
    houden hopen doden wist lachen leren laten liggen luisteren leven leefde verliezen verloren
    houden ontmoeten bewegen openen spelen speelde beloven lezen herinneren lopen zag gezien
    verkopen sturen tonen zingen zitten slapen uitgeven staan beginnen blijven stoppen
    studeren zwemmen onderwijzen vertellen denken reizen draaien begrijpen wachten wandelen
    kijken winnen zorgen schrijven schreef geschreven bang alleen boos slecht mooie beste druk
    goedkoop schoon duidelijk koud donker dood anders moeilijk makkelijk gemakkelijk leeg duur
    snel vol grappig gelukkig blij hard zwaar hoog heet honger belangrijk interessant aardig
    lui licht arm mogelijk knap rustig klaar rijk verdrietig zeker kort ziek langzaam kleine
    slim sterk moe waar lelijk warm zwak nat wijs jong ontbijt avondeten lunch deur raam kamer
    bed tafel eten nacht ochtend avond uur minuut maand woord naam idee verhaal hond kat trein
    bus vliegtuig straat weg boom rivier zee brief telefoon computer spel muziek lied film feest
    leraar student dokter arts broer zus dochter echtgenoot vrouw ouders familie jongen meisje
    baby iemand iedereen bijna genoeg vaak misschien waarschijnlijk nogal soms samen vanavond
    meestal mezelf zichzelf lijkt leek houdt weet denkt wil zegt maakt neemt komt leeft werkt
    speelt spreekt schrijft hand hoofd ogen gezicht hart weer regen sneeuw zomer winter engels
    nederlands frans duits taal talen minuten echt meteen gauw laat vroeg eens
    zal hou ge hoeveel toen gaf ziet jullie ligt spreek thuis vraag vele zullen alle zette
    ken hield vroeger lach eet draag blijf zelfs kom eerst vriendelijk geef men probeer wou
    indien vergeet laatste begint breng kijkt dikwijls drinkt gaven goede mensen maandag dinsdag
    woensdag donderdag vrijdag zaterdag zondag ging kwam zag nam vond stond zat lag hield bleef
    reed liep riep schreef sprak droeg trof verloor vergat hielp gooide waste groeide trok
    dacht bracht kende noemde rende kocht mocht kon moest zou wilde wou geweest geworden gehad
    gemaakt gezegd gegaan gekomen gevonden gegeven genomen gebleven gelezen gesproken getroffen
    vergeten geholpen zouden waren hadden ben bent kijk luister wacht help zeg geef neem sorry
    natuurlijk zeker misschien helaas bijna ongeveer boven beneden binnen buiten voor achter
    dichtbij ver tegen zonder tijdens voordat nadat sinds hoewel zodat daarom toch echter
    ergens iemand niemand sommige enkele elk elke ieder iedere zulke zo'n welk
    'n 's zich ermee erop ervan erin eraan daarmee waarmee
    vier vijf zes zeven acht negen tien honderd duizend rood blauw groen wit zwart geel
    lijken ondanks hoop gek bezoek verwacht erover werden soort eindelijk stopt voel excuseer
    blijkbaar volledig brood school klas kleren schoenen keuken tuin kantoor ziekenhuis kerk
    politie vraag antwoord reden fout waarheid nieuws mannen vrouwen kinderen vrienden mensen`,
}
