import type { Report } from '../types.js';

/**
 * An answer's lists are cut to this many items each (findings, quotes, claims), and the file is
 * marked `truncated: true`; the summary still counts everything. A 2 MB article of quotes gave a
 * 37 MB answer (20,947 findings) before, which forty clients that never read it made gigabytes.
 */
export const MAX_ANSWER_ITEMS = 1000;
/**
 * An answer over this many characters after the cut is cut further (the lists halved until it
 * fits): what clients that never read their answers can make the server hold is bounded by it.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The report as the server sends it: JSON with `<`, `>` and `&` escaped, at most MAX_ANSWER_BYTES. */
export function answerJson(report: Report, maxItems = MAX_ANSWER_ITEMS, maxBytes = MAX_ANSWER_BYTES): string {
  let items = maxItems;
  for (;;) {
    const text = safeJson(capped(report, items));
    if (text.length <= maxBytes || items === 0) return text;
    items = Math.floor(items / 2);
  }
}

function capped(report: Report, items: number): Report {
  return {
    ...report,
    files: report.files.map((file) => {
      const cut = file.findings.length > items || file.quotes.length > items || file.claims.length > items;
      if (!cut) return file;
      return {
        ...file,
        findings: file.findings.slice(0, items),
        quotes: file.quotes.slice(0, items),
        claims: file.claims.slice(0, items),
        truncated: true,
      };
    }),
  };
}

/**
 * JSON with <, > and & escaped: text echoed from a request (a field name, an article) can never
 * read as markup, whatever a client sniffs.
 */
export function safeJson(body: unknown): string {
  return JSON.stringify(body).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
