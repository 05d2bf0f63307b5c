import type { Table } from '../reference/table.js';
import type { Check, DraftFinding } from './check.js';
import { judgeClaims, type FindingKind, type Judgement } from './claims.js';

/**
 * "Title Name" where Name did not hold that office on the article's date (see claims.ts
 * for how each claim is judged). A rule of this kind reports one class of judged claims,
 * its option `when`: `present` (the claim is about the article's date, or names an office
 * the person never held: an error), `unclear` (the sentence hints at the past without
 * saying when: a warning), `unknown-person` (a name the table does not know, with a title
 * whose holder on that date it does).
 */
export const titleHolder: Check = {
  kind: 'title-holder',
  needsDate: true,
  options: {
    when: {
      enum: ['present', 'unclear', 'unknown-person'],
      default: 'present',
      description: 'which judged claims this rule reports: present, unclear or unknown-person',
    },
  },
  messageParams: ['claim', 'person', 'office', 'title', 'date', 'explanation'],
  run(article, context) {
    const kind = context.options.when as FindingKind;
    return judgeClaims(article, context)
      .filter((j) => j.kind === kind)
      .map((j) => draftOf(j, context.dateText, context.table));
  },
};

function draftOf(judgement: Judgement, dateText: string, table: Table): DraftFinding {
  const { claim, office, personId } = judgement;
  const person = personId ? (table.people.get(personId)?.name ?? personId) : claim.mention.text;
  const late = claim.modifier === 'late';
  return {
    start: claim.mention.start,
    end: claim.mention.end,
    params: {
      claim: late ? `the late ${claim.mention.text}` : claim.text,
      person,
      office: office?.name ?? '',
      title: claim.titleText,
      date: dateText,
      explanation: judgement.explanation,
    },
    ...(personId ? { personId } : {}),
    ...(office ? { officeId: office.id } : {}),
    ...(late && personId ? { diedPersonId: personId } : {}),
    suggestions: judgement.suggestions,
    evidence: judgement.evidence,
  };
}
