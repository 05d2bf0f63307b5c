import type { ResolvedArticle } from '../resolve/article.js';
import type { TitleClaim } from '../scan/titles.js';
import type { Check } from './check.js';
import { judgeClaims } from './claims.js';

/**
 * A title claim the table cannot check because it has no office with that title there
 * (verdict `unknown-office`): off by default; a newsroom that wants every unchecked title
 * seen turns it on as `info`.
 */
export const unknownOffice: Check = {
  kind: 'unknown-office',
  needsDate: true,
  options: {},
  messageParams: ['claim', 'title', 'reason'],
  run(article, context) {
    return judgeClaims(article, context)
      .filter((j) => j.verdict === 'unknown-office')
      .map(({ claim, explanation }) => {
        const start = Math.min(claim.start, claim.mention.start);
        const end = Math.max(claim.end, claim.mention.end);
        return {
          start,
          end,
          params: { claim: article.text.slice(start, end), title: titleAsWritten(article, claim), reason: explanation },
          evidence: [],
        };
      });
  },
};

/**
 * The title words with their modifier and country words ("Deputy Secretary of State", "Lt. Gov."), as the
 * article writes them; before a name, a full stop right after the title ends its abbreviation.
 */
function titleAsWritten(article: ResolvedArticle, claim: TitleClaim): string {
  const first = article.tokens[claim.claimStart];
  const last = article.tokens[claim.claimEnd - 1];
  if (!first || !last) return claim.titleText;
  const stop = claim.form === 'before-name' && article.text[last.end] === '.' ? 1 : 0;
  return article.text.slice(first.start, last.end + stop);
}
