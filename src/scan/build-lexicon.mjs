// Build step (`npm run build`, `npm run lexicon`): the linguistic knowledge factlint takes from
// compromise, compiled once into src/scan/generated/lexicon.json so that the engine reads a
// plain table at run time and never parses an article with compromise (docs/decisions.md).
//   - speech verbs: every form compromise conjugates of the lemmas below, with its tense;
//   - first names with their gender (pronoun resolution: "she said" → the nearest woman);
//   - honorifics; place names (a surname that is also a place is not a speaker on its own).
// `--check` exits 1 when the committed file differs from what compromise gives now.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';

const OUT = join(import.meta.dirname, 'generated', 'lexicon.json');

/** Verbs that attribute speech or writing ("said", "blurted out", "advises", "shot back"). */
const SPEECH_LEMMAS = `
  say tell speak write add warn insist argue claim note explain continue suggest state declare announce ask reply
  respond answer remark comment observe acknowledge admit agree concede contend maintain recall report quip joke
  sigh grumble complain lament boast predict promise vow urge caution stress emphasise emphasize tweet post shout yell
  scream whisper murmur mutter exclaim testify confirm deny assert counter retort conclude describe call repeat
  reiterate allege accuse charge fume scoff snap thunder affirm estimate recount pledge signal characterise
  characterize proclaim opine muse wonder point cry plead demand concur interject chime interrupt chant sing advise
  lecture preach gush rail marvel sneer taunt tease chuckle laugh shrug groan gasp growl hiss howl mock rant rave
  roar snarl sob stammer stutter wail whine enthuse reckon recommend propose inquire enquire insinuate hint imply
  reveal disclose divulge clarify elaborate reassure assure inform remind instruct implore beg beseech entreat
  exhort counsel remonstrate protest dispute contradict summarize summarise recollect surmise speculate theorize
  theorise posit text email
  blurt-out shoot-back fire-back hit-back snap-back chime-in pipe-up speak-up lash-out cry-out call-out weigh-in
  jump-in cut-in break-in point-out go-on
`;

/** Verbs whose past is their base form; for the rest a past equal to the base is compromise guessing. */
const SAME_PAST = new Set(['read', 'hit', 'cut', 'put', 'set', 'let', 'bet', 'quit', 'shut', 'spread', 'broadcast']);

/** Regular forms, for what compromise does not conjugate or conjugates wrongly ("quip" → "quip"). */
function regular(base) {
  const [verb, particle] = base.split(' ');
  const tail = particle ? ` ${particle}` : '';
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  const doubled = /^(qu|[^aeiou])*[aeiou][bdgmnpt]$/.test(verb) && verb.length <= 4 ? verb + verb.slice(-1) : verb;
  const y = /[^aeiou]y$/.test(verb);
  const present = y ? `${verb.slice(0, -1)}ies` : /(s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : `${verb}s`;
  const past = y ? `${verb.slice(0, -1)}ied` : verb.endsWith('e') ? `${verb}d` : `${doubled}ed`;
  const gerund = verb.endsWith('ee') ? `${verb}ing` : `${verb.endsWith('e') ? stem : doubled}ing`;
  return { base, past: past + tail, present: present + tail, gerund: gerund + tail };
}

function speechVerbs() {
  const forms = {};
  const add = (form, lemma, tense) => {
    const key = form.toLowerCase();
    if (!forms[key]) forms[key] = { lemma, tense };
  };
  for (const raw of new Set(SPEECH_LEMMAS.trim().split(/\s+/))) {
    const lemma = raw.replace('-', ' ');
    const doc = nlp(lemma);
    doc.tag('Infinitive');
    const found = doc.verbs().conjugate()[0] ?? {};
    const fallback = regular(lemma);
    const verb = lemma.split(' ')[0];
    const pastOk = found.PastTense && (found.PastTense !== lemma || SAME_PAST.has(verb));
    // "read", "hit back": the past is the base form too; a past reading serves more copy.
    if (SAME_PAST.has(verb)) add(lemma, lemma, 'past');
    add(lemma, lemma, 'base');
    add(pastOk ? found.PastTense : fallback.past, lemma, 'past');
    if (found.Participle) add(found.Participle, lemma, 'past');
    add(found.PresentTense ?? fallback.present, lemma, 'present');
    add(found.Gerund?.split(' ')[0].endsWith('ing') ? found.Gerund : fallback.gerund, lemma, 'participle');
    // compromise misses some regular forms ("snapping"): the regular ones too, where they differ.
    add(fallback.past, lemma, 'past');
    add(fallback.present, lemma, 'present');
    add(fallback.gerund, lemma, 'participle');
  }
  return Object.fromEntries(Object.entries(forms).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function lexiconWords(...tags) {
  const lexicon = nlp.world().model.one.lexicon;
  return Object.entries(lexicon)
    .filter(([, value]) => [].concat(value).some((tag) => tags.includes(tag)))
    .map(([word]) => word)
    .sort();
}

export function buildLexicon() {
  return {
    source: `compromise ${nlp.version}`,
    speechVerbs: speechVerbs(),
    firstNames: { female: lexiconWords('FemaleName'), male: lexiconWords('MaleName') },
    honorifics: lexiconWords('Honorific'),
    places: lexiconWords('City', 'Country', 'Region', 'Place'),
    organisations: lexiconWords('Organization', 'SportsTeam'),
  };
}

/** The file's text: one entry a line, in a stable order, so an update is a readable diff. */
export function lexiconText() {
  return `${JSON.stringify(buildLexicon(), null, 1)}\n`;
}

export const LEXICON_FILE = OUT;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = lexiconText();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(OUT, 'utf8');
    } catch {}
    if (committed !== text) {
      console.error('lexicon: src/scan/generated/lexicon.json is out of date: run `npm run lexicon`');
      process.exit(1);
    }
    console.log('lexicon: up to date');
  } else {
    mkdirSync(join(import.meta.dirname, 'generated'), { recursive: true });
    writeFileSync(OUT, text);
  }
}
