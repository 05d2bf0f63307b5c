// factlint evaluation on real news (issues 15 and 16): recall on planted errors per kind, false
// alarms on clean articles, attribution accuracy against PolNeAR gold, and how much of real copy's
// "title + name" claims the shipped table covers.
//
// Usage: node test/eval/eval.mjs [--table shipped|full|both] [--misses N] [--per-corpus N] [--seed N]
//   --table      shipped (default): the table users get; full: shipped + IfG, congress-legislators and
//                every-politician imports (not shipped); both: one after the other.
//   --misses N   print N missed plants per kind (seeded sample), N wrong speakers and N frequent false alarms.
//   --per-corpus synthetic plants per kind per corpus (default 100); natural sites are capped at 3× that.
// Errors are planted at sites the evaluation's own matcher finds (test/eval/lib/matcher.mjs) and in new
// sentences from test/eval/templates.mjs, never at sites factlint reports. Needs ../shared (skips with a
// message when absent) and a built dist/ (npm run build). JSON in test/eval/results/ (git-ignored).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoverageMatcher, measureCoverage } from './lib/coverage.mjs';
import { evaluateAttribution } from './lib/gold.mjs';
import { findAttributionSites, findCorrectClaims, paragraphsOf } from './lib/matcher.mjs';
import { KINDS, Planter } from './lib/plant.mjs';
import { streamFor } from './lib/random.mjs';
import { scoreMutation, summarise } from './lib/score.mjs';
import { bbcPolitics, findShared, importFullTables, polnear } from './lib/shared.mjs';
import { rangeOf, TableIndex } from './lib/table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const tableChoice = option('--table', 'shipped');
const showMisses = Number(option('--misses', 0));
const perCorpus = Number(option('--per-corpus', 100));
const seed = Number(option('--seed', 20261207));
if (!['shipped', 'full', 'both'].includes(tableChoice)) {
  console.error('eval: --table is shipped, full or both');
  process.exit(2);
}

const shared = findShared(root);
if (!shared) {
  console.log('eval: ../shared is absent, so there are no corpora to evaluate on (they are not shipped); skipping.');
  process.exit(0);
}
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('eval: dist/index.js is missing: run `npm run build` first.');
  process.exit(2);
}
const { analyze, loadReference } = await import(join(root, 'dist/index.js'));

const TARGETS = {
  controlFlagged: 0.01,
  recall: 0.95,
  errorsPer100: 0.5,
  speaker: 0.93,
  pronoun: 0.95,
  coverage: 0.9,
  unknownOffice: 0.1,
};
const CORPORA = { bbc: 'BBC politics 2004-05', polnear: 'PolNeAR train+dev' };
const NONE = {
  'd-sen-party-state': '(none planted: no US-XX office titled "Sen." with holders at other times)',
  'd-state-gov': '(none planted: no US-XX office titled "Gov."/"Governor" with holders at other times)',
};

const started = Date.now();
const articles = [...bbcPolitics(shared), ...polnear(shared)].map((a) => ({ ...a, curly: /[“”]/.test(a.text) }));

// ---------------------------------------------------------------- one table

function evaluateTable(name, reference) {
  const t0 = Date.now();
  const index = new TableIndex(reference.table);
  const analyzeText = (text, article) =>
    analyze(text, { reference, date: article.date, format: 'text', filename: article.name }).report;
  const clean = new Map(articles.map((a) => [a, analyzeText(a.text, a)]));
  const flaggedAt = (article, start, end) =>
    clean.get(article).findings.some((f) => f.severity !== 'info' && f.offset < end && start < f.offset + f.length);

  const contexts = articles.map((article) => {
    const range = rangeOf(article.date);
    const paragraphs = paragraphsOf(article.text);
    return {
      article,
      range,
      paragraphs,
      sites: findCorrectClaims(article.text, index, range).filter((s) => !flaggedAt(article, s.start, s.end)),
      attributionSites: findAttributionSites(article.text, index, paragraphs).filter(
        (s) => !flaggedAt(article, s.start, s.end),
      ),
    };
  });

  const planter = new Planter(index, { seed, perCorpus });
  const natural = capNatural([
    ...planter.natural(contexts),
    ...planter.neverHeldNatural(contexts),
    ...planter.attributionNatural(contexts),
  ]);
  const synthetic = [
    ...planter.neverHeldSynthetic(contexts),
    ...planter.positions(contexts),
    ...planter.forms(contexts),
    ...planter.attributionSynthetic(contexts),
    ...planter.controls(contexts),
  ];
  const cache = new Map();
  const scored = [...natural, ...synthetic].map((mutation) => {
    const key = `${mutation.article.file}|${mutation.edit.start}|${mutation.edit.end}|${mutation.edit.text}|${mutation.family}`;
    if (!cache.has(key)) cache.set(key, scoreMutation(mutation, analyzeText, clean.get(mutation.article)));
    return { mutation, result: cache.get(key) };
  });
  const rows = summarise(KINDS, scored);
  const alarms = Object.keys(CORPORA).map((corpus) =>
    falseAlarms(
      corpus,
      articles.filter((a) => a.corpus === corpus),
      clean,
    ),
  );
  const attribution = evaluateAttribution(
    articles.filter((a) => a.corpus === 'polnear'),
    (a) => clean.get(a),
  );
  return {
    table: name,
    offices: reference.table.offices.size,
    people: reference.table.people.size,
    analyses: articles.length + cache.size,
    rows,
    alarms,
    attribution,
    clean,
    seconds: (Date.now() - t0) / 1000,
  };
}

