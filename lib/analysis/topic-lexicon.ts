/**
 * Word lists for keyphrase extraction and sentence scoring. They describe the *language*
 * (function words, verb forms, generic nouns), never topics: topics always come from the text.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * English words that end a noun label: function words beyond text-units' STOPWORDS, pronoun-like
 * quantifiers, discourse adverbs, and auxiliary/reporting verbs.
 */
export const EN_EXTRA_STOPWORDS = set(`
  ago ahead along already amid amongst anyhow anywhere apart aside away besides beyond certain
  despite do done due eight eighteen eleven else elsewhere etc ever everywhere except far fifteen
  fifty five forty four fourteen further hence here hundred indeed instead lately later less lot lots
  maybe meanwhile mostly near nearly next nine nineteen ninety none nonetheless okay once onto
  outside past plus probably regardless seven seventeen seventy six sixteen sixty somehow somewhat
  somewhere soon ten than thereby therein thirteen thirty though thousand three throughout till
  million millions billion billions trillion dozen dozens ones
  twelve twenty two unless unlike upon versus whatever whereby wherever whichever yes yesterday
  today tomorrow tonight first second third fourth fifth last previous recent recently
  least
  able unable likely unlikely sure possible impossible
  various own such else around whose former latter current
  earlier pretty
  sorry glad happy sad nice fine cannot gonna wanna yeah oh
  what's who's where's when's how's here's we've they've you've we'll they'll you'll he'll she'll
  it'll we'd they'd you'd he'd she'd mr. mrs. ms. dr. st. inc. co. ltd.
  is am are was were be been being has have had having do does did doing
  can could may might must shall should will would ought
  according accordingly almost actually also although always anyway around basically
  certainly currently definitely especially eventually exactly finally generally hardly largely
  merely nearly obviously often particularly perhaps possibly quickly rarely really simply slightly
  strongly truly usually very again already else enough even ever just only quite rather soon still
  thus too yet
`);

/**
 * Common English adjectives that may sit inside a phrase ("heavy rain", "free trade", "common sense")
 * but never end one, and add no weight of their own to it (so "new law" does not outrank "law").
 */
export const EN_WEAK_ADJECTIVES = set(`
  new old big small large little long short high low good bad great best better worse worst top
  major key main important full clear higher lower bigger smaller larger greater longer shorter
  older younger stronger weaker easier harder faster slower wider deeper richer poorer cheaper
  highest lowest biggest smallest largest greatest longest oldest youngest strongest easiest
  hardest fastest widest deepest richest poorest free real whole entire true false fresh wide
  broad basic simple common rare strong weak rich poor safe huge tiny vast senior junior prime
`);

/**
 * Common English verb forms that are rarely part of a noun phrase (finite, past and participle
 * forms of frequent and reporting verbs). Base forms that double as nouns ("plan", "report") are left out.
 */
export const EN_VERBS = set(`
  said says say saying told tell tells telling added adds asked asks explained explains noted notes
  stated states claimed claims insisted insists argued argues warned warns admitted admits
  announced announces confirmed confirms denied denies suggested suggests described describes
  believed believes thought thinks think knew knows know went goes go going gone came comes come
  coming took takes take taking gave gives give giving got gets get getting made makes make making
  saw sees see seeing seen found finds find finding left leaves became becomes become becoming
  began begins begun begin kept keeps keep felt feels feel brought brings bring held holds hold
  wrote writes written write ran runs run meant means mean let lets put puts set sets seem seems
  seemed seeming appear appears appeared tried tries try trying wanted wants want needed needs
  used uses using looked looks look looking showed shows shown show showing called calls
  happened happens happen remained remains remain included includes include including involved
  involves decided decides agreed agrees expected expects hoped hopes allowed allows helped helps
  led leads lost loses paid pays met meets sent sends spent spends stood stands understood
  understands won wins spoke speaks spoken heard hears reported reports revealed reveals vowed
  vows pledged pledges urged urges called recalled recalls added continued continues continue
  did does done doing began seemed became has had have having is are was were be been being
  am wasn't isn't aren't weren't won't didn't doesn't don't can't couldn't wouldn't shouldn't
  cannot according reportedly allegedly
  bought broke brought built caught chose drew drove fell fought flew forgot froze grew hid hung
  hurt laid lent lit rode rose sank sat shook shot shut slept sold sought split spread stole
  struck swore swept swam taught tore threw woke wore wound born borne
  taken given written spoken broken chosen driven eaten fallen forgotten frozen hidden ridden
  risen shaken stolen sworn thrown woken worn known shown grown drawn flown seen done gone
  become begun
`);

