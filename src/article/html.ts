import { Parser } from 'htmlparser2';
import { parseDateSpec } from '../util/dates.js';
import { tally } from '../util/work.js';
import type { Comment, Prose } from './markdown.js';

/**
 * HTML → prose. Unlike Markdown's, HTML's prose cannot keep the file's offsets: entities
 * (`&rsquo;`) are longer than the characters they stand for, and tags inside a name
 * (`<em>Friedrich</em> Merz`) must vanish for the name to match. So the prose is the
 * visible text alone, blocks separated by blank lines, and an `OffsetMap` says where each
 * stretch of it came from; reports map their offsets through it.
 */
export interface HtmlSource {
  prose: Prose;
  map: OffsetMap;
  /** The article's date from the document's metadata (`<meta>` publication date, else the first `<time datetime>`). */
  date: string | null;
}

/**
 * Prose offsets → file offsets. The prose is cut into stretches; a stretch whose prose and
 * file lengths are equal is a copy (character for character), any other (an entity, a
 * collapsed run of white space, a break made for a closing tag) maps as a whole.
 */
export class OffsetMap {
  constructor(
    private readonly proseStarts: readonly number[],
    private readonly fileStarts: readonly number[],
    private readonly fileEnds: readonly number[],
    private readonly proseLength: number,
    private readonly fileLength: number,
  ) {}

  /** The file range of the prose range [start, end). */
  span(start: number, end: number): { start: number; end: number } {
    const from = this.start(start);
    return { start: from, end: end > start ? Math.max(from, this.end(end)) : from };
  }

  /** True when the prose range is a plain copy of one run of the file's text (no tag, entity or collapsed space). */
  isCopy(start: number, end: number): boolean {
    const first = this.stretchAt(start);
    for (let i = first; i < this.proseStarts.length && this.proseStartOf(i) < end; i++) {
      tally();
      if (!this.copies(i) || (i > first && this.fileStartOf(i) !== this.fileEnds[i - 1])) return false;
    }
    return true;
  }

  /** Where the prose character at `offset` begins in the file. */
  private start(offset: number): number {
    if (offset >= this.proseLength) return this.fileEnds.at(-1) ?? this.fileLength;
    const i = this.stretchAt(offset);
    return this.copies(i) ? this.fileStartOf(i) + (offset - this.proseStartOf(i)) : this.fileStartOf(i);
  }

  /** Where the prose character before `offset` ends in the file. */
  private end(offset: number): number {
    const i = this.stretchAt(offset - 1);
    return this.copies(i) ? this.fileStartOf(i) + (offset - this.proseStartOf(i)) : (this.fileEnds[i] ?? 0);
  }

  private copies(i: number): boolean {
    const proseEnd = this.proseStarts[i + 1] ?? this.proseLength;
    return proseEnd - this.proseStartOf(i) === (this.fileEnds[i] ?? 0) - this.fileStartOf(i);
  }

  private proseStartOf(i: number): number {
    return this.proseStarts[i] ?? 0;
  }

  private fileStartOf(i: number): number {
    return this.fileStarts[i] ?? 0;
  }

  /** The last stretch starting at or before `offset` (binary search). */
  private stretchAt(offset: number): number {
    let low = 0;
    let high = this.proseStarts.length - 1;
    while (low < high) {
      tally();
      const mid = (low + high + 1) >> 1;
      if (this.proseStartOf(mid) <= offset) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  }
}

/** Elements whose content is not the article's visible prose. */
const SKIPPED = new Set(
  (
    'head script style noscript template nav code pre kbd samp var svg math iframe object embed canvas ' +
    'audio video select option textarea button'
  ).split(' '),
);

/** Elements that start and end a block: the prose puts a blank line around them. */
const BLOCKS = new Set(
  (
    'address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main ol p section summary table tbody td tfoot th ' +
    'thead tr ul'
  ).split(' '),
);

/** `<meta>` names and properties that carry a publication date (the page's app.js keeps a copy). */
export const PUBLISHED_META: ReadonlySet<string> = new Set([
  'article:published_time',
  'og:article:published_time',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'pubdate',
  'publish-date',
  'publication_date',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
]);

const DATE_PREFIX = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d])/;
const WHITESPACE_RUN = /[ \t\n\r\f\u00a0]+|[\u00ad\u200b]+/g;

