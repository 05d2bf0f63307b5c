import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FileReport } from '../types.js';
import { writeFileAtomic } from './output.js';

/**
 * Results of earlier runs, findings included, reused when a file's content and
 * everything else that decides its report (config, rules, table contents, factlint's
 * version: the settings key) are unchanged. The file carries a checksum of its body: a
 * truncated or edited cache is detected and ignored, never trusted.
 */
interface Entry {
  key: string;
  report: FileReport;
}

interface CacheFile {
  format: 'factlint-cache/1';
  checksum: string;
  body: string;
}

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
    const body = JSON.stringify(Object.fromEntries(this.entries));
    const file: CacheFile = { format: 'factlint-cache/1', checksum: checksum(body), body };
    writeFileAtomic(this.location, JSON.stringify(file));
    this.changed = false;
  }
}

function checksum(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

function readEntries(location: string): Map<string, Entry> {
  let file: Partial<CacheFile>;
  try {
    file = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile>;
  } catch {
    return new Map();
  }
  if (file.format !== 'factlint-cache/1' || typeof file.body !== 'string' || file.checksum !== checksum(file.body))
    return new Map();
  try {
    return new Map(Object.entries(JSON.parse(file.body) as Record<string, Entry>));
  } catch {
    return new Map();
  }
}
