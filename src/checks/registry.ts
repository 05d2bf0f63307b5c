import type { Check } from './check.js';
import { deceasedSpeaker } from './deceased-speaker.js';
import { nameConsistency } from './name-consistency.js';
import { partyState } from './party-state.js';
import { quoteAttribution } from './quote-attribution.js';
import { titleHolder } from './title-holder.js';
import { unintroducedSpeaker } from './unintroduced-speaker.js';

/** Every check kind, by the `kind:` rules name. */
export const CHECKS: ReadonlyMap<string, Check> = new Map(
  [titleHolder, quoteAttribution, deceasedSpeaker, nameConsistency, unintroducedSpeaker, partyState].map((check) => [
    check.kind,
    check,
  ]),
);
