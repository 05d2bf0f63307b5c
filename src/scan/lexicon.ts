import lexicon from './generated/lexicon.json' with { type: 'json' };

/** Small closed word lists the scanners and the resolver share (all folded, lower case). */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Words before a name that are not part of it; the value is a gender when the word tells one. */
export const HONORIFICS: ReadonlyMap<string, 'male' | 'female' | null> = new Map([
  ['mr', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['sir', 'male'],
  ['dame', 'female'],
  ['lord', 'male'],
  ['lady', 'female'],
  ['baroness', 'female'],
  ['baron', 'male'],
  ['dr', null],
  ['prof', null],
  ['professor', null],
  ['gen', null],
  ['maj', null],
  ['lt', null],
  ['col', null],
  ['colonel', null],
  ['capt', null],
  ['captain', null],
  ['sgt', null],
  ['adm', null],
  ['admiral', null],
  ['cmdr', null],
  ['sen', null],
  ['senator', null],
  ['rep', null],
  ['gov', null],
  ['governor', null],
  ['rev', null],
  ['fr', null],
  ['sheikh', 'male'],
  ['prince', 'male'],
  ['princess', 'female'],
  ['king', 'male'],
  ['queen', 'female'],
  ['judge', null],
  ['justice', null],
  ['mayor', null],
  ['ambassador', null],
  ['marshal', null],
  ['lieutenant', null],
  ['sergeant', null],
  ['commander', null],
  ['pope', 'male'],
  ['archbishop', 'male'],
]);

/** Honorifics that complete a name in British usage: "Lord Woolf", "Baroness Scotland", "Sir Digby" (a first name). */
export const PEERAGE = new Set([
  'lord',
  'lady',
  'baroness',
  'baron',
  'sir',
  'dame',
  'viscount',
  'earl',
  'duke',
  'duchess',
  'countess',
]);

/** Before a title: the claim is not about the present. */
export const TIME_MODIFIERS: ReadonlyMap<string, TimeModifier> = new Map([
  ['former', 'former'],
  ['ex', 'former'],
  ['then', 'then'],
  ['late', 'late'],
  ['acting', 'acting'],
  ['interim', 'acting'],
  ['caretaker', 'acting'],
  ['incoming', 'incoming'],
  ['outgoing', 'outgoing'],
  ['future', 'incoming'],
  ['erstwhile', 'former'],
  ['onetime', 'former'],
  ['sometime', 'former'],
  ['previous', 'former'],
  ['past', 'former'],
  ['retired', 'former'],
  ['potential', 'incoming'],
  ['prospective', 'incoming'],
  ['presumptive', 'incoming'],
]);
/** After a title: "President-elect", "Secretary of State designate". */
export const TRAILING_MODIFIERS: ReadonlyMap<string, TimeModifier> = new Map([
  ['elect', 'incoming'],
  ['designate', 'incoming'],
  ['nominee', 'incoming'],
]);
export type TimeModifier = 'former' | 'then' | 'late' | 'acting' | 'incoming' | 'outgoing';

/**
 * One-word titles news also gives to offices no table lists: a central bank's governor, an
 * agency's director, a company's chairman, a city's mayor. Alone they cannot say that a
 * person never held an office; a country or institution word, or a known holder, can.
 */
export const GENERIC_TITLE_WORDS = words(`
  governor gov director chairman chairwoman chair chairperson mayor secretary minister leader head chief
  commissioner administrator ambassador commander general justice judge spokesman spokeswoman
  spokesperson envoy adviser advisor
`);

/**
 * Titles a country's states or provinces give their own officers too: in the US "Attorney
 * General Kamala Harris" (California's, in 2016) or "Secretary of State" of a state. Without
 * a country or state word they cannot say that a person never held the national office.
 */
export const SUBNATIONAL_TITLES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'US',
    new Set([
      'attorney general',
      'secretary of state',
      'treasurer',
      'lieutenant governor',
      'lt gov',
      'senator',
      'sen',
      'state senator',
      'representative',
      'rep',
      'speaker',
      'house speaker',
      'senate president',
      'majority leader',
      'minority leader',
      'comptroller',
      'auditor',
      'chief justice',
      'justice',
    ]),
  ],
  ['AU', new Set(['premier', 'treasurer', 'attorney general', 'senator'])],
  ['CA', new Set(['premier', 'attorney general', 'finance minister'])],
  ['DE', new Set(['minister president', 'premier'])],
  ['IN', new Set(['chief minister', 'governor'])],
]);

/** Party words before a title tag the holder's party, not another office: "Republican President", "Tory Chancellor". */
export const PARTY_WORDS = words(`
  republican democratic democrat gop labour tory conservative liberal libdem socialist unionist nationalist
`);

