import type { Entity } from '../resolve/entities.js';
import type { Cue } from '../resolve/speakers.js';
import { speechTime } from '../resolve/time.js';
import type { Check, CheckContext, DraftFinding } from './check.js';
import type { ResolvedArticle } from '../resolve/article.js';
import { tally } from '../util/work.js';

/** A quote or present-tense speech attributed to someone who died before the article's date. */
export const deceasedSpeaker: Check = {
  kind: 'deceased-speaker',
  needsDate: true,
  options: {},
  messageParams: ['what', 'person', 'died', 'date'],
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

/** "once said", "had said", "said in 1998", "recalled": words from the past, not news (resolve/time.ts decides). */
function isHistorical(article: ResolvedArticle, cue: Cue, context: CheckContext): boolean {
  return context.date !== null && speechTime(article, cue.start, context.date).time === 'past';
}