/** English nouns that ending in -ly, -ed or -ing are still nouns (not adverbs, past tenses or gerunds). */
export const EN_NOUN_EXCEPTIONS = set(`
  family assembly supply ally rally italy july anomaly monopoly butterfly reply jelly belly bully
  fly ply holly lily emily kelly sicily homily melancholy oligopoly folly
  bed red shed seed speed need feed greed creed breed deed weed steed hundred sled
  thing king ring wing spring string sibling darling ceiling evening morning building meeting
  funding training housing shooting bombing spending warning ruling hearing wedding painting
  setting beijing viking pudding offspring lightning clothing
`);

/**
 * English nouns that the adjective-suffix cue (-al, -ic, -ive, -ous, -able …) would otherwise treat
 * as adjectives, which may not end a phrase.
 */
export const EN_NOUNS_WITH_ADJECTIVE_SUFFIX = set(`
  official officials rival rivals trial trials signal signals animal animals capital hospital
  hospitals festival proposal proposals approval arrival survival referral criminal criminals
  individual individuals journal terminal ritual rituals potential chemical chemicals musical
  general generals metal metals total scandal scandals interval tribunal editorial professional
  professionals arsenal cardinal principal memorial mineral minerals pedal portal
  spiral vital renewal removal withdrawal disposal dismissal denial refusal burial betrayal
  music topic topics clinic clinics traffic republic public logic panic critic critics epidemic
  pandemic mechanic fabric rhetoric graphic graphics plastic plastics tactic tactics ethic ethics
  mosaic comic comics relic electronic electronics academic academics
  executive executives detective detectives representative representatives initiative
  initiatives alternative alternatives objective objectives explosive explosives relative
  relatives archive archives incentive incentives motive motives narrative directive
  perspective perspectives native natives captive captives offensive collective
  table tables cable cables vegetable vegetables variable variables constable timetable
  bible handful stable
  military secretary library boundary salary summary diary dictionary anniversary commentary
  documentary glossary itinerary luxury mercenary missionary sanctuary cemetery
`);

/** Titles and roles that precede a name; a name may be cut right after them. */
export const EN_TITLE_WORDS = set(`
  president prime minister ceo cfo cto coo chairman chairwoman chair chief director secretary
  senator sen rep governor gov king queen prince princess pope professor prof judge justice
  general gen dr mr mrs ms sir dame lord lady mayor ambassador commissioner chancellor founder
  coach captain officer spokesman spokeswoman leader head deputy vice editor author analyst
  researcher economist minister premier sheikh emir sultan cardinal bishop archbishop reverend
  detective inspector sergeant colonel major lieutenant admiral commander
`);

/** Credits, company suffixes and caption words: never part of a topic, even when capitalised. */
export const EN_ALWAYS_BREAK = set(`
  inc ltd llc corp plc gmbh co credit credits photo photos image images getty illustration
  caption via copyright advertisement reuters afp epa shutterstock istock
`);

/** Day and month names: dates, not topics, even when capitalised. */
export const EN_CALENDAR = set(`
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
  sat sun january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec am pm a.m p.m gmt utc est edt bst cet
`);

/**
 * Generic news nouns that make poor single-word topics ("people", "year"); they may still be part
 * of a longer phrase ("people smuggling").
 */
export const EN_GENERIC = set(`
  people person thing things way ways time times year years day days week weeks month months
  today yesterday tomorrow morning evening night lot lots part parts number numbers kind kinds
  sort sorts place places point points case cases fact facts issue issues problem problems
  question questions area areas group groups side sides end ends man men woman women percent
  cent per million billion trillion dozen hundreds thousands others statement statements
  interview interviews comment comments report reports news story stories article articles
  photo photos image images picture pictures video videos source sources official officials
  spokesman spokeswoman spokesperson editor editors reporter reporters correspondent click
  share email subscribe newsletter advertisement cookie cookies copyright rights reserved
  home page site website link links world life lives something anything everything nothing
  word words name names information detail details example examples result results reason reasons
  thanks lot change changes state level levels term terms view views idea ideas use work job jobs
  mr mrs ms dr sir pm am
  country countries government governments company companies move moves offer offers target
  matter matters mother father son daughter brother sister wife husband child children kid kids
  friend friends family families member members team teams leader leaders plan plans effort
  efforts attempt attempts step steps decision decisions action actions process system systems
  program programs programme service services support control power role help care deal
  market markets business money cost costs price prices rate rates share shares value data
  study studies research researchers expert experts scientist scientists analyst analysts
  today week weekend hour hours minute minutes moment period age future past history
  city town region nation nations community communities public society house office room
  building street road school schools home land water body head hand hands eye eyes face
  line lines form forms list type types set series piece pieces total amount size rest
  line experience situation condition conditions position positions opportunity opportunities
  chance risk risks need needs interest interests concern concerns attention response
  answer answers call calls event events meeting talks talk plan policy policies law laws
  rule rules order orders money fund funds job jobs worker workers staff user users customer
  customers patient patients student students teacher teachers doctor doctors
  online offline sick worry fear fears hope hopes problem trouble difference effect effects
  impact impacts focus basis sense feeling feelings mind thought thoughts reason
  start beginning middle front top bottom inside outside north south east west
  bit lot deal couple half quarter majority minority percent percentage
  attack attacks war crisis agreement agreements figure figures
`);

