import { Buffer } from 'node:buffer';
import { format } from 'node:util';
import {
  type Connection,
  createConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { parse, UsageError } from '../cli/args.js';
import { startServer } from './server.js';

const USAGE = `Usage: factlint lsp [--stdio]

The factlint language server, for code editors: diagnostics, quick fixes and hovers for Markdown
and plain text, over standard input and output (the default; --stdio is accepted as clients pass
it). Each file is checked with the .factlintrc.yml found upward from it. See docs/editors.md.
`;

const LSP_OPTIONS = {
  stdio: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // Language clients add the editor's process id; the server library watches it and exits with it.
  clientProcessId: { type: 'string' },
} as const;

/**
 * `factlint lsp [--stdio]`: the language server over standard input and output (the default and
 * the only transport). It runs until the client sends `exit` or closes its input.
 */
export async function lspCommand(args: readonly string[], _cwd: string): Promise<number> {
  // This runs in a bundle of its own (dist/lsp.js), whose error classes the CLI's handler does
  // not know: usage errors are said here, in the CLI's words and with its exit code.
  try {
    if (!readArgs(args)) return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`factlint: ${error.message}\n`);
    return 2;
  }
  const connection = stdioConnection();
  // A language server outlives a bad message or a bug in one request: it says so and goes on.
  process.on('uncaughtException', (error) => connection.console.error(`factlint: uncaught: ${error.stack ?? error}`));
  process.on('unhandledRejection', (error) => connection.console.error(`factlint: unhandled: ${String(error)}`));
  startServer(connection);
  connection.listen();
  // The server library ends the process on `exit`; stdioConnection when the client goes away.
  return new Promise<number>(() => {});
}

/**
 * A connection over standard input and output. Standard output carries the protocol only, so the
 * console goes to the client's log; the process ends when the client closes standard input.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  // After a header block without a valid Content-Length the reader leaves the rest of the chunk
  // it came in unread, so a good message right behind a bad one would wait for the next chunk:
  // read on at once.
  reader.onError(() => setImmediate(() => process.stdin.emit('data', Buffer.alloc(0))));
  const connection = createConnection(reader, new StreamMessageWriter(process.stdout));
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });
  const clientGone = () => process.exit(shutDown ? 0 : 1);
  process.stdin.on('end', clientGone);
  process.stdin.on('close', clientGone);
  const log = (...parts: unknown[]) => connection.console.log(format(...parts));
  console.log = log;
  console.info = log;
  console.warn = (...parts: unknown[]) => connection.console.warn(format(...parts));
  console.error = (...parts: unknown[]) => connection.console.error(format(...parts));
  return connection;
}

/** False when the arguments ask for help (printed here) rather than a server. */
function readArgs(args: readonly string[]): boolean {
  if (args.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe')))
    throw new UsageError('factlint lsp talks over standard input and output only: use --stdio (or nothing)');
  const { values, positionals } = parse(args, LSP_OPTIONS);
  if (values.help === true) {
    process.stdout.write(USAGE);
    return false;
  }
  if (positionals.length) throw new UsageError(`factlint lsp takes no paths (got ${positionals[0]})`);
  return true;
}