/** Descriptions that open a sentence before a title without naming another office: "Embattled Prime Minister …". */
export const DESCRIPTIONS = words(`
  new embattled beleaguered veteran longtime long-time current incumbent powerful popular unpopular disgraced ousted
  controversial influential ailing newly beloved defiant
`);

/** Days and months: "On Tuesday Foreign Secretary …", "In October Tory leader …". */
export const CALENDAR_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december
`);

/** Before a title: a different office ("Deputy Foreign Minister", "Shadow Chancellor"). */
export const OTHER_OFFICE_WORDS = words(`
  deputy vice shadow assistant junior under associate principal co lieutenant lt sub adjunct senior chief first second
  regional state provincial party opposition student club league union faculty honorary
`);

/** Capitalised words that make a run of names an organisation, place or event, not a person. */
export const NOT_PERSON_WORDS = words(`
  news times post journal telegraph guardian herald tribune gazette daily weekly magazine press agency reuters tass
  interfax afp ap bbc cnn abc cbs nbc msnbc fox npr pbs itv sky media radio tv television images getty photo photos
  council commission committee ministry department office house party union coalition institute bank court
  university college school academy street road avenue palace valley mount mt lake river city county state states
  kingdom republic federation army force forces navy guard corps police service services group company corporation
  corp inc ltd llc plc association foundation center centre organization organisation fund network club church
  cathedral hospital airport station square bridge tower hall parliament congress senate assembly cabinet
  government administration authority board bureau summit treaty war plan deal talks conference forum games cup
  league championship olympics prize award act declaration region oblast province district sea ocean
  island islands peninsula alliance nato un eu g7 g20 brics opec who imf day week month year january february march
  april may june july august september october november december monday tuesday wednesday thursday friday
  saturday sunday christmas easter ramadan eid museum gallery theatre theater festival street fc united city
  airlines airways motors bank capital partners holdings technologies systems labs studio studios records
  facebook twitter telegram instagram youtube tiktok google apple microsoft amazon meta truth social x
  east west north south northern southern eastern western central middle high low upper lower new old great
  general national international federal supreme royal democratic republican labour conservative liberal
  green socialist communist christian muslim jewish catholic orthodox islamic arab african asian european american
  kremlin pentagon whitehall downing capitol elysee bundestag duma knesset rada chamber chambers commerce industry
  industries trust society institution merchants traders exchange market markets
`);

/** Capitalised words that open sentences without being names. */
export const FUNCTION_WORDS = words(`
  the a an in on at for but and or as if when while after before since also this that these those his her their
  its our my your we they he she it i you there here then now yet so still even though although because however
  meanwhile earlier later today yesterday tomorrow tonight last next some many most much more all both each every
  no not nor what which who whom whose where why how with without from into onto over under about above below
  by of to up down out off again once only just perhaps maybe indeed instead nevertheless nonetheless moreover
  furthermore thus hence mr mrs ms dr according speaking asked during despite among between against until unless
  whether other another such same former ex late acting neither either
`);

export const PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'first' | 'neuter'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
  ['i', 'first'],
  ['we', 'plural'],
  ['it', 'neuter'],
]);

/** Words before a base-form verb that make it a verb ("will say", "did not say", "to tell"). */
export const AUXILIARIES = new Set([
  'to',
  'will',
  'would',
  'could',
  'can',
  'did',
  'does',
  'do',
  'may',
  'might',
  'must',
  'should',
  'shall',
  'not',
  "didn't",
  "won't",
  "wouldn't",
  "don't",
  "doesn't",
]);

export const NAME_PARTICLES = words('von van der den de del della da di dos du la le bin ibn al el ter zu');

/** First names and the gender they usually have, from compromise's lexicon (build-time, src/scan/build-lexicon.mjs). */
export const FIRST_NAME_GENDER: ReadonlyMap<string, 'female' | 'male'> = new Map([
  ...lexicon.firstNames.female.map((name) => [name, 'female'] as const),
  ...lexicon.firstNames.male.map((name) => [name, 'male'] as const),
]);

/** Place names written in full ("Washington", "Texas"): before a full stop they end a sentence, unlike "Fla.". */
export const FULL_PLACE_NAMES: ReadonlySet<string> = new Set(lexicon.places);

/** Organisations compromise's lexicon knows ("Reuters", "Nasa", "Pentagon"): not surnames when they speak. */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(lexicon.organisations);

/**
 * Capitals news uses for their governments ("Washington said", "Moscow warned"): such a word
 * before a speech verb is no surname unless the article names a person so ("George Washington").
 */
export const METONYMS = words(`
  washington moscow beijing london paris berlin tokyo kyiv kiev tehran brussels jerusalem ankara delhi pyongyang
  seoul ottawa canberra havana caracas damascus baghdad kabul islamabad riyadh cairo rome madrid warsaw minsk tbilisi
  westminster whitehall beirut doha ramallah taipei hanoi manila jakarta bangkok
`);
