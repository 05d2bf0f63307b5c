// factlint evaluation on real news (issue 4): attribution accuracy against PolNeAR gold,
// false alarms on clean text, and recall on injected errors.
// Usage: node test/eval/eval.mjs [--split dev|train] [--misses N]
// Needs ../shared (skips with a message when absent) and a built dist/ (npm run build).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = join(root, '..', 'shared');
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
const showMisses = args.includes('--misses') ? Number(args[args.indexOf('--misses') + 1]) : 0;

if (!existsSync(shared)) {
  console.log('eval: ../shared is absent, so there are no corpora to evaluate on (they are not shipped); skipping.');
  process.exit(0);
}
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('eval: dist/index.js is missing: run `npm run build` first.');
  process.exit(2);
}
const { analyze, loadReference } = await import(join(root, 'dist/index.js'));

const POLNEAR = join(shared, 'data/corpora/polnear');
const BBC_POLITICS = join(shared, 'data/corpora/bbc-news-2004-2005/politics');
const OFFICEHOLDERS = join(shared, 'data/officeholders');

// ---------------------------------------------------------------- reference tables

function importTables() {
  const dir = mkdtempSync(join(tmpdir(), 'factlint-eval-tables-'));
  const imports = [
    ['csv', join(OFFICEHOLDERS, 'every-politician/us-cabinet-holders21.csv'), 'us-cabinet.yml', []],
    ['ifg', join(OFFICEHOLDERS, 'ifg'), 'uk-ministers.yml', []],
    [
      'congress',
      join(OFFICEHOLDERS, 'congress-legislators/executive.yaml'),
      'us-executive.yml',
      ['--as-of', '2026-11-26'],
    ],
  ];
  const paths = [];
  for (const [kind, source, file, extra] of imports) {
    const out = join(dir, file);
    const result = spawnSync(
      process.execPath,
      [join(root, 'dist/cli.js'), 'import', kind, source, '-o', out, ...extra],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`import ${kind} failed: ${result.stderr}`);
    paths.push(out);
  }
  return paths;
}

const importedPaths = importTables();
const fullReference = loadReference({ paths: importedPaths });

// ---------------------------------------------------------------- PolNeAR gold

/** Code-point offsets (brat) → UTF-16 offsets (JavaScript strings). */
function codePointToUtf16(text) {
  const map = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (cp) => map[cp] ?? unit;
}

function readGold(annFile, text) {
  const toUnit = codePointToUtf16(text);
  const spans = new Map();
  const relations = [];
  for (const line of readFileSync(annFile, 'utf8').split('\n')) {
    if (/^T\d+\t/.test(line)) {
      const [id, middle, surface] = line.split('\t');
      const [type, ...rest] = middle.split(' ');
      const fragments = rest
        .join(' ')
        .split(';')
        .map((part) => part.trim().split(/\s+/).map(Number))
        .map(([a, b]) => ({ start: toUnit(a), end: toUnit(b) }));
      spans.set(id, { type, fragments, surface });
    } else if (/^E\d+\t/.test(line)) {
      const parts = Object.fromEntries(
        line
          .split('\t')[1]
          .split(' ')
          .map((p) => p.split(':')),
      );
      relations.push(parts);
    }
  }
  return relations
    .map((r) => ({ content: spans.get(r.Content), source: spans.get(r.Source), cue: spans.get(r.Cue) }))
    .filter((r) => r.content);
}

/** A content span that is all inside quotation marks (punctuation aside). */
function isFullyQuoted(text, fragments) {
  return fragments.every(({ start, end }) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    const opens = text[s] === '“' || text[s] === '"' || text[s - 1] === '“' || text[s - 1] === '"';
    let close = e - 1;
    while (close > s && /[.,;:!?]/.test(text[close])) close--;
    const closes =
      text[close] === '”' ||
      text[close] === '"' ||
      text[e] === '”' ||
      text[e] === '"' ||
      (text[e] && /[.,]/.test(text[e]) && (text[e + 1] === '”' || text[e + 1] === '"'));
    if (!opens || !closes) return false;
    // Nothing unquoted in between: no closing mark followed by words before the next opening mark.
    const inner = text.slice(s, e);
    return !/[”"]\s*[,.]?\s+[a-z][^“"]*[“"]/.test(inner.slice(1, -1));
  });
}

const PRONOUN_SOURCES = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'him', 'her']);

function overlaps(a, b) {
  return a.start < b.end && b.start < a.end;
}

