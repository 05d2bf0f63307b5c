// Spot-check of the shipped reference table against second sources in ../shared/data/officeholders:
// Wikidata extracts (every-politician CSVs, world-leaders-2021-wikidata.csv) and congress-legislators'
// executive.yaml. For each office both cover and each sample date (1 July 2000–2021, and ten days after
// every day-precise start in the source, ten days before every day-precise end), it compares who the table says held the office with who the
// source says, and prints agreements, disagreements and the dates only one side covers.
//
//   npm run eval:spot-check            (builds dist/ first)
//   node test/eval/spot-check.mjs [--all]   --all lists every disagreeing date, not one line per run
//
// Needs ../shared (skips with a message when it is absent) and dist/ (npm run build).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { findShared } from './lib/shared.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = findShared(root);
if (!shared) {
  console.log('spot-check: ../shared is absent, so there is no second source to check against; skipping.');
  process.exit(0);
}
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('spot-check: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const { loadReference } = await import(join(root, 'dist/index.js'));
const data = join(shared, 'data/officeholders');
const listAll = process.argv.includes('--all');

// --- Office mappings: a source's position name → the shipped office id ----------------------------

const US_CABINET = {
  President: 'us-president',
  'Vice President': 'us-vice-president',
  'Secretary of State': 'us-secretary-of-state',
  'Secretary of Defence': 'us-secretary-of-defense',
  'Attorney General': 'us-attorney-general',
  'Secretary of the Treasury': 'us-treasury-secretary',
  'National Security Advisor': 'us-national-security-adviser',
  'White House Press Secretary': 'us-press-secretary',
  'Secretary of the Interior': 'us-secretary-of-the-interior',
  'Secretary of Agriculture': 'us-secretary-of-agriculture',
  'Secretary of Commerce': 'us-secretary-of-commerce',
  'Secretary of Labor': 'us-secretary-of-labor',
  'Secretary of Health and Human Services': 'us-secretary-of-health-and-human-services',
  'Secretary of Housing and Urban Development': 'us-secretary-of-housing',
  'Secretary of Transportation': 'us-secretary-of-transportation',
  'Secretary of Energy': 'us-secretary-of-energy',
  'Secretary of Education': 'us-secretary-of-education',
  'Secretary of Veterans Affairs': 'us-secretary-of-veterans-affairs',
  'Secretary of Homeland Security': 'us-secretary-of-homeland-security',
  'Ambassador to the United Nations': 'us-un-ambassador',
  'Director of the Office of Management and Budget': 'us-omb-director',
  'Administrator of the Environmental Protection Agency': 'us-epa-administrator',
  'Director of the CIA': 'us-cia-director',
  'Director of National Intelligence': 'us-director-of-national-intelligence',
  'White House Chief of Staff': 'us-white-house-chief-of-staff',
  'Administrator of the Small Business Administration': 'us-sba-administrator',
  'Director of the FBI': 'us-fbi-director',
  'Chair of the Federal Reserve': 'us-fed-chair',
  'Chairman of the Joint Chiefs of Staff': 'us-joint-chiefs-chairman',
  // "Governor of <State>" rows map by office name (below).
};

// Only posts whose Wikidata item is the same job as the shipped office (the IfG lineage of renamed
// departments differs from Wikidata's, so e.g. BEIS and Levelling Up are left out).
const UK_CABINET = {
  monarch: 'gb-monarch',
  'Prime Minister': 'gb-prime-minister',
  'Deputy Prime Minister': 'gb-deputy-prime-minister',
  'First Secretary of State': 'gb-first-secretary-of-state',
  'Chancellor of the Exchequer': 'gb-chancellor',
  'Secretary of State for the Home Department': 'gb-home-secretary',
  'Secretary of State for Foreign and Commonwealth Affairs': 'gb-foreign-secretary',
  'Secretary of State for Defence': 'gb-defence-secretary',
  'Secretary of State for Justice': 'gb-justice-secretary',
  'Lord Chancellor': 'gb-lord-chancellor',
  'Secretary of State for Health and Social Care': 'gb-health-secretary',
  'Secretary of State for Education': 'gb-education-secretary',
  'Secretary of State for Work and Pensions': 'gb-work-and-pensions-secretary',
  'Secretary of State for Transport': 'gb-transport-secretary',
  'Secretary of State for Environment, Food and Rural Affairs': 'gb-environment-secretary',
  'Secretary of State for International Development': 'gb-international-development-secretary',
  'Secretary of State for Exiting the European Union': 'gb-brexit-secretary',
  'Secretary of State for Northern Ireland': 'gb-northern-ireland-secretary',
  'Secretary of State for Scotland': 'gb-scotland-secretary',
  'Secretary of State for Wales': 'gb-wales-secretary',
  'Chief Secretary to the Treasury': 'gb-chief-secretary-to-the-treasury',
  'Financial Secretary to the Treasury': 'gb-financial-secretary-to-the-treasury',
  'Economic Secretary to the Treasury': 'gb-economic-secretary-to-the-treasury',
  'Exchequer Secretary to the Treasury': 'gb-exchequer-secretary-to-the-treasury',
  'Leader of the House of Commons': 'gb-leader-of-the-house-of-commons',
  'Leader of the House of Lords': 'gb-leader-of-the-house-of-lords',
  'Parliamentary Secretary to the Treasury (Chief Whip)': 'gb-chief-whip',
  'Chancellor of the Duchy of Lancaster': 'gb-chancellor-of-the-duchy-of-lancaster',
  'Lord Privy Seal': 'gb-lord-privy-seal',
  'Lord President of the Council': 'gb-lord-president-of-the-council',
  'Paymaster General': 'gb-paymaster-general',
  'Attorney General': 'gb-attorney-general',
};

const WORLD_ORGS = {
  'Secretary-General of the United Nations': 'un-secretary-general',
  'Director-General of the World Trade Organization': 'wto-director-general',
};

const WORLD_LEADERS = {
  'President of Argentina': 'ar-president',
  'Prime Minister of Australia': 'au-prime-minister',
  'Federal Chancellor of Austria': 'at-chancellor',
  'President of Austria': 'at-president',
  'President of Belarus': 'by-president',
  'Prime Minister of Belarus': 'by-prime-minister',
  'Monarch of the Belgians': 'be-monarch',
  'Prime Minister of Belgium': 'be-prime-minister',
  'President of Brazil': 'br-president',
  'President of Bulgaria': 'bg-president',
  'Prime Minister of Bulgaria': 'bg-prime-minister',
  'Prime Minister of Canada': 'ca-prime-minister',
  'Prime Minister of Croatia': 'hr-prime-minister',
  'president of Croatia': 'hr-president',
  'President of Cyprus': 'cy-president',
  'President of the Czech Republic': 'cz-president',
  'Prime Minister of the Czech Republic': 'cz-prime-minister',
  'President of Egypt': 'eg-president',
  'Prime Minister of Egypt': 'eg-prime-minister',
  'President of Estonia': 'ee-president',
  'Prime Minister of Estonia': 'ee-prime-minister',
  'President of Finland': 'fi-president',
  'Prime Minister of Finland': 'fi-prime-minister',
  'President of the French Republic': 'fr-president',
  'Prime Minister of France': 'fr-prime-minister',
  'President of Georgia': 'ge-president',
  'Prime Minister of Georgia': 'ge-prime-minister',
  'Federal Chancellor of Germany': 'de-chancellor',
  'president of Germany': 'de-president',
  'President of Greece': 'gr-president',
  'Prime Minister of Greece': 'gr-prime-minister',
  'President of Hungary': 'hu-president',
  'Prime Minister of Hungary': 'hu-prime-minister',
  'President of Iceland': 'is-president',
  'Prime Minister of Iceland': 'is-prime-minister',
  'President of India': 'in-president',
  'Prime minister of India': 'in-prime-minister',
  'President of Indonesia': 'id-president',
  'President of Iran': 'ir-president',
  'Supreme Leader of Iran': 'ir-supreme-leader',
  'President of Israel': 'il-president',
  'Prime Minister of Israel': 'il-prime-minister',
  'President of Italy': 'it-president',
  'Prime Minister of Italy': 'it-prime-minister',
  'Emperor of Japan': 'jp-emperor',
  'Prime Minister of Japan': 'jp-prime-minister',
  'Prime Minister of Denmark': 'dk-prime-minister',
  'monarch of Denmark': 'dk-monarch',
  'King of the Netherlands': 'nl-monarch',
  'Prime Minister of the Netherlands': 'nl-prime-minister',
  'President of Latvia': 'lv-president',
  'Prime Minister of Latvia': 'lv-prime-minister',
  'President of the Republic of Lithuania': 'lt-president',
  'Prime Minister of Lithuania': 'lt-prime-minister',
  'Prime Minister of Luxembourg': 'lu-prime-minister',
  'President of Malta': 'mt-president',
  'Prime Minister of Malta': 'mt-prime-minister',
  'President of Mexico': 'mx-president',
  'President of Moldova': 'md-president',
  'Prime Minister of Moldova': 'md-prime-minister',
  'Premier of North Korea': 'kp-premier',
  'Supreme Leader of North Korea': 'kp-supreme-leader',
  'Monarch of Norway': 'no-monarch',
  'Prime Minister of Norway': 'no-prime-minister',
  'President of Pakistan': 'pk-president',
  'Prime Minister of Pakistan': 'pk-prime-minister',
  "Premier of the People's Republic of China": 'cn-premier',
  "President of the People's Republic of China": 'cn-president',
  'President of the Republic of Poland': 'pl-president',
  'Prime Minister of Poland': 'pl-prime-minister',
  'President of Portugal': 'pt-president',
  'Prime Minister of Portugal': 'pt-prime-minister',
  'Emir of the State of Qatar': 'qa-emir',
  'Prime Minister of Qatar': 'qa-prime-minister',
  'President of Ireland': 'ie-president',
  Taoiseach: 'ie-taoiseach',
  'President of Romania': 'ro-president',
  'Prime Minister of Romania': 'ro-prime-minister',
  'President of Russia': 'ru-president',
  'Prime Minister of Russia': 'ru-prime-minister',
  'King of Saudi Arabia': 'sa-king',
  'Prime Minister of Saudi Arabia': 'sa-prime-minister',
  'President of Slovakia': 'sk-president',
  'Prime Minister of Slovakia': 'sk-prime-minister',
  'President of Slovenia': 'si-president',
  'Prime Minister of Slovenia': 'si-prime-minister',
  'President of South Africa': 'za-president',
  'President of South Korea': 'kr-president',
  'Monarch of Spain': 'es-monarch',
  'Prime Minister of Spain': 'es-prime-minister',
  'Monarch of Sweden': 'se-monarch',
  'Prime Minister of Sweden': 'se-prime-minister',
  'President of Syria': 'sy-president',
  'Prime Minister of Syria': 'sy-prime-minister',
  'President of the Executive Yuan': 'tw-premier',
  'President of the Republic of China': 'tw-president',
  'President of Turkey': 'tr-president',
  'President of Ukraine': 'ua-president',
  'Prime Minister of Ukraine': 'ua-prime-minister',
  'President of the United Arab Emirates': 'ae-president',
  'Prime Minister of the United Arab Emirates': 'ae-prime-minister',
  'Prime Minister of the United Kingdom': 'gb-prime-minister',
  'monarch of the United Kingdom': 'gb-monarch',
  'President of the United States': 'us-president',
  pope: 'va-pope',
  'President of Venezuela': 've-president',
};

// --- Dates --------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const toDay = (y, m, d) => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
const iso = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A date as the range of days it may mean ("2021" = the whole year), or null. */
function dayRange(text) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] && Number(m[2]), m[3] && Number(m[3])];
  if (d) return { start: toDay(y, mo, d), end: toDay(y, mo, d), precise: true };
  if (mo) return { start: toDay(y, mo, 1), end: toDay(y, mo + 1, 1) - 1, precise: false };
  return { start: toDay(y, 1, 1), end: toDay(y + 1, 1, 1) - 1, precise: false };
}

