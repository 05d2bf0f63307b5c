import { describe, expect, it } from 'vitest';
import { INIT_OPTIONS } from '../../src/cli/config-commands.js';
import { helpFor } from '../../src/cli/help.js';
import { IMPORT_OPTIONS, KIND_OPTIONS, KINDS } from '../../src/cli/import.js';
import { SERVE_OPTIONS } from '../../src/cli/serve.js';
import { CHECK_OPTIONS } from '../../src/cli/settings.js';
import { TABLE_OPTIONS } from '../../src/cli/table.js';

/** Every option the command's parser takes, as written on the command line. */
const flags = (options: object) => Object.keys(options).map((name) => `--${name}`);

function expectHelp(args: string[], options: string[]): void {
  const [command = '', ...rest] = args;
  const help = helpFor(command, [...rest, '--help']);
  expect(help, args.join(' ')).not.toBeNull();
  expect(help).toMatch(new RegExp(`^Usage: factlint ${args.join(' ')}`));
  for (const option of options) expect(help, `${args.join(' ')} --help should list ${option}`).toContain(option);
}

describe('--help on every command prints its usage and every option it takes', () => {
  it('check, explain and print-config', () => {
    for (const command of ['check', 'explain', 'print-config']) expectHelp([command], flags(CHECK_OPTIONS));
  });

  it('init and serve', () => {
    expectHelp(['init'], flags(INIT_OPTIONS));
    expectHelp(['serve'], flags(SERVE_OPTIONS));
  });

  it('table and each of its subcommands', () => {
    expectHelp(['table'], ['lint', 'who', 'person', 'stats', 'generate']);
    const shared = ['--reference', '--no-default-reference', '--format'];
    expectHelp(['table', 'lint'], [...shared, '--gap-days']);
    expectHelp(['table', 'who'], [...shared, '--date']);
    expectHelp(['table', 'person'], shared);
    expectHelp(['table', 'stats'], shared);
    expect(flags(TABLE_OPTIONS).sort()).toEqual([...shared, '--date', '--gap-days'].sort());
    expectHelp(['table', 'generate'], ['--check', '--data']);
  });

  it('import and each kind, with the options that kind takes', () => {
    expectHelp(['import'], ['--output', ...KINDS]);
    for (const kind of KINDS) expectHelp(['import', kind], ['--output', ...KIND_OPTIONS[kind].map((o) => `--${o}`)]);
    expect(flags(IMPORT_OPTIONS).sort()).toEqual(['--as-of', '--country', '--mapping', '--output']);
  });

  it('-h works too; an argument after -- is not a request for help', () => {
    expect(helpFor('check', ['a.md', '-h'])).toMatch(/^Usage: factlint check/);
    expect(helpFor('check', ['--', '--help'])).toBeNull();
    expect(helpFor('check', ['a.md'])).toBeNull();
  });
});
