/**
 * Letters and marks that only some languages write, and which ones (ISO 639-1). A message
 * with `ñ` or `¿` is very likely Spanish among en/es/it/ru; `ã` points to Portuguese, `ї` to
 * Ukrainian rather than Russian.
 */
const MarkTable = `ñ es gl|¿ es|¡ es|ã pt|õ pt|ç fr pt ca tr az sq|œ fr|ê fr pt vi|â fr pt ro tr vi
|ô fr pt sk vi|î fr ro|û fr|ë nl fr sq|ï nl fr ca|è fr it ca|ì it|ò it ca|ù it fr|à it fr pt ca vi
|é fr es pt it ca hu cs sk nl vi|á es pt hu cs sk is vi|í es pt hu cs sk is ca vi|ó es pt hu pl ca
|ú es pt hu cs sk is|ä de sv fi sk et|ö de sv fi hu tr az et|ü de tr az hu et|ß de|å sv da nb nn fi
|æ da nb nn|ø da nb nn|ł pl|ą pl lt|ę pl lt|ś pl|ź pl|ż pl|ć pl hr bs|ń pl|ş tr az|ğ tr az|ı tr az|ə az
|ă ro vi|ș ro|ț ro|č cs sk sl hr bs lv lt|š cs sk sl hr bs lv lt et|ž cs sk sl hr bs lv lt et
|ř cs|ů cs|ě cs|ő hu|ű hu|ð is|þ is|ы ru be kk ky tt mn|э ru be kk ky tt mn|ё ru be|ъ ru bg
|і uk be kk|ї uk|є uk|ґ uk|ў be|ј sr mk|љ sr mk|њ sr mk|ћ sr|ђ sr|џ sr mk|ѓ mk|ќ mk|ѕ mk|ә kk tt
|ғ kk|қ kk|ң kk ky tt|ө kk ky mn tt|ұ kk|ү kk ky mn tt|һ kk tt|җ tt`

/** For each mark, the languages that write it. */
export const Marks: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  MarkTable.split('|').map((row) => {
    const [mark = '', ...langs] = row.trim().split(' ')
    return [mark, new Set(langs)]
  })
)

/**
 * Typical word endings, for words that are in no list: `-zione` and `-mente` read Italian,
 * `-ção` Portuguese, `-ung` German. Longest first is not needed: any match counts once.
 */
export const Endings: Readonly<Record<string, string>> = {
  en: 'ing ed tion ly ness ful less ous ght th ck ow ay ey ies ble ive ould',
  es: `ción ciones dad aba aban ábamos ado ados adas ido idos iendo amos emos imos ar er ir arse
    mente ía ían ó ué ió eza illo illa ito ita ez aje ente`,
  it: `zione zioni tà ava avano evo eva ivano ato ata ati uto uta ito iti are ere ire ando endo
    iamo ete ono ano rò rà mente etto etta ino ina ore elli gli chi ghi che sse ssi zzo zza tti
    tto tta i`,
  pt: `ção ções ão ões ães dade ava avam ávamos ado ados adas ido ando endo indo amos emos imos ar
    er ir mente eu ou iu ei em ém am om um inho inha lho lha nho nha eiro eira ência ível`,
  fr: `tion tions eau eaux aux ait aient ais ent ons ez ée ées és er ir oir re eur euse ment ique
    oi oire ette elle ille ière ux ès ôt`,
  de: 'ung ungen heit keit lich isch chen sch cht ich ach ern eln en st te ten tz ß ft ck ig',
  nl: 'ijk lijk heid tje tjes je jes en cht aar eer oor aan oen uit ij eid sch ogen ig kt dt gt',
}