/** The visible prose of an HTML article (headline, standfirst, body, captions), mapped to the file. */
export function proseOfHtml(html: string): HtmlSource {
  const builder = new ProseBuilder(html);
  let skipDepth = 0;
  const skipStack: boolean[] = [];
  let quoteDepth = 0;
  let metaDate: string | null = null;
  let timeDate: string | null = null;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        tally();
        const skip =
          skipDepth > 0 || SKIPPED.has(name) || 'hidden' in attributes || attributes['aria-hidden'] === 'true';
        skipStack.push(skip);
        if (skip) skipDepth++;
        if (name === 'meta') metaDate ??= publishedDate(attributes);
        if (name === 'time') timeDate ??= dateOf(attributes.datetime);
        if (skipDepth > 0) return;
        if (BLOCKS.has(name)) builder.paragraphBreak(parser.startIndex);
        else if (name === 'br') builder.lineBreak(parser.startIndex, parser.endIndex + 1);
        else if (name === 'q') builder.mark(quoteDepth++ % 2 === 0 ? '“' : '‘', parser.startIndex, parser.endIndex + 1);
      },
      onclosetag(name) {
        tally();
        const skipped = skipStack.pop() ?? false;
        if (skipped) skipDepth--;
        if (skipped || skipDepth > 0) return;
        if (BLOCKS.has(name)) builder.paragraphBreak(parser.startIndex);
        else if (name === 'q') builder.mark(--quoteDepth % 2 === 0 ? '”' : '’', parser.startIndex, parser.endIndex + 1);
      },
      ontext(data) {
        tally();
        if (skipDepth === 0) builder.text(data, parser.startIndex, parser.endIndex + 1);
      },
      oncomment(data) {
        tally();
        builder.comment(data, parser.startIndex, parser.endIndex + 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { prose: builder.prose(), map: builder.map(), date: metaDate ?? timeDate };
}

function publishedDate(attributes: Record<string, string>): string | null {
  const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
  return PUBLISHED_META.has(key) ? dateOf(attributes.content) : null;
}

function dateOf(value: string | undefined): string | null {
  const date = value ? DATE_PREFIX.exec(value)?.[1] : undefined;
  return date && parseDateSpec(date) ? date : null;
}

class ProseBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly proseStarts: number[] = [];
  private readonly fileStarts: number[] = [];
  private readonly fileEnds: number[] = [];
  private readonly comments: Comment[] = [];
  /** The last character added: white space is collapsed across text nodes and tags. */
  private last = '\n';
  private trailingBreaks = 2;

  constructor(private readonly html: string) {}

  /**
   * Text as the parser gives it: a run of the file's characters, or one decoded entity. White
   * space collapses to one space, as a browser shows it; soft hyphens and zero-width spaces go.
   */
  text(data: string, fileStart: number, fileEnd: number): void {
    const isCopy = fileEnd - fileStart === data.length;
    if (!isCopy) {
      const shown = data.replace(WHITESPACE_RUN, (run) => (/[\u00ad\u200b]/.test(run) ? '' : ' '));
      if (shown === ' ') this.space(fileStart, fileEnd);
      else if (shown !== '') this.add(shown, fileStart, fileEnd);
      return;
    }
    let at = 0;
    for (const run of data.matchAll(WHITESPACE_RUN)) {
      tally();
      if (run.index > at) this.add(data.slice(at, run.index), fileStart + at, fileStart + run.index);
      const runEnd = run.index + run[0].length;
      if (!/[\u00ad\u200b]/.test(run[0])) this.space(fileStart + run.index, fileStart + runEnd);
      at = runEnd;
    }
    if (at < data.length) this.add(data.slice(at), fileStart + at, fileEnd);
  }

  /** A quotation mark that a `<q>` element's tag stands for. */
  mark(char: string, fileStart: number, fileEnd: number): void {
    this.add(char, fileStart, fileEnd);
  }

  /** A blank line (between blocks): made at most once, never at the start. */
  paragraphBreak(fileAt: number): void {
    if (this.trailingBreaks >= 2) return;
    this.add(this.trailingBreaks === 1 ? '\n' : '\n\n', fileAt, fileAt);
    this.trailingBreaks = 2;
  }

  lineBreak(fileStart: number, fileEnd: number): void {
    if (this.trailingBreaks > 0) return;
    this.add('\n', fileStart, fileEnd);
    this.trailingBreaks = 1;
  }

  comment(body: string, start: number, end: number): void {
    this.comments.push({ start, end, body: body.trim() });
  }

  prose(): Prose {
    return { text: this.parts.join(''), comments: this.comments, blockStarts: [] };
  }

  map(): OffsetMap {
    return new OffsetMap(this.proseStarts, this.fileStarts, this.fileEnds, this.length, this.html.length);
  }

  private space(fileStart: number, fileEnd: number): void {
    if (this.last === ' ' || this.last === '\n') return;
    this.add(' ', fileStart, fileEnd);
  }

  private add(text: string, fileStart: number, fileEnd: number): void {
    tally(text.length);
    this.parts.push(text);
    this.proseStarts.push(this.length);
    this.fileStarts.push(fileStart);
    this.fileEnds.push(fileEnd);
    this.length += text.length;
    this.last = text.at(-1) ?? this.last;
    if (this.last !== '\n') this.trailingBreaks = 0;
  }
}
