import type { Entity } from '../resolve/entities.js';
import { firstTokenAtOrAfter, type Cue } from '../resolve/speakers.js';
import type { Token } from '../scan/tokens.js';
import { yearOf } from '../util/dates.js';
import type { Check, CheckContext, DraftFinding, ResolvedArticle } from './check.js';
import { tally } from '../util/work.js';

const HISTORICAL_MARKERS = new Set([
  'once',
  'famously',
  'had',
  'recalled',
  'used',
  'ago',
  'lifetime',
  'death',
  'memoir',
  'memoirs',
  'diary',
  'diaries',
  'archive',
  'archives',
  'then',
]);

/** A quote or present-tense speech attributed to someone who died before the article's date. */
export const deceasedSpeaker: Check = {
  kind: 'deceased-speaker',
  needsDate: true,
  defaultOptions: {},
  run(article, context) {
    const findings: DraftFinding[] = [];
    const seen = new Set<number>();
    for (const quote of article.quotes) {
      tally();
      const speaker = quote.speaker;
      if (!speaker?.entity || speaker.via === 'continuation' || seen.has(speaker.start)) continue;
      const finding = deadSpeaker(speaker.entity, speaker.start, speaker.end, 'A quote', context);
      if (finding && !(speaker.cue && isHistorical(article, speaker.cue, context))) {
        findings.push(finding);
        seen.add(speaker.start);
      }
    }
    for (const act of article.speech) {
      tally();
      if (act.cue.tense !== 'present' || !act.entity || seen.has(act.mention.start)) continue;
      const finding = deadSpeaker(
        act.entity,
        act.mention.start,
        act.mention.end,
        `Present-tense “${act.cue.text}”`,
        context,
      );
      if (finding) {
        findings.push(finding);
        seen.add(act.mention.start);
      }
    }
    return findings;
  },
};

function deadSpeaker(
  entity: Entity,
  start: number,
  end: number,
  what: string,
  context: CheckContext,
): DraftFinding | null {
  const { table, date } = context;
  const person = entity.personId ? table.people.get(entity.personId) : undefined;
  if (!date || !person?.died || person.died.end >= date.start) return null;
  return {
    start,
    end,
    params: { what, person: person.name, died: person.diedText ?? '', date: context.dateText },
    personId: person.id,
    diedPersonId: person.id,
    evidence: [],
  };
}

/** "once said", "had said", "said in 1998", "recalled": a quote from the past, not news. */
function isHistorical(article: ResolvedArticle, cue: Cue, context: CheckContext): boolean {
  const index = firstTokenAtOrAfter(article.tokens, cue.start);
  const window = article.tokens.slice(Math.max(0, index - 3), index + 8);
  const articleYear = context.date ? yearOf(context.date.start) : null;
  return window.some(
    (t: Token) =>
      HISTORICAL_MARKERS.has(t.key) ||
      (articleYear !== null && /^(1[89]|20)\d\d$/.test(t.text) && Number(t.text) < articleYear),
  );
}