/** Natural sites are many for some kinds (President Barack Obama): a seeded sample per kind and corpus. */
function capNatural(mutations) {
  const rnd = streamFor(seed, 'cap-natural');
  const groups = new Map();
  for (const m of mutations) {
    const key = `${m.kind}|${m.article.corpus}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].flatMap((list) => rnd.sample(list, perCorpus * 3));
}

function falseAlarms(corpus, list, clean) {
  const counts = { errors: 0, warnings: 0 };
  const frequent = new Map();
  for (const article of list) {
    for (const f of clean.get(article).findings) {
      if (f.severity === 'info') continue;
      counts[f.severity === 'error' ? 'errors' : 'warnings']++;
      const key = `${f.severity} ${f.ruleId}: ${f.text}`;
      const entry = frequent.get(key) ?? {
        count: 0,
        example: `${basename(article.file)}:${f.line}: ${f.message.slice(0, 150)}`,
      };
      entry.count++;
      frequent.set(key, entry);
    }
  }
  return {
    corpus,
    articles: list.length,
    ...counts,
    errorsPer100: (100 * counts.errors) / list.length,
    warningsPer100: (100 * counts.warnings) / list.length,
    frequent: [...frequent.entries()]
      // Errors first (the target is about them), then the most frequent.
      .sort(
        (a, b) =>
          Number(b[0].startsWith('error')) - Number(a[0].startsWith('error')) ||
          b[1].count - a[1].count ||
          a[0].localeCompare(b[0]),
      )
      .slice(0, 15)
      .map(([finding, v]) => ({ finding, ...v })),
  };
}

// ---------------------------------------------------------------- output

const pct = (x, digits = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(digits).padStart(4 + digits)}%`;
const rate = (part, whole) => (whole ? part / whole : null);
const mark = (x, target, atMost = false) => (x === null ? ' ' : (atMost ? x <= target : x >= target) ? '✓' : '✗');

function printRecall(result) {
  const header =
    `${'kind'.padEnd(42)} │ ${'BBC politics'.padEnd(21)} │ ${'PolNeAR train+dev'.padEnd(21)} │ ` +
    `${'all'.padEnd(21)} │ ${'natural / synthetic n'.padEnd(21)} │ target`;
  const sub = `${''.padEnd(42)} │ ${'n'.padStart(4)}    err   warn │ ${'n'.padStart(4)}    err   warn │ ${'n'.padStart(4)}    err   warn │ ${''.padEnd(21)} │`;
  console.log(header);
  console.log(sub);
  console.log('─'.repeat(header.length + 4));
  const cell = (c) => `${String(c.n).padStart(4)} ${pct(rate(c.errors, c.n))} ${pct(rate(c.warnings, c.n))}`;
  const kinds = result.rows.filter((r) => !r.control);
  for (const row of kinds) {
    const split = `${row.natural.n} (${pct(rate(row.natural.errors, row.natural.n)).trim()}) / ${row.synthetic.n} (${pct(rate(row.synthetic.errors, row.synthetic.n)).trim()})`;
    const recall = rate(row.errors, row.n);
    console.log(
      `${row.label.padEnd(42)} │ ${cell(row.byCorpus.bbc)} │ ${cell(row.byCorpus.polnear)} │ ${cell(row)} │ ${split.padEnd(21)} │ err ≥ 95% ${row.n ? mark(recall, TARGETS.recall) : (NONE[row.kind] ?? '(none planted)')}`,
    );
  }
  const all = kinds.reduce(
    (s, r) => ({ n: s.n + r.n, errors: s.errors + r.errors, warnings: s.warnings + r.warnings }),
    {
      n: 0,
      errors: 0,
      warnings: 0,
    },
  );
  console.log('─'.repeat(header.length + 4));
  console.log(
    `${'all kinds'.padEnd(42)} │ ${''.padEnd(21)} │ ${''.padEnd(21)} │ ${String(all.n).padStart(4)} ${pct(rate(all.errors, all.n))} ${pct(rate(all.warnings, all.n))} │`,
  );
  for (const row of result.rows.filter((r) => r.control)) {
    const flagged = rate(row.errors, row.n);
    console.log(
      `${row.label.padEnd(42)} │ ${cell(row.byCorpus.bbc)} │ ${cell(row.byCorpus.polnear)} │ ${cell(row)} │ ${''.padEnd(21)} │ err ≤ 1% ${row.n ? mark(flagged, TARGETS.controlFlagged, true) : '(none planted)'}`,
    );
  }
  console.log(
    'err = caught by an error-level finding of the expected rules on the planted span; warn = caught only at warning level.\n' +
      'Controls plant the right holder or speaker in the same sentences: there err and warn are false alarms.',
  );
  const elsewhere = result.rows.reduce((s, r) => s + r.elsewhere, 0);
  console.log(`new findings elsewhere in the planted articles (not on the planted span): ${elsewhere}`);
}

function printOthers(result) {
  console.log('\nFalse alarms on clean articles (non-info findings):');
  for (const a of result.alarms) {
    console.log(
      `  ${CORPORA[a.corpus].padEnd(22)} ${String(a.articles).padStart(4)} articles: errors ${a.errorsPer100.toFixed(2).padStart(5)} per 100 (${a.errors}) ${mark(a.errorsPer100, TARGETS.errorsPer100, true)} target ≤ 0.5; warnings ${a.warningsPer100.toFixed(2).padStart(5)} per 100 (${a.warnings})`,
    );
  }
  for (const a of result.alarms) {
    if (a.frequent.length === 0) continue;
    console.log(`  most frequent, ${CORPORA[a.corpus]}:`);
    for (const f of a.frequent.slice(0, showMisses ? Math.max(8, showMisses) : 8))
      console.log(
        `    ${String(f.count).padStart(3)}  ${f.finding}${showMisses ? `\n         e.g. ${f.example}` : ''}`,
      );
  }
  const at = result.attribution;
  console.log(
    `\nAttribution on PolNeAR train+dev gold (${at.articles} articles, ${at.gold} fully quoted gold quotes):`,
  );
  console.log(`  direct-quote recall          ${pct(at.quoteRecall, 2)}  (${at.found}/${at.gold})`);
  console.log(
    `  speaker accuracy             ${pct(at.speakerAccuracy, 2)}  (${at.speakerRight}/${at.withSource})  ${mark(at.speakerAccuracy, TARGETS.speaker)} target ≥ 93%`,
  );
  console.log(
    `  pronoun-speaker subset       ${pct(at.pronounAccuracy, 2)}  (${at.pronounRight}/${at.pronounGold})  ${mark(at.pronounAccuracy, TARGETS.pronoun)} target ≥ 95%`,
  );
}

function printCoverage(coverage) {
  console.log('\nCoverage of the shipped table (issue 16), claims found with test/eval/news-titles.mjs:');
  for (const [corpus, c] of Object.entries(coverage)) {
    console.log(
      `  ${CORPORA[corpus].padEnd(22)} ${String(c.claims).padStart(5)} title+name claims, ${pct(c.share)} map to a shipped office ${mark(c.share, TARGETS.coverage)} target ≥ 90%`,
    );
    console.log(
      `  ${''.padEnd(22)} left out: ${c.modified} after former/shadow/deputy/acting…, ${c.organisation} generic titles lowercase or after an organisation's name ("Amnesty director")`,
    );
  }
  for (const [corpus, c] of Object.entries(coverage)) {
    if (c.verdicts) {
      const counts = Object.entries(c.verdicts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      console.log(
        `  report.claims, ${CORPORA[corpus]}: ${c.reportClaims} claims, unknown-office ${pct(c.unknownOfficeShare)} ${mark(c.unknownOfficeShare, TARGETS.unknownOffice, true)} target ≤ 10% (${counts})`,
      );
    } else
      console.log(
        `  report.claims, ${CORPORA[corpus]}: not in factlint's JSON report yet; unknown-office share not measured.`,
      );
  }
  for (const [corpus, c] of Object.entries(coverage)) {
    console.log(`  top unmatched titles, ${CORPORA[corpus]} (title [country], count, example):`);
    for (const u of c.topUnmatched)
      console.log(`    ${String(u.count).padStart(4)}  ${u.title.padEnd(40)} ${u.example}`);
  }
}

function printMisses(result) {
  if (!showMisses) return;
  console.log(`\nMisses (a seeded sample of ${showMisses} per kind; [ ] marks the planted span):`);
  for (const row of result.rows) {
    if (row.misses.length === 0) continue;
    console.log(
      row.control
        ? `  ${row.label} — ${row.misses.length} right claims flagged at error level (false alarms):`
        : `  ${row.label} — ${row.misses.length} not caught at error level:`,
    );
    const rnd = streamFor(seed, `misses-${row.kind}`);
    for (const m of rnd.sample(row.misses, showMisses))
      console.log(`    ${m.file} (${m.source}) ${m.note}; got: ${m.got}\n      ${m.context}`);
  }
  console.log('\nWrong speakers (PolNeAR gold):');
  const rnd = streamFor(seed, 'wrong-speakers');
  for (const w of rnd.sample(result.attribution.wrongSpeakers, showMisses))
    console.log(`    ${w.file}: ${w.quote} | gold: ${w.gold} | got: ${w.got}`);
}

// ---------------------------------------------------------------- run

const tables = [];
if (tableChoice !== 'full') tables.push(['shipped', () => loadReference()]);
if (tableChoice !== 'shipped') tables.push(['full', () => loadReference({ paths: importFullTables(root, shared) })]);

const results = [];
for (const [name, load] of tables) results.push(evaluateTable(name, load()));

const shippedResult = results.find((r) => r.table === 'shipped');
let coverage = null;
if (shippedResult) {
  const matcher = new CoverageMatcher(loadReference().table);
  coverage = Object.fromEntries(
    Object.keys(CORPORA).map((corpus) => [
      corpus,
      measureCoverage(
        matcher,
        articles.filter((a) => a.corpus === corpus),
        (a) => shippedResult.clean.get(a),
      ),
    ]),
  );
}

const seconds = (Date.now() - started) / 1000;
for (const result of results) {
  const what =
    result.table === 'shipped'
      ? 'the SHIPPED table (rules/reference, what users get)'
      : 'the FULL table (shipped + IfG, congress-legislators and every-politician imports, not shipped)';
  console.log(
    `\nfactlint evaluation with ${what}: ${result.offices} offices, ${result.people} people; ` +
      `${articles.filter((a) => a.corpus === 'bbc').length} BBC politics + ${articles.filter((a) => a.corpus === 'polnear').length} PolNeAR articles; seed ${seed}\n`,
  );
  printRecall(result);
  printOthers(result);
  if (result.table === 'shipped' && coverage) printCoverage(coverage);
  printMisses(result);
  console.log(`\n(${result.seconds.toFixed(1)} s and ${result.analyses} analyses for the ${result.table} table)`);
}

const out = join(root, 'test/eval/results');
mkdirSync(out, { recursive: true });
const json = {
  date: new Date().toISOString(),
  seed,
  perCorpus,
  seconds,
  targets: TARGETS,
  tables: results.map(({ clean, ...r }) => ({
    ...r,
    rows: r.rows.map((row) => ({ ...row, misses: row.misses.slice(0, 40) })),
    attribution: {
      ...r.attribution,
      misses: r.attribution.misses.slice(0, 40),
      wrongSpeakers: r.attribution.wrongSpeakers.slice(0, 80),
    },
  })),
  coverage,
};
const file = join(out, `latest-${tableChoice}.json`);
writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
console.log(`\n(${seconds.toFixed(1)} s in all; JSON in ${file.slice(root.length + 1)})`);
