// The party-state rule on real copy: PolNeAR train+dev (dated by file name). Finds the tags after
// names with its own pattern (", R-Texas,", "(D-N.Y.)", ", Republican of Iowa,"), counts those after
// a person the table has in a state's office (Congress, governor) on the date, lists every
// party-state finding on the clean text (each should be a real error or a table problem), then
// plants a wrong party and a wrong state in each judged tag and counts how many are flagged.
//
// Usage: node test/eval/party-state.mjs [--show N]   (N missed plants to print; default 10)
// Needs ../shared (skips with a message when absent) and a built dist/ (npm run build).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findShared, polnear } from './lib/shared.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 10;
const shared = findShared(root);
if (!shared) {
  console.log('party-state eval: ../shared is absent, so there is no PolNeAR to measure on; skipping.');
  process.exit(0);
}
const { analyze, loadReference } = await import(join(root, 'dist/index.js'));
const reference = loadReference();
const { table } = reference;

const STATE_CODES = new Map();
for (const [code, names] of table.countries) {
  if (!/^US-[A-Z]{2}$/.test(code)) continue;
  for (const name of [...names, code.slice(3)]) STATE_CODES.set(name.replace(/\.$/, ''), code);
}
const STATE = `(?:${[...STATE_CODES.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/[.]/g, '\\.?'))
  .join('|')})\\.?`;
const TAG = new RegExp(
  `(?<=[(,] ?)(?:(?<letter>[DRI])-(?<short>${STATE})(?=[),.;]|,? )|(?:an? )?(?<word>Democrat|Republican|[Ii]ndependent) (?:of|from) (?<long>${STATE})(?=[,.;)]))`,
  'g',
);
const SWAP = { D: 'R', R: 'D', I: 'R' };
const WORD_SWAP = { democrat: 'Republican', republican: 'Democrat', independent: 'Republican' };
const day = (text) => Math.round(Date.parse(text) / 86_400_000);

/** The person whose name ends right before the tag, if the article resolved one. */
function personBefore(article, offset) {
  let best = null;
  for (const mention of article.mentions) if (mention.end <= offset && offset - mention.end <= 4) best = mention;
  return best ? (article.entities[best.entity]?.personId ?? null) : null;
}

function inStateOffice(personId, date) {
  const at = day(date);
  return (table.termsByPerson.get(personId) ?? []).some(
    (t) =>
      /^US-[A-Z]{2}$/.test(table.offices.get(t.officeId)?.country ?? '') && t.range.start <= at && t.range.end >= at,
  );
}

const flaggedAt = (report, offset) =>
  report.findings.some((f) => f.ruleId === 'party-state' && Math.abs(f.offset - offset) <= 2);

const counts = { articles: 0, tags: 0, afterTablePerson: 0, judged: 0, flaggedClean: 0 };
const planted = { party: [0, 0], state: [0, 0] };
const misses = [];
for (const article of polnear(shared)) {
  counts.articles++;
  const { report, article: resolved } = analyze(article.text, { reference, date: article.date, format: 'text' });
  for (const f of report.findings.filter((x) => x.ruleId === 'party-state')) {
    counts.flaggedClean++;
    console.log(`flagged ${article.split}/${article.name}:${f.line}: ${f.message}`);
  }
  for (const match of article.text.matchAll(TAG)) {
    counts.tags++;
    const personId = personBefore(resolved, match.index);
    if (!personId) continue;
    counts.afterTablePerson++;
    if (!inStateOffice(personId, article.date)) continue;
    counts.judged++;
    const { letter, word, short, long } = match.groups;
    const stateText = short ?? long;
    const party = letter
      ? `${SWAP[letter]}${match[0].slice(1)}`
      : match[0].replace(word, WORD_SWAP[word.toLowerCase()]);
    const other = STATE_CODES.get(stateText.replace(/\.$/, '')) === 'US-TX' ? 'Ohio' : 'Texas';
    const state = `${match[0].slice(0, match[0].length - stateText.length)}${other}`;
    for (const [kind, text] of [
      ['party', party],
      ['state', state],
    ]) {
      const mutated = article.text.slice(0, match.index) + text + article.text.slice(match.index + match[0].length);
      const result = analyze(mutated, { reference, date: article.date, format: 'text' }).report;
      planted[kind][0]++;
      if (flaggedAt(result, match.index)) planted[kind][1]++;
      else misses.push(`${kind}: ${article.name}: “${match[0]}” → “${text}”`);
    }
  }
}
console.log(counts);
for (const [kind, [total, caught]] of Object.entries(planted))
  console.log(`planted wrong ${kind}: ${caught}/${total} flagged`);
for (const miss of misses.slice(0, show)) console.log(`missed ${miss}`);
