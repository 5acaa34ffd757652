/**
 * Word lists for speaker attribution. Kept deliberately small (a few KB): the engine ships in
 * the extension bundle, so it relies on capitalisation and syntax first and on lists second.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Irregular past forms of reporting verbs (base → past). Regular verbs get -ed/-d. */
const IRREGULAR_PAST: Record<string, string> = {
  say: 'said', tell: 'told', write: 'wrote', think: 'thought', feel: 'felt', hold: 'held', foresee: 'foresaw',
  forecast: 'forecast', teach: 'taught', swear: 'swore', mean: 'meant', spell: 'spelt', bet: 'bet', admit: 'admitted',
  commit: 'committed', concur: 'concurred', refer: 'referred', prefer: 'preferred', regret: 'regretted',
  quip: 'quipped', plead: 'pleaded', 'give': 'gave', 'deny': 'denied', 'reply': 'replied', 'testify': 'testified',
  'clarify': 'clarified', 'imply': 'implied', 'cry': 'cried', 'worry': 'worried',
};

/**
 * Reporting and stance verbs (base forms). Inflections are generated: says, said, saying, added, adding …
 * Verbs that need an object or particle to report speech ("call for", "point out") are listed in PHRASAL.
 */
const REPORTING_BASES = words(`
  say tell add note argue warn stress emphasize emphasise advocate propose believe explain insist claim write tweet
  suggest acknowledge admit announce declare state report maintain contend assert observe remark comment reply respond
  answer recall predict estimate conclude confirm deny reveal disclose vow promise pledge urge caution concede complain
  lament agree disagree recommend think feel hope fear expect mention indicate testify assure affirm allege boast reckon
  hint demand plead post continue add underline highlight point elaborate acknowledge reiterate repeat insist stress
  recount describe quip joke muse wonder ask question counter retort proclaim charge accuse criticize criticise praise
  welcome dismiss reject defend blame credit warn advise forecast project doubt worry stress posit speculate concur
  clarify contend imply mean
`);

/** Verbs that only report speech together with a following particle ("pointed out that", "called for"). */
const PHRASAL: Record<string, string> = { point: 'out', call: 'for', go: 'on' };

function inflect(base: string): string[] {
  const past = IRREGULAR_PAST[base] ?? (base.endsWith('e') ? base + 'd' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base + 'ed');
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? base + 'es' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's';
  const ing = base === 'lie' ? 'lying' : base.endsWith('ie') ? base.slice(0, -2) + 'ying' : /[^e]e$/.test(base) ? base.slice(0, -1) + 'ing'
    : past.endsWith(base.slice(-1) + base.slice(-1) + 'ed') && !base.endsWith(base.slice(-1) + base.slice(-1)) ? base + base.slice(-1) + 'ing' : base + 'ing';
  return [base, third, past, ing];
}

/** Every inflected reporting verb form → its base. */
export const REPORTING_VERBS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const b of REPORTING_BASES) for (const f of inflect(b)) if (!m.has(f)) m.set(f, b);
  for (const b of Object.keys(PHRASAL)) for (const f of inflect(b)) if (!m.has(f)) m.set(f, b);
  m.set('written', 'write');
  m.set('thought', 'think');
  return m;
})();

/** The particle a phrasal reporting verb needs, by base. */
export const PHRASAL_PARTICLE: Readonly<Record<string, string>> = PHRASAL;

/**
 * Verbs that report speech weakly: they need "that", a quote or a clause right after them,
 * so "he thought about it" or "she feels tired" are not statements.
 */
export const WEAK_VERBS: ReadonlySet<string> = new Set(
  words('claim report state write tweet ask think feel hope fear expect mean worry doubt wonder continue post project describe credit blame welcome praise criticize criticise dismiss reject defend accuse charge question answer respond mention declare'),
);

/** Verbs that may stand before their subject in an inverted attribution ("…, said Professor Nam"). */
export const INVERTING_VERBS: ReadonlySet<string> = new Set(
  words('say add write explain continue note ask argue insist warn recall observe reply answer remark conclude declare state concede quip'),
);

/** Stance adjectives after "is/was/are" ("He is convinced that …"). */
export const STANCE_ADJECTIVES: ReadonlySet<string> = new Set(
  words('convinced confident sure certain optimistic pessimistic adamant hopeful concerned worried adamant skeptical sceptical positive clear firm'),
);

/** Titles and honorifics that go to the role, never the name. Lower case, without the period. */
export const TITLES: ReadonlySet<string> = new Set(
  words(`
    mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative gov governor gen general lt
    col colonel capt captain cmdr commander adm admiral maj major sgt sergeant rev reverend fr father sister brother
    president vice premier chancellor minister secretary ambassador judge justice mayor king queen prince princess
    pope cardinal bishop archbishop rabbi imam sheikh chief chairman chairwoman chair ceo cfo coo cto director
    inspector detective officer superintendent commissioner councillor councilman councilwoman congressman
    congresswoman assemblyman speaker deputy foreign prime attorney coach dean provost chancellor president-elect
    pres supt insp det hon leader secretary-general director-general vice-president
  `),
);

