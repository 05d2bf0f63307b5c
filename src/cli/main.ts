#!/usr/bin/env node
import { InputError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { UsageError } from './args.js';
import { checkCommand } from './check.js';
import { explainCommand } from './explain.js';
import { tableCommand } from './table.js';
import { importCommand } from './import.js';
import { initCommand, printConfigCommand } from './config-commands.js';
import { serveCommand } from './serve.js';
import { CHECK_OPTIONS_HELP, helpFor } from './help.js';
import { standardOutput } from '../runner/output.js';

const USAGE = `factlint ${VERSION}: checks quotes, speakers and officeholder titles in news articles

Usage:
  factlint check [paths...] [options]    check articles (files, folders, globs; - for stdin)
  factlint explain <file> [options]      every quote, speaker, title and finding, with the reasons
  factlint print-config <file>           the configuration that applies to a file
  factlint init                          write a commented starter .factlintrc.yml
  factlint table lint|who|person|stats   tools for the reference table
  factlint table generate [--check] [--data DIR]   regenerate the tables rules/import/ makes
  factlint import <kind> <source> -o <table.yml>   kind: ifg, popolo, wikidata, csv, congress
  factlint serve [--host H] [--port P] [--token T]  the HTTP API and a page for editors (default 127.0.0.1:8080)
  factlint lsp [--stdio]                 the language server for code editors (findings, fixes, hovers)
  factlint --version | --help
  factlint <command> --help              a command's options

Options for check and explain:
${CHECK_OPTIONS_HELP}
Exit codes: 0 no errors, 1 error-level findings (or as --fail-on / --max-warnings say),
2 usage, configuration or input error.
`;

type Command = (args: readonly string[], cwd: string) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  explain: explainCommand,
  table: tableCommand,
  import: importCommand,
  'print-config': printConfigCommand,
  init: initCommand,
  serve: serveCommand,
  // A bundle of its own (dist/lsp.js): only the language server loads the protocol library.
  lsp: async (args, cwd) => {
    const lsp = (await import(new URL('./lsp.js', import.meta.url).href)) as typeof import('../lsp/command.js');
    return lsp.lspCommand(args, cwd);
  },
};

async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest.length > 0) return main([...rest, '--help'], cwd);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    standardOutput().write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    standardOutput().write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command)
    throw new UsageError(
      `unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}; see factlint --help)`,
    );
  const help = helpFor(name, rest);
  if (help !== null) {
    standardOutput().write(help);
    return 0;
  }
  return command(rest, cwd);
}

function fail(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(`factlint: ${error.describe()}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  const details = process.env.FACTLINT_DEBUG
    ? `\n${(error as Error).stack ?? ''}`
    : ' (set FACTLINT_DEBUG=1 for details)';
  process.stderr.write(`factlint: internal error: ${message.split('\n')[0]}${details}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = fail(error);
  },
);
