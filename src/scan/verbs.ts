/**
 * Verbs that attribute speech, in every inflection, with their tense. The forms come from
 * compromise's conjugations, compiled at build time (src/scan/build-lexicon.mjs); phrasal
 * verbs ("shot back", "blurted out") are looked up by their first word and their particle.
 */
import lexicon from './generated/lexicon.json' with { type: 'json' };

export interface SpeechVerb {
  lemma: string;
  /** `base` ("say") and `participle` ("saying") are not finite: they need context to be a cue. */
  tense: 'present' | 'past' | 'participle' | 'base';
}

/** Present-tense forms that are far more often nouns ("the states", "reports"): not a cue on their own. */
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
  'texts',
  'emails',
  'tweets',
  'protests',
  'hints',
  'reveals',
  'disputes',
  'laughs',
  'sighs',
  'cries',
  'taunts',
  'rants',
  'jokes',
  'shouts',
  'gasps',
  'groans',
]);

const VERBS = new Map<string, SpeechVerb>();
/** First word of a phrasal form → particle → the verb ("shot" → "back" → shoot back, past). */
const PHRASAL = new Map<string, Map<string, SpeechVerb>>();

for (const [form, verb] of Object.entries(lexicon.speechVerbs as Record<string, SpeechVerb>)) {
  const space = form.indexOf(' ');
  if (space < 0) {
    VERBS.set(form, verb);
    continue;
  }
  const head = form.slice(0, space);
  const particles = PHRASAL.get(head) ?? new Map<string, SpeechVerb>();
  particles.set(form.slice(space + 1), verb);
  PHRASAL.set(head, particles);
}

/** Every word that is a speech verb or may start one ("shot" of "shot back"). */
export function speechVerbForms(): Iterable<string> {
  return [...VERBS.keys(), ...PHRASAL.keys()];
}

export function speechVerb(key: string): SpeechVerb | null {
  return VERBS.get(key) ?? null;
}

/** A phrasal speech verb whose first word is `key` and particle `next` ("shot" "back"). */
export function phrasalSpeechVerb(key: string, next: string): SpeechVerb | null {
  return PHRASAL.get(key)?.get(next) ?? null;
}

/** Verbs that attribute a quote only after it ("“…,” he continued"), never before. */
export const TRAILING_ONLY = new Set(['continue', 'conclude', 'counter', 'interrupt', 'chime', 'laugh', 'chuckle']);

/** Present-tense forms that are far more often nouns ("the states", "reports"): not a cue on their own. */
export function isAmbiguousNounForm(key: string): boolean {
  return NOT_VERBS.has(key);
}
