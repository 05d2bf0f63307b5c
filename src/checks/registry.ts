import type { Check } from './check.js';
import { deceasedSpeaker } from './deceased-speaker.js';
import { nameConsistency } from './name-consistency.js';
import { partyState } from './party-state.js';
import { quoteAttribution } from './quote-attribution.js';
import { tableCurrency } from './table-currency.js';
import { titleHolder } from './title-holder.js';
import { unintroducedSpeaker } from './unintroduced-speaker.js';
import { unknownOffice } from './unknown-office.js';

/** Every check kind, by the `kind:` rules name. */
export const CHECKS: ReadonlyMap<string, Check> = new Map(
  [
    titleHolder,
    quoteAttribution,
    deceasedSpeaker,
    nameConsistency,
    unintroducedSpeaker,
    unknownOffice,
    tableCurrency,
    partyState,
  ].map((check) => [check.kind, check]),
);
