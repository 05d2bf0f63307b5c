import { createHash } from 'node:crypto';
import type { FileReport } from '../types.js';
import { readChecksummed, writeChecksummed } from '../util/checksummed-file.js';

/**
 * Results of earlier runs, findings included, reused when a file's content and
 * everything else that decides its report (config, rules, table contents, factlint's
 * version: the settings key) are unchanged. The cache is a checksummed file
 * (util/checksummed-file.ts): a truncated or edited cache is detected and ignored, never trusted.
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
  try {
    return new Map(Object.entries(JSON.parse(body.toString('utf8')) as Record<string, Entry>));
  } catch {
    return new Map();
  }
}
