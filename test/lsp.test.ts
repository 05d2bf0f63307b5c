import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import {
  type ClientCapabilities,
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type MarkupContent,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ConfigurationRequest,
  type PublishDiagnosticsParams,
  type Range,
  ShutdownRequest,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, loadReference } from '../src/index.js';
import { ROOT } from './helpers.js';

const SEED = 'corpus/seed-1-paris-peace-talks.md';
const SEED_URI = pathToFileURL(join(ROOT, SEED)).href;

/** The built server (`factlint lsp --stdio`) and a JSON-RPC client on its standard input and output. */
class Session {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  private waiting: (() => void)[] = [];
  stderr = '';

  constructor(cwd = ROOT) {
    this.child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'lsp', '--stdio'], { cwd });
    this.child.stderr.on('data', (chunk) => {
      this.stderr += chunk;
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const wake of this.waiting.splice(0)) wake();
    });
    this.connection.listen();
  }

  async initialize(initializationOptions: object = { debounceMs: 10 }, capabilities: ClientCapabilities = {}) {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The first diagnostics for `uri` published after `since` (an index into `published`) that `accept` takes. */
  async diagnostics(
    uri: string,
    since: number,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = this.published.slice(since).find((p) => p.uri === uri && accept(p));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}; stderr: ${this.stderr}`);
      await new Promise<void>((wake) => {
        this.waiting.push(wake);
        setTimeout(wake, 500);
      });
    }
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1) {
    const since = this.published.length;
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return this.diagnostics(uri, since, (p) => p.version === version);
  }

  async stop() {
    if (this.child.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => {});
      await this.connection.sendNotification('exit').catch(() => {});
    }
    await new Promise((done) => (this.child.exitCode === null ? this.child.once('exit', done) : done(null)));
    this.connection.dispose();
  }
}

function hoverText(hover: Hover | null): string {
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

function rangeOf(finding: { line: number; column: number; endLine: number; endColumn: number }): Range {
  return {
    start: { line: finding.line - 1, character: finding.column - 1 },
    end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
  };
}

describe('factlint lsp, driven over stdio by a JSON-RPC client', () => {
  const seedText = readFileSync(join(ROOT, SEED), 'utf8');
  let session: Session;
  let seed: PublishDiagnosticsParams;

  beforeAll(async () => {
    session = new Session();
    await session.initialize();
    seed = await session.open(SEED_URI, seedText);
  });
  afterAll(async () => {
    await session.stop();
  });

  it('publishes the findings of check at the positions check reports', () => {
    const report = check(seedText, { reference: loadReference(), filename: SEED });
    const findings = report.files[0]?.findings ?? [];
    expect(findings.map((f) => f.ruleId)).toEqual(['name-consistency', 'quote-attribution']);
    expect(seed.diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(
      findings.map((f) => [f.ruleId, rangeOf(f), f.message]),
    );
    const scholz = seed.diagnostics.find((d) => d.code === 'quote-attribution');
    expect(scholz).toMatchObject({
      severity: DiagnosticSeverity.Error,
      source: 'factlint',
      range: { start: { line: 18, character: 81 }, end: { line: 18, character: 87 } },
    });
    const document = TextDocument.create(SEED_URI, 'markdown', 1, seedText);
    expect(document.getText(scholz?.range)).toBe('Scholz');
  });

  it('hovers on a flagged name with the evidence rows and the holder on the article date', async () => {
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: SEED_URI },
      position: { line: 18, character: 84 },
    });
    const value = hoverText(hover);
    expect(value).toContain('quote-attribution');
    expect(value).toMatch(/\| Chancellor of Germany \| Olaf Scholz \| 2021-12-08 \| 2025-05-06 \| bundesregierung/);
    expect(value).toMatch(/\| Chancellor of Germany \| Friedrich Merz \| 2025-05-06 \| — \|/);
    const onTheDate = "On 2026-01-07 (the article's date, from the front matter), Chancellor of Germany:";
    expect(value).toContain(`${onTheDate} **Friedrich Merz** (since 2025-05-06).`);
    const claim = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: SEED_URI },
      position: { line: 16, character: 20 },
    });
    expect(hoverText(claim)).toContain('title claim “German Chancellor” → Chancellor of Germany, Friedrich Merz: ok');
    expect(hoverText(claim)).toContain(`${onTheDate} **Friedrich Merz**`);
    const nothing = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: SEED_URI },
      position: { line: 0, character: 0 },
    });
    expect(nothing).toBeNull();
  });

  it('offers the house style as the preferred quick fix and other suggestions as plain actions', async () => {
    const zelensky = seed.diagnostics.find((d) => d.code === 'name-consistency') as Diagnostic;
    const scholz = seed.diagnostics.find((d) => d.code === 'quote-attribution') as Diagnostic;
    const actionsAt = (diagnostic: Diagnostic) =>
      session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: SEED_URI },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      }) as Promise<CodeAction[]>;
    const [houseStyle] = await actionsAt(zelensky);
    expect(houseStyle).toMatchObject({
      kind: 'quickfix',
      isPreferred: true,
      title: 'Use the house style, Volodymyr Zelenskyy',
    });
    expect(houseStyle?.edit?.changes?.[SEED_URI]).toEqual([{ range: zelensky.range, newText: 'Volodymyr Zelenskyy' }]);
    const [merz] = await actionsAt(scholz);
    expect(merz).toMatchObject({ kind: 'quickfix', title: 'Attribute the quote to Friedrich Merz' });
    expect(merz?.isPreferred).toBeUndefined();
    const fixAll = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: SEED_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(fixAll.map((a) => [a.kind, a.edit?.changes?.[SEED_URI]?.length])).toEqual([['source.fixAll.factlint', 1]]);
  });

  it('applies a quick fix and an edit, and publishes the diagnostics of each new version', async () => {
    const document = TextDocument.create(SEED_URI, 'markdown', 1, seedText);
    const zelensky = seed.diagnostics.find((d) => d.code === 'name-consistency') as Diagnostic;
    const [fix] = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: SEED_URI },
      range: zelensky.range,
      context: { diagnostics: [zelensky] },
    })) as CodeAction[];
    const edits = fix?.edit?.changes?.[SEED_URI] as TextEdit[];
    const change = async (version: number, changes: TextEdit[]) => {
      const since = session.published.length;
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: SEED_URI, version },
        contentChanges: changes.map((e) => ({ range: e.range, text: e.newText })),
      });
      return session.diagnostics(SEED_URI, since, (p) => p.version === version);
    };
    const fixed = await change(2, edits);
    expect(fixed.diagnostics.map((d) => d.code)).toEqual(['quote-attribution']);
    const fixedText = TextDocument.applyEdits(document, edits);
    const scholz = fixed.diagnostics[0] as Diagnostic;
    const merz = await change(3, [{ range: scholz.range, newText: 'Merz' }]);
    expect(merz.diagnostics).toEqual([]);
    const report = check(fixedText.replace('” Scholz said', '” Merz said'), { reference: loadReference() });
    expect(report.summary.errors + report.summary.warnings).toBe(0);
  });

  it('counts positions in UTF-16 code units, as LSP does by default (non-BMP characters before a name)', async () => {
    const uri = 'untitled:emoji.md';
    const text = '---\ndate: 2026-01-07\n---\n\n😀😀 German Chancellor Olaf Scholz visited Paris.\n';
    const published = await session.open(uri, text);
    const [holder] = published.diagnostics;
    expect(holder?.code).toBe('title-holder');
    // Two emoji are four UTF-16 code units (two code points): the name starts at character 23.
    expect(holder?.range).toEqual({ start: { line: 4, character: 23 }, end: { line: 4, character: 34 } });
    expect(TextDocument.create(uri, 'markdown', 1, text).getText(holder?.range)).toBe('Olaf Scholz');
  });

  it('dates a draft without front matter from the factlint.date setting', async () => {
    const uri = 'untitled:draft.md';
    const text = 'German Chancellor Olaf Scholz visited Paris.\n';
    const undated = await session.open(uri, text);
    expect(undated.diagnostics.map((d) => d.code)).toEqual(['article-date']);
    expect(undated.diagnostics[0]?.message).toContain('set factlint.date');
    const since = session.published.length;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { factlint: { date: '2026-01-07' } },
    });
    const dated = await session.diagnostics(uri, since);
    expect(dated.diagnostics.map((d) => d.code)).toEqual(['title-holder']);
    // Front matter beats the setting: an article of 2023, when Scholz was chancellor, has nothing to fix.
    const ownDate = '---\ndate: 2023-01-07\n---\n\nGerman Chancellor Olaf Scholz visited Paris.\n';
    expect((await session.open('untitled:dated.md', ownDate)).diagnostics).toEqual([]);
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 20 },
    });
    expect(hoverText(hover)).toContain('from the factlint.date setting');
  });

  it('survives malformed messages and bad requests', async () => {
    const stdin = session.child.stdin;
    stdin.write('Content-Length: 11\r\n\r\n{not json!}');
    stdin.write('X-Nonsense: 1\r\n\r\n');
    stdin.write('Content-Length: 15\r\n\r\n{"jsonrpc":"2"}');
    await expect(
      session.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' } }),
    ).resolves.toBeNull();
    await expect(session.connection.sendRequest('textDocument/hover', null)).rejects.toThrow();
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'untitled:emoji.md' },
      position: { line: 4, character: 25 },
    });
    expect(hoverText(hover)).toContain('title-holder');
    expect(session.child.exitCode).toBeNull();
  });

  it('reports a document over the size limit as one diagnostic instead of checking it', async () => {
    const uri = 'untitled:huge.md';
    const paragraph = 'German Chancellor Olaf Scholz said “we will see” on Tuesday in Berlin.\n\n';
    const huge = paragraph.repeat(Math.ceil((6 * 1024 * 1024) / paragraph.length));
    const published = await session.open(uri, huge);
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]?.message).toMatch(/^file is 6\.\d MB, over the 5\.0 MB limit/);
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 20 },
    });
    expect(hover).toBeNull();
    expect(session.child.exitCode).toBeNull();
  });
});

describe('factlint lsp configuration', () => {
  let session: Session;
  let dir: string;
  afterAll(async () => {
    await session?.stop();
  });

  it('uses the .factlintrc.yml found upward from the file and reloads it when it changes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'factlint-lsp-'));
    const config = join(dir, '.factlintrc.yml');
    writeFileSync(config, 'rules:\n  quote-attribution: warning\n');
    writeFileSync(join(dir, 'table.yml'), 'offices: {}\n');
    mkdirSync(join(dir, 'news'));
    const article = join(dir, 'news', 'article.md');
    const text = readFileSync(join(ROOT, SEED), 'utf8');
    writeFileSync(article, text);
    const uri = pathToFileURL(article).href;
    session = new Session(dir);
    await session.initialize();
    const first = await session.open(uri, text);
    expect(first.diagnostics.find((d) => d.code === 'quote-attribution')?.severity).toBe(DiagnosticSeverity.Warning);

    let since = session.published.length;
    writeFileSync(config, 'rules:\n  quote-attribution: off\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }],
    });
    const reloaded = await session.diagnostics(
      uri,
      since,
      (p) => !p.diagnostics.some((d) => d.code === 'quote-attribution'),
    );
    expect(reloaded.diagnostics.map((d) => d.code)).toContain('name-consistency');

    // A reference table the configuration names: the server watches it itself.
    since = session.published.length;
    writeFileSync(config, 'rules:\n  quote-attribution: off\nreference: [table.yml]\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }],
    });
    await session.diagnostics(uri, since);
    since = session.published.length;
    writeFileSync(
      join(dir, 'table.yml'),
      'people:\n  Volodymyr Zelenskyy: {variants: [Volodymyr Zelensky]}\nhouseStyle-not-a-key: 1\n',
    );
    const broken = await session.diagnostics(uri, since);
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]?.message).toMatch(/table\.yml/);
  });
});

describe('factlint lsp with a client like VS Code', () => {
  let session: Session;
  afterAll(async () => {
    await session?.stop();
  });

  it('asks for the factlint settings and registers file watchers for configuration and tables', async () => {
    session = new Session();
    const registered: string[] = [];
    const asked: unknown[] = [];
    session.connection.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations)
        for (const w of (r.registerOptions as { watchers: { globPattern: string }[] }).watchers)
          registered.push(`${r.method} ${w.globPattern}`);
      return null;
    });
    session.connection.onRequest(ConfigurationRequest.type, (params) => {
      asked.push(...params.items.map((i) => i.section));
      return params.items.map(() => ({ date: '2026-01-07' }));
    });
    await session.initialize(
      { debounceMs: 500 },
      { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    );
    const uri = 'untitled:pulled.md';
    const text = 'German Chancellor Olaf Scholz visited Paris.\n';
    const since = session.published.length;
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    // The settings arrive after `initialized`: the draft is checked again with their date.
    const dated = await session.diagnostics(uri, since, (p) => p.diagnostics.some((d) => d.code === 'title-holder'));
    expect(dated.diagnostics.map((d) => d.code)).toEqual(['title-holder']);
    expect(asked).toEqual(['factlint']);
    expect(registered).toEqual([
      'workspace/didChangeWatchedFiles **/{.factlintrc.yml,.factlintrc.yaml,factlint.config.yml,package.json}',
      'workspace/didChangeWatchedFiles **/*.{yml,yaml}',
    ]);
  });

  it('checks a burst of changes once, when typing pauses', async () => {
    const uri = 'untitled:pulled.md';
    const since = session.published.length;
    for (const [version, word] of [
      [2, 'Friedrich'],
      [3, 'Friedrich Merz'],
      [4, 'Friedrich Merz,'],
    ] as const) {
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text: `German Chancellor ${word} visited Paris.\n` }],
      });
    }
    const last = await session.diagnostics(uri, since, (p) => p.version === 4);
    expect(last.diagnostics).toEqual([]);
    expect(session.published.slice(since).map((p) => p.version)).toEqual([4]);
  });
});

describe('factlint lsp arguments', () => {
  const lsp = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lsp', ...args], { encoding: 'utf8', input: '' });

  it('prints its usage with --help, and refuses transports other than stdio and paths with exit code 2', () => {
    expect(lsp('--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('factlint lsp [--stdio]') });
    const socket = lsp('--socket=6009');
    expect([socket.status, socket.stderr]).toEqual([2, expect.stringContaining('use --stdio')]);
    const paths = lsp('article.md');
    expect([paths.status, paths.stderr]).toEqual([2, expect.stringContaining('takes no paths')]);
  });
});
