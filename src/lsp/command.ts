import { createConnection } from 'vscode-languageserver/node';
import { parse, UsageError } from '../cli/args.js';
import { startServer } from './server.js';

const LSP_OPTIONS = {
  stdio: { type: 'boolean' },
  // Language clients add the editor's process id; the server library watches it and exits with it.
  clientProcessId: { type: 'string' },
} as const;

/**
 * `factlint lsp [--stdio]`: the language server over standard input and output (the default and
 * the only transport). It runs until the client sends `exit` or closes its input.
 */
export async function lspCommand(args: readonly string[], _cwd: string): Promise<number> {
  if (args.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe')))
    throw new UsageError('factlint lsp talks over standard input and output only: use --stdio (or nothing)');
  const { positionals } = parse(args, LSP_OPTIONS);
  if (positionals.length) throw new UsageError(`factlint lsp takes no paths (got ${positionals[0]})`);
  const connection = createConnection(process.stdin, process.stdout);
  // A language server outlives a bad message or a bug in one request: it says so and goes on.
  process.on('uncaughtException', (error) => connection.console.error(`factlint: uncaught: ${error.stack ?? error}`));
  process.on('unhandledRejection', (error) => connection.console.error(`factlint: unhandled: ${String(error)}`));
  startServer(connection);
  connection.listen();
  // The server library ends the process on `exit` or when the client closes standard input.
  return new Promise<number>(() => {});
}
