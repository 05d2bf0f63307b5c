import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFrontMatter } from '../article/frontmatter.js';
import { proseOfText } from '../article/markdown.js';
import { articleDate, articleSettings } from '../article/settings.js';
import { formatSize } from '../article/decode.js';
import type { DateSourceName } from '../config/config.js';
import { CONFIG_FILES } from '../config/load.js';
import { analyze, type Analysis, type CheckOptions } from '../engine.js';
import { InputError } from '../util/errors.js';
import { parseDateSpec } from '../util/dates.js';
import { displayPath } from '../util/paths.js';
import { codeActions, FIX_ALL_KIND } from './actions.js';
import { type Context, Contexts } from './contexts.js';
import { diagnosticOf, documentedIn, problemDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** The article date when front matter gives none (the `factlint.date` setting). */
  date?: string;
  /** How long typing must pause before a changed document is checked again (default 150 ms). */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 150;

/** One check of one version of a document. */
interface Checked {
  version: number;
  /** Null when the document could not be checked (a configuration, front-matter or size problem). */
  analysis: Analysis | null;
  context: Context | null;
  diagnostics: Diagnostic[];
}

/**
 * factlint's language server on a connection: diagnostics on open and (debounced) on change,
 * quick fixes from suggestions, hovers with the reference table's evidence. Every document is
 * checked with the configuration found upward from its file; a change to that configuration or
 * to a table it uses checks the open documents again.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const checked = new Map<string, Checked>();
  const timers = new Map<string, NodeJS.Timeout>();
  let contexts: Contexts | null = null;
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let dateSetting: string | null = null;
  let pullsConfiguration = false;
  let registersWatchers = false;

  const log = (line: string) => connection.console.log(`factlint: ${line}`);

  const check = (document: TextDocument): Checked => {
    const timer = timers.get(document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(document.uri);
    const result = checkDocument(document, contextsOf(), dateSetting, log);
    checked.set(document.uri, result);
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: result.diagnostics,
    });
    return result;
  };

  /** The check of the document's current version: the last one, or a new one when the text moved on. */
  const current = (uri: string): { document: TextDocument; result: Checked } | null => {
    const document = documents.get(uri);
    if (!document) return null;
    const last = checked.get(uri);
    return { document, result: last && last.version === document.version ? last : check(document) };
  };

  const checkAll = () => {
    for (const document of documents.all()) check(document);
  };

  const contextsOf = (): Contexts => {
    contexts ??= new Contexts(process.cwd(), reloaded);
    return contexts;
  };

  const reloaded = (why: string) => {
    log(`reloaded the configuration and reference tables (${why})`);
    checkAll();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    dateSetting = validDate(options.date, log);
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    registersWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    contexts = new Contexts(workspaceFolder(params) ?? process.cwd(), reloaded);
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
      },
      serverInfo: { name: 'factlint' },
    };
  });

  connection.onInitialized(() => {
    if (registersWatchers) {
      const globs = [`**/{${CONFIG_FILES.join(',')},package.json}`, '**/*.{yml,yaml}'];
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) })
        .catch((error: unknown) => log(`could not watch files through the client: ${String(error)}`));
    }
    if (pullsConfiguration) void pullDate().then(recheckIfChanged);
  });

  /** Read the `factlint` section of the client's settings (the article date when front matter gives none). */
  const pullDate = async (): Promise<boolean> => {
    const before = dateSetting;
    try {
      const section = (await connection.workspace.getConfiguration('factlint')) as { date?: unknown } | null;
      dateSetting = validDate(section?.date, log);
    } catch (error) {
      log(`could not read the factlint settings: ${String(error)}`);
    }
    return dateSetting !== before;
  };

  const recheckIfChanged = (changed: boolean) => {
    if (changed) checkAll();
  };

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { factlint?: { date?: unknown } } | null)?.factlint;
    if (pushed) {
      const before = dateSetting;
      dateSetting = validDate(pushed.date, log);
      recheckIfChanged(dateSetting !== before);
    } else if (pullsConfiguration) void pullDate().then(recheckIfChanged);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.map((c) => filePath(c.uri)).filter((p): p is string => p !== null);
    if (contextsOf().changed(paths)) reloaded('the client reported changed files');
  });

  documents.onDidOpen((event) => {
    check(event.document);
  });

  documents.onDidChangeContent((event) => {
    const { document } = event;
    if (checked.get(document.uri)?.version === document.version) return;
    if (debounceMs === 0) {
      check(document);
      return;
    }
    const timer = timers.get(document.uri);
    if (timer) clearTimeout(timer);
    timers.set(
      document.uri,
      setTimeout(() => {
        const latest = documents.get(document.uri);
        if (latest) check(latest);
      }, debounceMs),
    );
  });

  documents.onDidClose((event) => {
    const { uri } = event.document;
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
    checked.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction((params): CodeAction[] => {
    const found = current(params.textDocument.uri);
    if (!found?.result.analysis || !found.result.context) return [];
    const { document, result } = found;
    const documented = documentedIn(found.result.context);
    return codeActions(document, result.analysis?.report.findings ?? [], params.range, params.context.only, (f) =>
      diagnosticOf(f, documented),
    );
  });

  connection.onHover((params): Hover | null => {
    const found = current(params.textDocument.uri);
    if (!found?.result.analysis || !found.result.context) return null;
    const offset = found.document.offsetAt(params.position);
    const value = hoverAt(found.result.analysis, found.result.context.reference.table, offset);
    return value ? { contents: { kind: 'markdown', value } } : null;
  });

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    contexts?.dispose();
  });

  documents.listen(connection);
}

