import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { defaultConfig } from '../config/config.js';
import { CONFIG_FILES, findConfig, loadConfig } from '../config/load.js';
import type { CheckOptions, Reference } from '../engine.js';
import { defaultTableDir } from '../reference/load.js';
import { checkOptionsOf, referenceOf, type Settings } from '../runner/settings.js';
import { InputError } from '../util/errors.js';

/** What checking a file needs: its configuration and the reference it names, loaded once and shared. */
export interface Context {
  /** The config file, or null when none applies. */
  configFile: string | null;
  settings: Settings;
  reference: Reference;
  options: Omit<CheckOptions, 'filename'>;
  /** The files and folders whose change reloads it: the config file, the tables and rule folders. */
  watched: string[];
}

export type ContextResult = { context: Context } | { error: string };

/** Why a context was reloaded, for the log. */
export type OnReload = (why: string) => void;

const RELOAD_DELAY_MS = 200;

/**
 * The contexts of the open documents, by the config file that applies to each (found upward from
 * the document's folder). A context reloads when its config file, a reference table or a rule
 * file changes: watched here, and on the client's `workspace/didChangeWatchedFiles`.
 */
export class Contexts {
  private readonly byConfig = new Map<string, ContextResult>();
  private readonly configOfDir = new Map<string, string | null>();
  private readonly watchers = new Map<string, FSWatcher[]>();
  private timer: NodeJS.Timeout | null = null;
  private pending = new Set<string>();

  constructor(
    private readonly fallbackDir: string,
    private readonly onReload: OnReload,
    private readonly watchFiles = true,
  ) {}

  /** The context for a file (null for a document with no file, which uses the workspace's folder). */
  forFile(path: string | null): ContextResult {
    const dir = path ? dirname(path) : this.fallbackDir;
    let configFile = this.configOfDir.get(dir);
    if (configFile === undefined) {
      configFile = findConfig(dir);
      this.configOfDir.set(dir, configFile);
    }
    const key = configFile ?? '';
    let result = this.byConfig.get(key);
    if (!result) {
      result = this.load(configFile);
      this.byConfig.set(key, result);
    }
    return result;
  }

  /**
   * A file changed: reload every context that depends on it. A config file appearing or going
   * away anywhere may change which config applies to a folder, so that forgets them all.
   */
  changed(paths: readonly string[]): boolean {
    let any = false;
    for (const path of paths) {
      const name = basename(path);
      if (CONFIG_FILES.includes(name) || name === 'package.json') {
        any = true;
        this.clear();
        continue;
      }
      for (const [key, result] of this.byConfig) {
        if ('error' in result || result.context.watched.some((root) => isWithin(path, root))) {
          this.forget(key);
          any = true;
        }
      }
    }
    return any;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const key of [...this.watchers.keys()]) this.closeWatchers(key);
  }

  private clear(): void {
    for (const key of [...this.byConfig.keys()]) this.forget(key);
    this.configOfDir.clear();
  }

  private forget(key: string): void {
    this.byConfig.delete(key);
    this.closeWatchers(key);
  }

  private closeWatchers(key: string): void {
    for (const watcher of this.watchers.get(key) ?? []) watcher.close();
    this.watchers.delete(key);
  }

  private load(configFile: string | null): ContextResult {
    const cwd = configFile ? dirname(configFile) : this.fallbackDir;
    const watched = configFile ? [configFile] : [];
    let result: ContextResult;
    try {
      const config = configFile ? loadConfig(configFile, cwd) : defaultConfig();
      watched.push(...(config.defaultReference ? [defaultTableDir()] : []), ...config.reference, ...config.rulePaths);
      const settings: Settings = { config, cwd, date: null, reportUnusedDirectives: false };
      const reference = referenceOf(settings);
      result = { context: { configFile, settings, reference, options: checkOptionsOf(settings, reference), watched } };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      result = { error: error.describe() };
    }
    if (this.watchFiles) this.watch(configFile ?? '', watched);
    return result;
  }

  /** Watch a context's files; a change reloads it shortly after the writes settle. */
  private watch(key: string, paths: readonly string[]): void {
    const watchers: FSWatcher[] = [];
    for (const path of paths) {
      try {
        const watcher = watch(path, { recursive: true }, () => this.schedule(key));
        watcher.on('error', () => watcher.close());
        watchers.push(watcher);
      } catch {
        // A path that cannot be watched still reloads on the client's file events.
      }
    }
    this.watchers.set(key, watchers);
  }

  private schedule(key: string): void {
    this.pending.add(key);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const keys = [...this.pending];
      this.pending.clear();
      for (const pendingKey of keys) this.forget(pendingKey);
      this.onReload(`changed: ${keys.map((k) => k || 'the default reference').join(', ')}`);
    }, RELOAD_DELAY_MS);
  }
}

function isWithin(path: string, root: string): boolean {
  const full = resolve(path);
  const base = resolve(root);
  return full === base || full.startsWith(base.endsWith(sep) ? base : `${base}${sep}`);
}