function namedSurname(source) {
  const words = source.surface
    .split(/\s+/)
    .filter(
      (w) => /^\p{Lu}[\p{L}'’.-]+$/u.test(w) && !/^(The|A|An|Mr|Mrs|Ms|Dr|Sen|Gov|Rep|President|Senator)\.?$/.test(w),
    );
  const last = words[words.length - 1];
  return last
    ? last
        .replace(/[’']s$/, '')
        .replace(/[.,]$/, '')
        .toLowerCase()
    : null;
}

function evaluateAttribution(splitName) {
  const textDir = join(POLNEAR, splitName, 'text');
  const annDir = join(POLNEAR, splitName, 'attributions');
  const annFiles = readdirSync(annDir).sort();
  const result = {
    articles: 0,
    gold: 0,
    found: 0,
    speakerRight: 0,
    pronounGold: 0,
    pronounRight: 0,
    misses: [],
    wrongSpeakers: [],
  };
  for (const file of readdirSync(textDir).sort()) {
    const name = basename(file, '.txt');
    const ann = annFiles.find((a) => a.startsWith(`${name}_`));
    if (!ann) continue;
    const text = readFileSync(join(textDir, file), 'utf8');
    const date = /_(\d{4}-\d{2}-\d{2})_/.exec(file)?.[1];
    const analysis = analyze(text, { reference: fullReference, date, format: 'text', filename: file });
    const quotes = analysis.report.quotes;
    result.articles++;
    for (const gold of readGold(join(annDir, ann), text)) {
      if (!isFullyQuoted(text, gold.content.fragments)) continue;
      result.gold++;
      const quote = quotes.find((q) =>
        gold.content.fragments.some((f) => overlaps(f, { start: q.offset, end: q.offset + q.length })),
      );
      if (!quote) {
        result.misses.push({ file, content: gold.content.surface.slice(0, 100) });
        continue;
      }
      result.found++;
      if (!gold.source) continue;
      const pronoun = PRONOUN_SOURCES.has(gold.source.surface.trim().toLowerCase());
      if (pronoun) result.pronounGold++;
      const speaker = quote.speaker;
      const spanRight =
        speaker &&
        gold.source.fragments.some((f) => overlaps(f, { start: speaker.offset, end: speaker.offset + speaker.length }));
      const surname = namedSurname(gold.source);
      const nameRight =
        speaker?.name &&
        surname &&
        speaker.name
          .toLowerCase()
          .split(/[\s-]+/)
          .includes(surname);
      if (spanRight || nameRight) {
        result.speakerRight++;
        if (pronoun) result.pronounRight++;
      } else {
        result.wrongSpeakers.push({
          file,
          quote: quote.text.slice(0, 70),
          gold: gold.source.surface,
          got: speaker ? `${speaker.text} → ${speaker.name ?? '?'} (${speaker.via})` : 'none',
        });
      }
    }
  }
  // Gold attributions without a source (Attribution-no-source) count for recall, not for speakers.
  result.withSource = result.wrongSpeakers.length + result.speakerRight;
  return result;
}

// ---------------------------------------------------------------- false alarms

function articlesIn(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

function polnearArticles(splitName) {
  const dir = join(POLNEAR, splitName, 'text');
  return articlesIn(dir).map((a) => ({ ...a, date: /_(\d{4}-\d{2}-\d{2})_/.exec(a.file)?.[1] }));
}

function falseAlarms(name, articles, reference) {
  const counts = { errors: 0, warnings: 0 };
  const texts = new Map();
  for (const article of articles) {
    const report = analyze(article.text, {
      reference,
      date: article.date,
      format: 'text',
      filename: article.file,
    }).report;
    for (const f of report.findings) {
      if (f.severity === 'info') continue;
      counts[f.severity === 'error' ? 'errors' : 'warnings']++;
      const key = `${f.severity} ${f.ruleId}: ${f.text}`;
      const entry = texts.get(key) ?? {
        count: 0,
        example: `${basename(article.file)}:${f.line}: ${f.message.slice(0, 160)}`,
      };
      entry.count++;
      texts.set(key, entry);
    }
  }
  const frequent = [...texts.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 12);
  return {
    name,
    articles: articles.length,
    ...counts,
    errorsPer100: (100 * counts.errors) / articles.length,
    warningsPer100: (100 * counts.warnings) / articles.length,
    frequent,
  };
}

// ---------------------------------------------------------------- injected errors

let seed = 20261126;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

function dayRange(report) {
  const day = (s) => Math.round(Date.parse(`${s}T00:00:00Z`) / 86_400_000);
  return { start: day(report.date.start), end: day(report.date.end) };
}

function personName(table, id) {
  return table.people.get(id)?.name ?? id;
}

function mentionedAnywhere(text, table, id) {
  const person = table.people.get(id);
  const surname = (person?.surname ?? id.split(' ').pop()).toLowerCase();
  return text.toLowerCase().includes(surname);
}

/** Replace a correct "Title Name" with another holder of that office from another time. */
function titleSwaps(articles, reference) {
  const { table } = reference;
  const mutations = [];
  for (const article of articles) {
    const analysis = analyze(article.text, { reference, date: article.date, format: 'text', filename: article.file });
    const range = dayRange(analysis.report);
    for (const claim of analysis.article.claims) {
      if (claim.form !== 'before-name' || claim.modifier || claim.otherOffice || claim.mention.form !== 'full')
        continue;
      const entity = analysis.article.entities[claim.mention.entity];
      const personId = entity?.personId;
      if (!personId) continue;
      const office = claim.officeIds
        .map((id) => table.offices.get(id))
        .find((o) =>
          o?.terms.some((t) => t.personId === personId && t.range.start <= range.end && t.range.end >= range.start),
        );
      if (!office || office.concurrent) continue;
      const others = office.terms.filter(
        (t) =>
          t.personId !== personId &&
          (t.range.end < range.start || t.range.start > range.end) &&
          !mentionedAnywhere(article.text, table, t.personId),
      );
      if (others.length === 0) continue;
      const replacement = personName(table, others[Math.floor(random() * others.length)].personId);
      mutations.push({
        article,
        start: claim.mention.start,
        end: claim.mention.end,
        replacement,
        original: article.text.slice(claim.mention.start, claim.mention.end),
        office: office.id,
      });
    }
  }
  return mutations;
}

/** Replace the surname in a quote attribution with a predecessor or successor in the speaker's office. */
function attributionSwaps(articles, reference) {
  const { table } = reference;
  const mutations = [];
  for (const article of articles) {
    const analysis = analyze(article.text, { reference, date: article.date, format: 'text', filename: article.file });
    const seen = new Set();
    for (const quote of analysis.article.quotes) {
      const speaker = quote.speaker;
      if (speaker?.via !== 'explicit' || speaker.mention?.form !== 'surname' || seen.has(speaker.start)) continue;
      const personId = speaker.entity?.personId;
      if (!personId) continue;
      seen.add(speaker.start);
      const neighbours = [];
      for (const term of table.termsByPerson.get(personId) ?? []) {
        const office = table.offices.get(term.officeId);
        if (!office || office.concurrent) continue;
        const index = office.terms.indexOf(term);
        for (const other of [office.terms[index - 1], office.terms[index + 1]]) {
          if (other && other.personId !== personId && !mentionedAnywhere(article.text, table, other.personId))
            neighbours.push(other.personId);
        }
      }
      if (neighbours.length === 0) continue;
      const chosen = neighbours[Math.floor(random() * neighbours.length)];
      const surname = table.people.get(chosen)?.surname ?? chosen.split(' ').pop();
      mutations.push({
        article,
        start: speaker.mention.start,
        end: speaker.mention.end,
        replacement: surname,
        original: article.text.slice(speaker.mention.start, speaker.mention.end),
      });
    }
  }
  return mutations;
}

function scoreMutations(mutations, reference, expectedRules) {
  let found = 0;
  let elsewhere = 0;
  const byRule = {};
  const missed = [];
  for (const m of mutations) {
    const text = m.article.text.slice(0, m.start) + m.replacement + m.article.text.slice(m.end);
    const before = new Set(
      analyze(m.article.text, { reference, date: m.article.date, format: 'text' }).report.findings.map(
        (f) => `${f.ruleId}@${f.offset}`,
      ),
    );
    const report = analyze(text, { reference, date: m.article.date, format: 'text' }).report;
    const shift = m.replacement.length - (m.end - m.start);
    const span = { start: m.start, end: m.start + m.replacement.length };
    const hit = report.findings.find(
      (f) =>
        expectedRules.includes(f.ruleId) && overlaps(span, { start: f.offset, end: f.offset + Math.max(1, f.length) }),
    );
    if (hit) {
      found++;
      byRule[hit.ruleId] = (byRule[hit.ruleId] ?? 0) + 1;
    } else
      missed.push(
        `${basename(m.article.file)}: “${m.original}” → “${m.replacement}”: ${
          report.findings
            .filter((f) => f.severity !== 'info')
            .map((f) => f.ruleId)
            .join(', ') || 'no finding'
        } | …${text.slice(Math.max(0, m.start - 60), m.start + m.replacement.length + 50).replace(/\s+/g, ' ')}…`,
      );
    for (const f of report.findings) {
      if (f.severity === 'info' || (hit && f === hit)) continue;
      const original = f.offset >= span.end ? f.offset - shift : f.offset;
      if (
        !before.has(`${f.ruleId}@${original}`) &&
        !overlaps(span, { start: f.offset, end: f.offset + Math.max(1, f.length) })
      )
        elsewhere++;
    }
  }
  return {
    mutations: mutations.length,
    found,
    recall: mutations.length ? found / mutations.length : null,
    byRule,
    elsewhere,
    missed,
  };
}

// ---------------------------------------------------------------- run

const started = Date.now();
const attribution = evaluateAttribution(split);
const bbcPolitics = articlesIn(BBC_POLITICS).map((a) => ({ ...a, date: '2004-01-01/2005-12-31' }));
const polnear = polnearArticles(split);
const alarms = [
  falseAlarms('BBC politics 2004-05', bbcPolitics, fullReference),
  falseAlarms(`PolNeAR ${split}`, polnear, fullReference),
];
const injectionArticles = [...polnear, ...bbcPolitics];
const titles = scoreMutations(titleSwaps(injectionArticles, fullReference), fullReference, [
  'title-holder',
  'title-holder-unclear',
]);
const titlesAsErrors = scoreMutations(titleSwaps(injectionArticles, fullReference), fullReference, ['title-holder']);
const attributions = scoreMutations(attributionSwaps(injectionArticles, fullReference), fullReference, [
  'quote-attribution',
  'unintroduced-speaker',
]);

const ratio = (a, b) => (b ? a / b : null);
const results = {
  date: new Date().toISOString(),
  split,
  attribution: {
    articles: attribution.articles,
    goldDirectQuotes: attribution.gold,
    quoteRecall: ratio(attribution.found, attribution.gold),
    speakerAccuracy: ratio(attribution.speakerRight, attribution.withSource),
    pronounSpeakerAccuracy: ratio(attribution.pronounRight, attribution.pronounGold),
    pronounGold: attribution.pronounGold,
  },
  falseAlarms: alarms.map(({ frequent, ...rest }) => ({
    ...rest,
    frequent: frequent.map(([k, v]) => ({ finding: k, count: v.count, example: v.example })),
  })),
  injected: {
    titleSwaps: { ...titles, errorLevel: titlesAsErrors.found, missed: titles.missed.slice(0, 50) },
    attributionSwaps: { ...attributions, missed: attributions.missed.slice(0, 50) },
  },
  seconds: (Date.now() - started) / 1000,
};

const pct = (x) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const row = (metric, value, target) => console.log(`${metric.padEnd(58)} ${value.padStart(14)}   ${target}`);
console.log(
  `factlint evaluation (PolNeAR ${split}; shipped table + IfG, congress-legislators and every-politician US cabinet imports)`,
);
console.log(`${'metric'.padEnd(58)} ${'value'.padStart(14)}   target`);
row(
  `direct-quote recall (${attribution.found}/${attribution.gold} gold quotes)`,
  pct(results.attribution.quoteRecall),
  '≥ 95%',
);
row(
  `speaker accuracy on found quotes (${attribution.speakerRight}/${attribution.withSource})`,
  pct(results.attribution.speakerAccuracy),
  '≥ 90%',
);
row(
  `  pronoun-speaker subset (${attribution.pronounRight}/${attribution.pronounGold})`,
  pct(results.attribution.pronounSpeakerAccuracy),
  '≥ 85%',
);
row(
  `injected title swaps found (${titles.found}/${titles.mutations}; ${titlesAsErrors.found} as errors)`,
  pct(titles.recall),
  '≥ 95%',
);
row(
  `injected attribution swaps found (${attributions.found}/${attributions.mutations})`,
  pct(attributions.recall),
  '≥ 90%',
);
row(
  '  findings elsewhere after a mutation (titles / attributions)',
  `${titles.elsewhere} / ${attributions.elsewhere}`,
  '',
);
for (const a of alarms) {
  row(`errors per 100 clean articles, ${a.name} (${a.errors} in ${a.articles})`, a.errorsPer100.toFixed(2), '≤ 1');
  row(`warnings per 100 clean articles, ${a.name} (${a.warnings})`, a.warningsPer100.toFixed(2), '');
}
for (const a of alarms) {
  console.log(`\nmost frequent findings, ${a.name}:`);
  for (const [key, value] of a.frequent)
    console.log(`  ${String(value.count).padStart(3)}  ${key}\n       e.g. ${value.example}`);
}
if (showMisses) {
  console.log('\nmissed quotes:');
  for (const m of attribution.misses.slice(0, showMisses)) console.log(`  ${m.file}: ${m.content}`);
  console.log('\nwrong speakers:');
  for (const m of attribution.wrongSpeakers.slice(0, showMisses))
    console.log(`  ${m.file}: ${m.quote} | gold: ${m.gold} | got: ${m.got}`);
  console.log('\nmissed title swaps:');
  for (const m of titles.missed.slice(0, showMisses)) console.log(`  ${m}`);
  console.log('\nmissed attribution swaps:');
  for (const m of attributions.missed.slice(0, showMisses)) console.log(`  ${m}`);
}
const out = join(root, 'test/eval/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `latest-${split}.json`), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n(${results.seconds.toFixed(1)} s; JSON in test/eval/results/latest-${split}.json)`);
