/** Verbs that attribute speech, in every inflection, with their tense. */

export interface SpeechVerb {
  lemma: string;
  /** `base` ("say") and `participle` ("saying") are not finite: they need context to be a cue. */
  tense: 'present' | 'past' | 'participle' | 'base';
}

const REGULAR = `
  add warn insist argue claim note explain continue suggest state declare announce ask reply respond answer remark
  comment observe acknowledge admit agree concede contend maintain recall report quip joke sigh grumble complain
  lament boast predict promise vow urge caution stress emphasise emphasize tweet post shout yell scream whisper
  murmur mutter exclaim testify confirm deny assert counter retort conclude describe call repeat reiterate allege
  accuse charge fume scoff snap thunder affirm estimate recount pledge signal characterise characterize proclaim
  opine muse wonder point cry plead demand concur interject chime interrupt declare tell chant sing tweet
`;

const IRREGULAR: Record<string, string[]> = {
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  speak: ['spoke', 'spoken'],
};

const NOT_VERBS = new Set([
  'states',
  'calls',
  'posts',
  'reports',
  'notes',
  'claims',
  'charges',
  'promises',
  'signals',
  'rules',
  'points',
  'answers',
  'comments',
  'remarks',
  'demands',
  'pledges',
  'estimates',
  'counters',
]);

function inflect(base: string): { present: string[]; past: string[]; participle: string[] } {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const doubled = /^(snap|quip|chat)$/.test(base) ? `${base}${base.slice(-1)}` : base;
  const y = base.endsWith('y') && !/[aeiou]y$/.test(base);
  const present = y ? [`${base.slice(0, -1)}ies`] : /(s|sh|ch|x|z)$/.test(base) ? [`${base}es`] : [`${base}s`];
  const past = y ? [`${base.slice(0, -1)}ied`] : base.endsWith('e') ? [`${base}d`] : [`${doubled}ed`];
  return { present, past, participle: [`${stem}ing`, `${doubled}ing`] };
}

function buildTable(): Map<string, SpeechVerb> {
  const table = new Map<string, SpeechVerb>();
  const add = (form: string, lemma: string, tense: SpeechVerb['tense']) => {
    if (!table.has(form)) table.set(form, { lemma, tense });
  };
  for (const base of new Set(REGULAR.trim().split(/\s+/))) {
    if (IRREGULAR[base]) continue;
    const forms = inflect(base);
    for (const f of forms.past) add(f, base, 'past');
    for (const f of forms.present) add(f, base, 'present');
    for (const f of forms.participle) add(f, base, 'participle');
    add(base, base, 'base');
  }
  for (const [base, pasts] of Object.entries(IRREGULAR)) {
    const forms = inflect(base);
    for (const f of pasts) add(f, base, 'past');
    for (const f of forms.present) add(f, base, 'present');
    add(`${base.replace(/e$/, '')}ing`, base, 'participle');
    add(base, base, 'base');
  }
  return table;
}

const VERBS = buildTable();

/** Every form of every speech verb. */
export function speechVerbForms(): Iterable<string> {
  return VERBS.keys();
}

export function speechVerb(key: string): SpeechVerb | null {
  return VERBS.get(key) ?? null;
}

/** Verbs that attribute a quote only after it ("“…,” he continued"), never before. */
export const TRAILING_ONLY = new Set(['continue', 'conclude', 'counter', 'interrupt', 'chime']);

/** Present-tense forms that are far more often nouns ("the states", "reports"): not a cue on their own. */
export function isAmbiguousNounForm(key: string): boolean {
  return NOT_VERBS.has(key);
}
