import { PEERAGE } from '../scan/lexicon.js';
import type { Check, DraftFinding } from './check.js';
import { tally } from '../util/work.js';

/** A quote attributed by surname alone to someone the article never names in full. */
export const unintroducedSpeaker: Check = {
  kind: 'unintroduced-speaker',
  needsDate: false,
  options: {},
  messageParams: ['speaker', 'detail'],
  run(article, context) {
    const findings: DraftFinding[] = [];
    const judged = new Set<number>();
    tally(article.claims.length);
    const titled = new Set(article.claims.map((c) => c.mention.entity));
    for (const quote of article.quotes) {
      tally();
      const speaker = quote.speaker;
      if (!speaker?.bySurname || speaker.via !== 'explicit' || !speaker.entity || judged.has(speaker.entity.id))
        continue;
      const entity = speaker.entity;
      if (entity.introduction) continue;
      // Each entity is judged once, whether or not it is flagged.
      judged.add(entity.id);
      const peer = entity.mentions.some((m) => m.honorific !== null && PEERAGE.has(m.honorific));
      if (titled.has(entity.id) || peer) continue;
      const person = entity.personId ? context.table.people.get(entity.personId) : undefined;
      findings.push({
        start: speaker.start,
        end: speaker.end,
        params: {
          speaker: article.text.slice(speaker.start, speaker.end),
          detail: person ? ` (the reference table knows ${person.name})` : '',
        },
        ...(person ? { personId: person.id } : {}),
        suggestions: person
          ? [
              {
                start: speaker.start,
                end: speaker.end,
                text: person.name,
                safe: false,
                description: `introduce the speaker as ${person.name}`,
              },
            ]
          : [],
        evidence: [],
      });
    }
    return findings;
  },
};
