import { createHash } from 'node:crypto';
import type { FileReport } from '../types.js';
import { readChecksummed, writeChecksummed } from '../util/checksummed-file.js';

/**
 * Results of earlier runs, findings included, reused when a file's content and
 * everything else that decides its report (config, rules, table contents, factlint's
 * version: the settings key) are unchanged. The cache is a checksummed file
 * (util/checksummed-file.ts): a truncated or garbled cache is detected and ignored. The checksum
 * is no seal (anyone who can edit the file can recompute it), so each entry's shape is checked
 * too and an entry of the wrong shape is dropped; a well-formed forged entry is believed.
 */
interface Entry {
  key: string;
  report: FileReport;
}

const KIND = 'results';

export class ResultsCache {
  private entries = new Map<string, Entry>();
  private changed = false;
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly location: string,
    private readonly settingsKey: string,
  ) {
    this.entries = readEntries(location);
  }

  static contentKey(settingsKey: string, path: string, bytes: Uint8Array): string {
    return createHash('sha256')
      .update(settingsKey)
      .update('\0')
      .update(path)
      .update('\0')
      .update(bytes)
      .digest('hex')
      .slice(0, 40);
  }

  get(path: string, bytes: Uint8Array): FileReport | null {
    const entry = this.entries.get(path);
    const hit = entry && entry.key === ResultsCache.contentKey(this.settingsKey, path, bytes) ? entry.report : null;
    if (hit) this.stats.hits++;
    else this.stats.misses++;
    return hit;
  }

  set(path: string, bytes: Uint8Array, report: FileReport): void {
    this.entries.set(path, { key: ResultsCache.contentKey(this.settingsKey, path, bytes), report });
    this.changed = true;
  }

  /** Forget a file (it could not be read or checked): it is checked again next time. */
  delete(path: string): void {
    this.changed = this.entries.delete(path) || this.changed;
  }

  save(): void {
    if (!this.changed) return;
    writeChecksummed(this.location, KIND, JSON.stringify(Object.fromEntries(this.entries)));
    this.changed = false;
  }
}

function readEntries(location: string): Map<string, Entry> {
  const body = readChecksummed(location, KIND);
  if (!body) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return new Map();
  }
  const entries = new Map<string, Entry>();
  if (!isObject(parsed)) return entries;
  for (const [path, entry] of Object.entries(parsed)) if (isEntry(entry, path)) entries.set(path, entry);
  return entries;
}

/** The shape the report formatters rely on, checked field by field (a forged or stale entry may differ). */
function isEntry(value: unknown, path: string): value is Entry {
  if (!isObject(value) || typeof value.key !== 'string' || !isObject(value.report)) return false;
  const { report } = value;
  return (
    report.path === path &&
    isObject(report.date) &&
    ['start', 'end'].every(
      (k) => isObject(report.date) && (report.date[k] === null || typeof report.date[k] === 'string'),
    ) &&
    typeof report.date.source === 'string' &&
    Array.isArray(report.findings) &&
    report.findings.every(isFinding) &&
    Array.isArray(report.quotes) &&
    report.quotes.every(isPosition) &&
    Array.isArray(report.claims) &&
    report.claims.every(isObject)
  );
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function isFinding(value: unknown): boolean {
  return (
    isPosition(value) &&
    typeof value.ruleId === 'string' &&
    typeof value.message === 'string' &&
    SEVERITIES.has(value.severity as string) &&
    Array.isArray(value.evidence) &&
    (value.suggestions === undefined || Array.isArray(value.suggestions))
  );
}

function isPosition(value: unknown): value is Record<string, unknown> {
  return (
    isObject(value) &&
    typeof value.text === 'string' &&
    ['line', 'column', 'endLine', 'endColumn', 'offset', 'length'].every((k) => Number.isSafeInteger(value[k]))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