/** Honorifics that also say the person's gender. */
export const GENDERED_TITLES: Readonly<Record<string, 'm' | 'f'>> = {
  mr: 'm', sir: 'm', lord: 'm', king: 'm', prince: 'm', father: 'm', brother: 'm', fr: 'm', chairman: 'm',
  congressman: 'm', councilman: 'm', assemblyman: 'm',
  mrs: 'f', ms: 'f', miss: 'f', dame: 'f', lady: 'f', queen: 'f', princess: 'f', sister: 'f', chairwoman: 'f',
  congresswoman: 'f', councilwoman: 'f',
};

/** Academic and professional suffixes written after a name ("Stephen Calderwood, MD,"). */
export const DEGREES: ReadonlySet<string> = new Set(words('md phd dphil mph rn jr sr ii iii iv esq mba dds dvm do ms msc ma ba bsc qc kc obe mbe cbe'));

/** Head nouns of roles ("the BBC's North America editor", "a researcher at …"), used to recognise role phrases. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  words(`
    president minister secretary spokesman spokeswoman spokesperson director chief head leader chairman chairwoman chair
    editor correspondent reporter researcher scientist professor lecturer economist analyst expert fellow scholar
    officer official ambassador diplomat envoy representative adviser advisor consultant manager executive founder
    cofounder co-founder owner partner member ranger inspector commissioner governor mayor senator lawmaker
    legislator councillor judge lawyer attorney prosecutor doctor physician surgeon nurse psychologist teacher
    student author writer historian engineer architect designer developer investor banker strategist
    specialist coordinator organiser organizer activist campaigner elder whisperer mother father wife husband son
    daughter sister brother spokesperson general commander colonel captain coach player chancellor dean provost
    principal curator pastor priest bishop rabbi imam candidate deputy vice-president vice-chair secretary-general
    director-general president-elect ceo cfo cto coo md administrator superintendent sheriff detective agent
    economist epidemiologist virologist biologist physicist chemist astronomer statistician pollster
    board counsel treasurer trustee governor regent premier king queen prince princess
  `),
);

/** Lower-case heads of unnamed sources ("officials said", "a spokesperson said"). */
export const UNNAMED_SOURCE_NOUNS: ReadonlySet<string> = new Set(
  words(`
    official officials source sources spokesman spokeswoman spokesperson spokespeople analyst analysts expert experts
    observer observers critic critics witness witnesses resident residents diplomat diplomats insider insiders
    aide aides person people researchers researcher scientists scientist economists economist investigators
    investigator authorities police prosecutors lawmakers legislators activists doctors officers leaders
    commentators supporters opponents organizers organisers relatives neighbours neighbors friends colleagues
    staff employees workers members reports report statement
  `),
);

/** Lower-case heads of organisations that speak ("the ministry said"). */
export const ORG_NOUNS: ReadonlySet<string> = new Set(
  words(`
    ministry department agency government company firm council committee commission court military army police
    administration office bureau board union party campaign embassy institute university hospital bank
    organisation organization group club league federation association society regulator study report survey
    center centre foundation charity authority authorities parliament congress senate cabinet presidency
    service services team network corporation
  `),
);

/** Capitalised words that mark an organisation or place inside a proper name ("Dongguk University"). */
export const ORG_WORDS: ReadonlySet<string> = new Set(
  words(`
    university college school academy institute institution ministry department agency council committee commission
    court army navy police government administration office bureau board union party association society
    organisation organization foundation fund bank group company corporation corp inc ltd llc plc co center centre
    secretariat forum summit conference museum hospital clinic church mosque temple station news times post
    journal herald tribune daily press network channel radio tv television service services authority parliament
    congress senate assembly house cabinet league federation club team trust alliance coalition movement front
    council agency programme program project initiative international national federal state republic kingdom
    united nations union europe street avenue road square park river sea ocean mountain island islands city county
    province region district bay lake valley airport port tower bridge hall palace reuters afp ap interfax
    xinhua bloomberg airlines airways airline motors systems technologies technology labs laboratories
    pharmaceuticals pharma energy holdings capital media studios entertainment foods brands industries
    partners ventures solutions software networks communications telecom insurance securities investments
    harbour harbor beach coast cape gulf strait peninsula desert forest falls canyon research analytics consulting associates railways railway stores markets institute observatory unit council commission inc. corp. ltd. agency
  `),
);