// --- Sources: rows of {office, person, start, end} with day ranges ------------------------------

function readCsv(file) {
  return parseCsv(readFileSync(file), { columns: true, skip_empty_lines: true });
}

function everyPolitician(file, mapping, extra = () => null) {
  return readCsv(join(data, 'every-politician', file)).flatMap((r) => {
    const office = mapping[r.position] ?? extra(r.position);
    return office ? [{ office, person: r.person, start: dayRange(r.start), end: dayRange(r.end) }] : [];
  });
}

function worldLeaders(file) {
  return readCsv(join(data, file)).flatMap((r) => {
    const office = WORLD_LEADERS[r.positionLabel];
    if (!office) return [];
    return [{ office, person: r.officeholderLabel, start: dayRange(r.start_year), end: dayRange(r.end_year) }];
  });
}

function congressExecutive(file) {
  const rows = [];
  for (const p of parseYaml(readFileSync(join(data, file), 'utf8'))) {
    const person =
      p.name.official_full ??
      [p.name.nickname ?? p.name.first, p.name.middle?.length === 1 ? `${p.name.middle}.` : null, p.name.last]
        .filter(Boolean)
        .join(' ');
    for (const t of p.terms) {
      const office = t.type === 'prez' ? 'us-president' : t.type === 'viceprez' ? 'us-vice-president' : null;
      if (office) rows.push({ office, person, start: dayRange(t.start), end: dayRange(t.end) });
    }
  }
  return rows;
}