/** Function words for the other languages the topic extractor supports (lower case). */
export const OTHER_STOPWORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  de: set(`
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober november dezember
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
    auch auf aus bei beim bin bis bist da damit dann das dass daß dem den denn der des dessen
    deshalb die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen
    einer eines er es etwa etwas euch euer für gegen gewesen hab habe haben hat hatte hatten
    hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem
    jeden jeder jedes jetzt kann kein keine keinem keinen keiner können könnte machen man manche
    mehr mein meine mit muss musste nach nicht nichts noch nun nur ob oder ohne schon sehr sein
    seine seinem seinen seiner seit sich sie sind so soll sollen sollte sondern sonst über um
    und uns unser unter viel vom von vor wann war waren warum was weil weiter welche welchem
    welchen welcher wenn wer werde werden wie wieder will wir wird wo wollen würde würden zu zum
    zur zwar zwischen sagte sagt laut heute gestern morgen neue neuen neuer sowie bereits immer
    einen zwei drei vier fünf ab wurde wurden worden kann können mal gibt gab geht ging
  `),
  fr: set(`
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre contre selon lors
    a ai aie ainsi alors au aucun aussi autre aux avait avant avec avoir c ce ceci cela celle
    celles celui cependant ces cet cette ceux chaque ci comme comment d dans de des depuis donc
    dont du elle elles en encore entre est et été être eu fait faire fois font hors il ils j je
    jusqu l la le les leur leurs lui m ma mais me même mes moi moins mon n ne ni nos notre nous
    on ont ou où par parce pas peu peut plus pour pourquoi qu quand que quel quelle quelles quels
    qui s sa sans se selon ses si sien son sont sous sur ta te tes toi ton tous tout toute toutes
    très tu un une vos votre vous y à ça déjà après dit a-t-il c'est qu'il qu'elle n'est d'un
    d'une l'on était sera serait ont avait deux trois aussi bien
  `),
  es: set(`
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre antes después estará están será
    a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el él
    ella ellas ellos en entre era es esa esas ese eso esos esta está están estas este esto estos
    fue fueron ha había han hasta hay la las le les lo los más me mi mientras muy nada ni no nos
    nosotros o otra otras otro otros para pero poco por porque que qué quien se sea según ser si
    sí sido sin sobre su sus también tan tanto te tiene tienen todo todos tu un una uno unos y
    ya yo dijo dos tres aunque cada así además puede ser
  `),
  it: set(`
    lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
    a ad al alla alle allo agli ai anche ancora avere aveva c che chi ci come con contro cui da
    dal dalla dalle dei del della delle dello degli di dove e è ed era erano essere fa gli ha
    hanno i il in io la le lei lo loro lui ma mi molto ne nei nel nella nelle nello negli no non
    noi o per perché più però poi quale quando quello questa queste questo questi se sei si sia
    siamo sono su sua sue suo suoi sul sulla tra tu tutto tutti un una uno uno voi ha detto due tre
  `),
  pt: set(`
    segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro antes depois durante enquanto está estão será
    a ao aos as até com como da das de dela dele deles do dos e é ela elas ele eles em entre era
    essa esse esta está este eu foi foram há isso isto já la lhe mais mas me mesmo meu minha muito
    na nas não no nos nós num numa o os ou para pela pelas pelo pelos por qual quando que quem se
    sem ser seu seus sua suas só também te tem têm um uma umas uns você vocês disse dois três ainda
    sobre após cada pode ser
  `),
  nl: set(`
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober november december
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
    eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik
    in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om
    omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was
    wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou zei twee drie
  `),
}));

/**
 * Which listed language (other than English) a Latin-script text reads as, by the share of its
 * words that are that language's function words; "" when none reaches `threshold`. Used only when
 * the page declares no usable language.
 */
export function guessListedLanguage(text: string, threshold = 0.2): string {
  const words = text.slice(0, 10_000).toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  if (words.length < 20) return '';
  let best = '';
  let bestShare = 0;
  for (const [lang, list] of OTHER_STOPWORDS) {
    let hits = 0;
    for (const w of words) if (list.has(w)) hits++;
    const share = hits / words.length;
    if (share > bestShare) {
      best = lang;
      bestShare = share;
    }
  }
  return bestShare >= threshold ? best : '';
}
