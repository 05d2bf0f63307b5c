import type { Office } from '../reference/table.js';
import { formatDay } from '../util/dates.js';
import { joinNames } from '../reference/query.js';
import { tally } from '../util/work.js';
import type { Check, DraftFinding } from './check.js';
import { judgeClaims, type Judgement } from './claims.js';

/**
 * Once per file: the article is dated after the day the table's facts about an office it
 * makes a claim about were last checked (`verifiedThrough`), so a change of holder since
 * is not known. Reported at the first such claim, naming every such office. A claim set in
 * the past (verdict `past`) is about a time the table covers and does not count.
 */
export const tableCurrency: Check = {
  kind: 'table-currency',
  needsDate: true,
  options: {},
  messageParams: ['verified', 'date'],
  run(article, context) {
    const stale = judgeClaims(article, context).filter(
      (j): j is Judgement & { office: Office } => j.staleSince !== null && j.office !== null && j.verdict !== 'past',
    );
    const first = stale[0];
    if (!first) return [];
    const { claim } = first;
    const finding: DraftFinding = {
      start: Math.min(claim.start, claim.mention.start),
      end: Math.max(claim.end, claim.mention.end),
      params: { verified: verifiedText(stale), date: context.dateText },
      officeId: first.office.id,
      evidence: [],
    };
    if (first.personId) finding.personId = first.personId;
    return [finding];
  },
};

/** "2026-04-30 for Chief Justice of the United States, and through 2026-06-10 for …", earliest day first. */
function verifiedText(stale: readonly (Judgement & { office: Office })[]): string {
  const officesByDay = new Map<number, Set<string>>();
  for (const { office, staleSince } of stale) {
    tally();
    const day = staleSince as number;
    const names = officesByDay.get(day) ?? new Set<string>();
    names.add(office.name);
    officesByDay.set(day, names);
  }
  return [...officesByDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, names]) => `${formatDay(day)} for ${joinNames([...names])}`)
    .join(', and through ');
}