const { table } = loadReference();
const governorOffice = new Map(
  [...table.offices.values()].filter((o) => o.id.startsWith('us-governor-')).map((o) => [o.name, o.id]),
);
const sources = [
  {
    name: 'every-politician/us-cabinet-holders21.csv (Wikidata, CC0)',
    rows: everyPolitician('us-cabinet-holders21.csv', US_CABINET, (p) => governorOffice.get(p)),
  },
  {
    name: 'every-politician/united-kingdom-cabinet-holders21.csv (Wikidata, CC0)',
    rows: everyPolitician('united-kingdom-cabinet-holders21.csv', UK_CABINET),
  },
  {
    name: 'every-politician/world-holders21.csv (Wikidata, CC0)',
    rows: everyPolitician('world-holders21.csv', WORLD_ORGS),
  },
  {
    name: 'every-politician/world-leaders-2021-wikidata.csv (Wikidata, CC0; years only)',
    rows: worldLeaders('every-politician/world-leaders-2021-wikidata.csv'),
  },
  { name: 'congress-legislators/executive.yaml (CC0)', rows: congressExecutive('congress-legislators/executive.yaml') },
];

// --- Names: the table's person for a source name ------------------------------------------------

// Reviewed pairs: the same person under names no spelling rule relates (checked by hand, 2026-12).
const SAME_PERSON = new Map([
  ['William Clinton', 'Bill Clinton'],
  ['Salman of Saudi Arabia', 'Salman bin Abdulaziz'],
]);

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(sir|dame|lord|baroness|baron|king|queen|jr|sr)\b\.?/g, '')
    .replace(/\b[a-z]\.\s*/g, '') // middle initials
    .replace(/[-'’.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const lastWord = (s) => s.split(' ').at(-1);

/**
 * A source name's other forms: "Gareth Williams, Baron Williams of Mostyn" is also "Lord Williams of
 * Mostyn" and "Gareth Williams"; "Margrethe II of Denmark" is also "Margrethe II".
 */
function sourceForms(name) {
  const [personal, peerage] = name.split(/,\s*(?:\d+(?:st|nd|rd|th)\s+)?(?=Baron|Baroness)/);
  const forms = [personal.replace(/,\s*Jr\.?$/, ' Jr.'), SAME_PERSON.get(name)];
  if (peerage)
    forms.push(peerage.replace(/^Baron\b/, 'Lord'), peerage.replace(/ of .*/, '').replace(/^Baron\b/, 'Lord'));
  const regnal = /^(.+ [IVX]+) of /.exec(personal) ?? /^(\S+ I) of /.exec(personal);
  if (regnal) forms.push(regnal[1].replace(/ I$/, ''), regnal[1]);
  return forms.filter(Boolean);
}

/** How a source name relates to a table person: 'same' (name or variant), 'spelling' or null. */
function nameMatch(sourceName, personId) {
  const person = table.people.get(personId);
  const forms = [person.name, ...person.variants];
  if (forms.includes(sourceName)) return 'same';
  const candidates = sourceForms(sourceName);
  const folded = candidates.map(fold);
  const foldedForms = forms.map(fold);
  if (candidates.some((c) => forms.includes(c)) || folded.some((f) => foldedForms.includes(f))) return 'spelling';
  // Same surname, and the same first letter of the first name or a peer's title ("Lord Strathclyde").
  const surname = fold(person.surname ?? lastWord(person.name));
  const peer = /^(Lord|Baroness) /.test(person.name);
  const sameSurname = folded.some((f) => lastWord(f) === surname && (peer || f[0] === foldedForms[0][0]));
  // Every word of the table name in the source name ("Matamela Cyril Ramaphosa").
  const contained = folded.some((f) => foldedForms[0].split(' ').every((w) => f.split(' ').includes(w)));
  return sameSurname || contained ? 'spelling' : null;
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

// --- Comparison ---------------------------------------------------------------------------------

const FIRST_JULYS = Array.from({ length: 22 }, (_, i) => toDay(2000 + i, 7, 1));

function tableStart(office) {
  return Math.min(...office.terms.map((t) => t.range.start));
}

function holdersOn(office, day) {
  return office.terms.filter((t) => t.range.start <= day && day <= t.range.end).map((t) => t.personId);
}

/** Source rows that certainly (start and end precise enough) or possibly hold the office on `day`. */
function sourceOn(rows, day, freeze) {
  const certain = [];
  const possible = [];
  for (const r of rows) {
    if (!r.start || r.start.start > day) continue;
    const openEnd = !r.end;
    if (openEnd && day > freeze) continue;
    const endLatest = openEnd ? freeze : r.end.end;
    const endEarliest = openEnd ? freeze : r.end.start;
    if (endLatest < day) continue;
    (r.start.end <= day && endEarliest >= day ? certain : possible).push(r.person);
  }
  return { certain, possible };
}

function compare(source) {
  const byOffice = groupBy(source.rows, (r) => r.office);
  const dates = [...source.rows.flatMap((r) => [r.start, r.end])].filter(Boolean);
  // As of when the file was made: its newest date, but never after today (scheduled term ends).
  const freeze = Math.min(Math.max(...dates.map((d) => d.start)), Math.floor(Date.now() / DAY_MS));
  const facts = [];
  for (const [officeId, rows] of byOffice) {
    const office = table.offices.get(officeId);
    if (!office) throw new Error(`spot-check: mapped office ${officeId} is not in the shipped table`);
    // Only dates inside the source's span for this office: from its first listed start to its last date.
    const first = Math.min(...rows.filter((r) => r.start).map((r) => r.start.start));
    const days = new Set(FIRST_JULYS.filter((d) => d >= first && d <= freeze));
    for (const r of rows) {
      // Ten days after a precise start; the first day an imprecise start ("2021") is certainly past.
      const day = r.start?.precise ? r.start.start + 10 : r.start ? r.start.end + 1 : null;
      if (day !== null && day <= freeze) days.add(day);
      // And ten days before a precise end, to catch a handover the table puts too early.
      if (r.end?.precise && r.end.start - 10 >= first) days.add(r.end.start - 10);
    }
    for (const day of [...days].sort((a, b) => a - b)) {
      const tableIds = holdersOn(office, day);
      const { certain, possible } = sourceOn(rows, day, freeze);
      const candidates = certain.length ? certain : possible;
      const fact = { source: source.name, office: officeId, day, ...judge(tableIds, candidates, certain.length > 0) };
      if (fact.verdict === 'source-only' && day < tableStart(office)) fact.verdict = 'before-table';
      facts.push(fact);
    }
  }
  return facts;
}

function judge(tableIds, sourceNames, certain) {
  const tableNames = tableIds.map((id) => table.people.get(id).name);
  const base = { tableNames, sourceNames };
  if (!tableIds.length && !sourceNames.length) return { ...base, verdict: 'neither' };
  if (!sourceNames.length) return { ...base, verdict: 'table-only' };
  if (!tableIds.length) return { ...base, verdict: 'source-only' };
  const matches = sourceNames.flatMap((s) => tableIds.map((id) => nameMatch(s, id))).filter(Boolean);
  if (matches.includes('same')) return { ...base, verdict: certain ? 'agree' : 'agree-imprecise' };
  if (matches.includes('spelling')) return { ...base, verdict: 'agree-spelling' };
  // Only possible holders (a start or end known to the year) and none of them the table's: the file
  // does not list everyone in a boundary year, so this date decides nothing.
  return { ...base, verdict: certain ? 'disagree' : 'undetermined' };
}

// --- Report -------------------------------------------------------------------------------------

const facts = sources.flatMap(compare);
const count = (verdict) => facts.filter((f) => f.verdict === verdict).length;
const ONE_SIDED = ['neither', 'table-only', 'source-only', 'before-table', 'undetermined'];
const compared = facts.filter((f) => !ONE_SIDED.includes(f.verdict));
const offices = new Set(compared.map((f) => f.office));

console.log(`spot-check: shipped table vs second sources in ${data}`);
for (const s of sources) {
  const n = facts.filter((f) => f.source === s.name);
  const c = n.filter((f) => !ONE_SIDED.includes(f.verdict));
  const agree = c.filter((f) => f.verdict.startsWith('agree')).length;
  console.log(
    `  ${s.name}: ${new Set(s.rows.map((r) => r.office)).size} offices, ${c.length} office×date facts compared, ${agree} agree`,
  );
}
console.log(`compared: ${compared.length} office×date facts on ${offices.size} distinct offices`);
console.log(`  agree (same name or variant):       ${count('agree')}`);
console.log(`  agree (source date only a year/month, table holder among its holders): ${count('agree-imprecise')}`);
console.log(`  agree (same person, name spelled differently): ${count('agree-spelling')}`);
console.log(`  disagree (different holder):         ${count('disagree')}`);
console.log('not compared (one side only):');
console.log(`  table has a holder, the source none:  ${count('table-only')}`);
console.log(`  source has a holder, the table none:  ${count('source-only')}`);
console.log(`  source has a holder before the table's first holder: ${count('before-table')}`);
console.log(`  source's holder known only to the year, not the table's: ${count('undetermined')}`);

function runs(verdict) {
  const list = facts.filter((f) => f.verdict === verdict);
  const groups = groupBy(
    list,
    (f) => `${f.office} | table: ${f.tableNames.join(' + ') || '-'} | source: ${f.sourceNames.join(' + ') || '-'}`,
  );
  return [...groups].map(([key, fs]) => ({ key, days: fs.map((f) => iso(f.day)) }));
}

for (const [verdict, title] of [
  ['disagree', 'Disagreements (office | table | source: dates)'],
  ['agree-spelling', 'Same person, spelled differently'],
  ['source-only', 'Source has a holder, the table none'],
  ['table-only', 'Table has a holder, the source none (dates inside the source file’s span)'],
]) {
  const list = runs(verdict);
  if (!list.length) continue;
  console.log(`\n${title}: ${list.length}`);
  for (const { key, days } of list) {
    const shown = listAll || days.length <= 3 ? days.join(', ') : `${days[0]} … ${days.at(-1)} (${days.length} dates)`;
    console.log(`  ${key}: ${shown}`);
  }
}