/** Capitalised words that never begin a person's name (sentence openers, months, days, demonyms used alone…). */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set(
  words(`
    the a an this that these those there here it its he she they we i you his her their our my your him them us
    and but or so yet for nor if when while after before since because although though as at by from in into of
    on onto to with without about above below under over between among through during despite until upon via per
    according meanwhile however also still then now today yesterday tomorrow tonight last next earlier later
    january february march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
    one two three four five six seven eight nine ten first second third many some most all both each every
    no not none neither either other another such what which who whom whose why how where
    read watch see click sign follow share subscribe photo image video related advertisement getty
  `),
);

/** Countries, regions and other place names that speak only as governments ("South Africa said"). */
export const PLACE_NAMES: ReadonlySet<string> = new Set(
  (
    'afghanistan,albania,algeria,argentina,armenia,australia,austria,azerbaijan,bahrain,bangladesh,belarus,belgium,' +
    'bolivia,bosnia,brazil,britain,bulgaria,cambodia,cameroon,canada,chile,china,colombia,congo,croatia,cuba,cyprus,' +
    'czech republic,denmark,ecuador,egypt,england,estonia,ethiopia,europe,finland,france,georgia,germany,ghana,greece,' +
    'hungary,iceland,india,indonesia,iran,iraq,ireland,israel,italy,japan,jordan,kazakhstan,kenya,korea,kosovo,kuwait,' +
    'laos,latvia,lebanon,libya,lithuania,malaysia,mali,mexico,moldova,mongolia,morocco,mozambique,myanmar,nepal,' +
    'netherlands,new zealand,nicaragua,niger,nigeria,north korea,norway,oman,pakistan,palestine,panama,peru,' +
    'philippines,poland,portugal,qatar,romania,russia,rwanda,saudi arabia,scotland,senegal,serbia,singapore,' +
    'slovakia,slovenia,somalia,south africa,south korea,south sudan,spain,sri lanka,sudan,sweden,switzerland,syria,' +
    'taiwan,tanzania,thailand,tunisia,turkey,uganda,ukraine,united kingdom,united states,uruguay,uzbekistan,' +
    'venezuela,vietnam,wales,yemen,zambia,zimbabwe,africa,asia,america,beijing,washington,moscow,london,paris,' +
    'brussels,tokyo,seoul,kyiv,kiev,tehran,ankara,cairo,delhi,new delhi,berlin,rome,madrid,ottawa,canberra,' +
    'the rok,rok,the us,us,u.s.,the u.s.,uk,the uk,eu,the eu,un,the un,nato,hong kong,northland'
  ).split(','),
);

/** A small given-name lexicon with gender, for pronoun agreement. Names of many origins, common in news. */
const MALE_NAMES = words(`
  aaron abdul abdullah adam adrian ahmed alan albert alex alexander alexei ali andrew andrei angus anthony antonio
  barack ben benjamin bernard bill bob boris brian bruce carl carlos charles chris christopher daniel david dennis
  dmitry donald douglas edward emmanuel eric evan frank fred gary george gordon greg hans harry henry hugh
  ian ivan jack jacob james jamie jason jean jeff jeffrey jeremy jim joe john jon jonathan jorge jose josh joseph juan
  justin kevin kim larry lee luis mahmoud mark martin matt matthew michael mike mohamed mohammed muhammad
  nathan neil nicolas olaf omar pablo patrick paul pedro peter phil ralph raul ray richard rishi robert
  roger ron ronald ryan sam samuel scott sergei shinzo stephen steve steven thomas tim timothy tom tony vladimir
  walter wang wei william xi yuki yusuf
`);
const FEMALE_NAMES = words(`
  alice alison amanda amy ana angela angelina ann anna anne barbara beth betty carol caroline catherine charlotte
  christine claire diana diane elena elizabeth ellen emily emma fiona giorgia grace hannah helen
  hillary ingrid isabel jacinda jane janet jennifer jessica jill joan julia julie karen kate katherine kathleen kelly
  kamala laura linda lisa liz louise lucy margaret maria marie marine mary melania melissa michelle monica nancy
  natalia nicola nicole olga olivia pamela patricia rachel rebecca sandra sara sarah sharon sophie stephanie susan
  theresa ursula valerie victoria yulia zoe
`);
export const GIVEN_NAME_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...MALE_NAMES.map((n) => [n, 'm'] as const),
  ...FEMALE_NAMES.map((n) => [n, 'f'] as const),
]);

/** Lower-case particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(words('von van der den de del della di da du dos das le la bin ibn al el ter ten y zu'));

/** Adverbs and auxiliaries that may stand between a speaker and the reporting verb. */
export const VERB_FILLERS: ReadonlySet<string> = new Set(
  words(`
    also later then further previously once again still repeatedly recently earlier had has have
    was is are were been be did does do not never always often only just publicly privately
    separately firmly quoted as strongly reportedly allegedly initially subsequently today yesterday even quickly flatly
    openly explicitly clearly particularly specifically
  `),
);
