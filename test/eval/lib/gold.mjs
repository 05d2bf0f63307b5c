// Attribution accuracy against PolNeAR's gold attributions (direct quotes only).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

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

export function readGold(annFile, text) {
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
      relations.push(
        Object.fromEntries(
          line
            .split('\t')[1]
            .split(' ')
            .map((p) => p.split(':')),
        ),
      );
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
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

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

/** `reportOf(article)` gives factlint's report of the clean article. */
export function evaluateAttribution(articles, reportOf) {
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
  for (const article of articles) {
    if (!article.annotations) continue;
    const { text } = article;
    const quotes = reportOf(article).quotes;
    const file = basename(article.file);
    result.articles++;
    for (const gold of readGold(article.annotations, text)) {
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
          pronoun,
          got: speaker ? `${speaker.text} → ${speaker.name ?? '?'} (${speaker.via})` : 'none',
        });
      }
    }
  }
  // Gold attributions without a source (Attribution-no-source) count for recall, not for speakers.
  result.withSource = result.wrongSpeakers.length + result.speakerRight;
  const ratio = (a, b) => (b ? a / b : null);
  result.quoteRecall = ratio(result.found, result.gold);
  result.speakerAccuracy = ratio(result.speakerRight, result.withSource);
  result.pronounAccuracy = ratio(result.pronounRight, result.pronounGold);
  return result;
}