/** Check one document with the context of its file; a problem that stops the check is its one diagnostic. */
function checkDocument(
  document: TextDocument,
  contexts: Contexts,
  dateSetting: string | null,
  log: (line: string) => void,
): Checked {
  const base = { version: document.version, analysis: null, context: null };
  const path = filePath(document.uri);
  const found = contexts.forFile(path);
  if ('error' in found) return { ...base, diagnostics: [problemDiagnostic(document, found.error)] };
  const { context } = found;
  const text = document.getText();
  const tooLarge = sizeProblem(text, context.settings.config.maxFileSize);
  if (tooLarge) return { ...base, context, diagnostics: [problemDiagnostic(document, tooLarge)] };
  const filename = path ? displayPath(path, context.settings.cwd) : document.uri;
  const format = formatOf(document.languageId);
  try {
    const options: CheckOptions = { ...context.options, filename, ...(format ? { format } : {}) };
    if (dateSetting && !hasOwnDate(text, filename, format, context.settings.config.dateSources))
      options.date = dateSetting;
    const analysis = analyze(text, options);
    const documented = documentedIn(context);
    return {
      ...base,
      analysis,
      context,
      diagnostics: analysis.report.findings.map((f) => diagnosticOf(f, documented)),
    };
  } catch (error) {
    if (error instanceof InputError)
      return { ...base, context, diagnostics: [problemDiagnostic(document, error.message, error.line, error.column)] };
    const message = error instanceof Error ? error.message : String(error);
    log(`internal error checking ${document.uri}: ${error instanceof Error ? error.stack : message}`);
    return { ...base, context, diagnostics: [problemDiagnostic(document, `factlint: internal error: ${message}`)] };
  }
}

/** The limit `check` keeps (maxFileSize, 5 MB by default), in the file's UTF-8 bytes. */
function sizeProblem(text: string, maxBytes: number): string | null {
  // A string of n UTF-16 units takes at most 3n bytes: most documents need no count.
  if (text.length * 3 <= maxBytes) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return null;
  const raise = '(raise it with maxFileSize in .factlintrc.yml)';
  return `file is ${formatSize(bytes)}, over the ${formatSize(maxBytes)} limit ${raise}`;
}

/**
 * Whether the article dates itself without the text's dateline: front matter (`date:` or
 * `factlint: {date}`), or its file name when the configuration reads dates from file names.
 * The `factlint.date` setting stands in only for a draft that does not.
 */
function hasOwnDate(
  text: string,
  filename: string,
  format: CheckOptions['format'],
  sources: readonly DateSourceName[],
): boolean {
  try {
    const markdown = format === 'markdown' || (format === undefined && !/\.(txt|text)$/i.test(filename));
    const frontMatter = markdown ? readFrontMatter(text, filename) : null;
    const own = articleSettings(frontMatter?.data, filename).date ?? frontMatter?.data.date;
    const withoutText = sources.filter((s) => s !== 'text');
    return articleDate(undefined, own, proseOfText('', 0), filename, withoutText).range !== null;
  } catch {
    // Malformed front matter: the check reports it.
    return true;
  }
}

function formatOf(languageId: string): CheckOptions['format'] {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'plaintext') return 'text';
  return undefined;
}

function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

function workspaceFolder(params: InitializeParams): string | null {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  return uri ? filePath(uri) : (params.rootPath ?? null);
}

function validDate(value: unknown, log: (line: string) => void): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && parseDateSpec(value)) return value;
  log(`factlint.date "${String(value)}" is not a date (YYYY-MM-DD, YYYY-MM, YYYY or A/B): ignored`);
  return null;
}
