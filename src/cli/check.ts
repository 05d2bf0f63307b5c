import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DATE_RULE_ID, UNUSED_DIRECTIVE_ID } from '../engine.js';
import { formatGithub } from '../report/github.js';
import { formatJunit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { formatStylish } from '../report/stylish.js';
import { defaultRulesDir } from '../rules/load.js';
import type { Report } from '../types.js';
import { parse, stringOption, UsageError, type Parsed } from './args.js';
import { whileWriting, writeFileAtomic } from '../util/atomic-write.js';
import { isTerminal, standardOutput } from '../runner/output.js';
import { runCheck, type Run } from '../runner/run.js';
import { CHECK_OPTIONS, resolveSettings } from './settings.js';

export { CHECK_OPTIONS };

type Formatter = (report: Report, run: Run, color: boolean) => string;

const FORMATTERS: Record<string, Formatter> = {
  stylish: (report, _run, color) => formatStylish(report, { color }),
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  sarif: (report, run) =>
    formatSarif(absolutePaths(report, run.cwd), {
      rules: run.reference.rules,
      baseDir: repositoryRoot(run.cwd),
      read: (path) => articleText(path),
      documented: ownRules(run),
    }),
  github: (report) => formatGithub(report),
  junit: (report) => formatJunit(report),
};

/** SARIF wants paths relative to the repository, whatever folder factlint ran in. */
function absolutePaths(report: Report, cwd: string): Report {
  const absolute = (path: string) => (path.startsWith('<') ? path : resolve(cwd, path));
  return {
    ...report,
    files: report.files.map((f) => ({ ...f, path: absolute(f.path) })),
    ...(report.errors ? { errors: report.errors.map((e) => ({ ...e, path: absolute(e.path) })) } : {}),
  };
}

/** factlint's own rules, which have pages under docs/rules/: the shipped rule files' and the engine's. */
function ownRules(run: Run): (ruleId: string) => boolean {
  const shippedDir = defaultRulesDir();
  const own = new Set([DATE_RULE_ID, UNUSED_DIRECTIVE_ID]);
  for (const rule of run.reference.rules) if (dirname(resolve(run.cwd, rule.file)) === shippedDir) own.add(rule.id);
  return (ruleId) => own.has(ruleId);
}

function repositoryRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** The text factlint checked (offsets refer to it), for SARIF fingerprints; null when it cannot be read again. */
function articleText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** The run described by the arguments: paths, stdin, cache, fix mode, jobs. */
export async function runFromArgs(
  values: Parsed['values'],
  positionals: readonly string[],
  cwd: string,
  keepAnalyses = false,
): Promise<Run> {
  const settings = resolveSettings(values, cwd);
  const useStdin = values.stdin === true || positionals.includes('-');
  const paths = positionals.filter((p) => p !== '-');
  if (!useStdin && paths.length === 0)
    throw new UsageError('nothing to check: give files, folders or globs, or --stdin');
  if (values.fix === true && values['fix-dry-run'] === true)
    throw new UsageError('--fix and --fix-dry-run: choose one');
  const jobs = stringOption(values, 'jobs');
  if (jobs !== undefined && !/^\d+$/.test(jobs)) throw new UsageError(`--jobs ${jobs}: use a number of threads`);
  const cacheLocation =
    values.cache === true ? resolve(cwd, stringOption(values, 'cache-location') ?? '.factlintcache') : null;
  return runCheck({
    settings,
    paths,
    stdinName: useStdin ? (stringOption(values, 'stdin-filename') ?? '<stdin>') : null,
    cacheLocation,
    fix: values.fix === true ? 'write' : values['fix-dry-run'] === true ? 'dry-run' : 'none',
    jobs: jobs === undefined ? 'auto' : Number(jobs),
    keepAnalyses,
    useIgnoreFile: values['no-ignore'] !== true,
  });
}

export async function checkCommand(args: readonly string[], cwd: string): Promise<number> {
  const { values, positionals } = parse(args, CHECK_OPTIONS);
  const format = stringOption(values, 'format') ?? 'stylish';
  const formatter = FORMATTERS[format];
  if (!formatter) throw new UsageError(`--format ${format}: use one of ${Object.keys(FORMATTERS).join(', ')}`);
  const failOn = stringOption(values, 'fail-on') ?? 'error';
  if (!['error', 'warning', 'info'].includes(failOn))
    throw new UsageError(`--fail-on ${failOn}: use error, warning or info`);
  const maxWarnings = stringOption(values, 'max-warnings');
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings))
    throw new UsageError(`--max-warnings ${maxWarnings}: use a number`);
  const run = await runFromArgs(values, positionals, cwd);
  for (const note of run.notes) process.stderr.write(`factlint: warning: ${note}\n`);
  for (const error of run.errors) process.stderr.write(`factlint: ${error.message}\n`);
  for (const diff of run.diffs) standardOutput().write(diff);
  const report = values.quiet === true ? errorsOnly(run.report) : run.report;
  const outputFile = stringOption(values, 'output-file');
  const color =
    !outputFile && !values['no-color'] && (values.color === true || (!process.env.NO_COLOR && isTerminal(1)));
  const output = formatter(report, run, color);
  if (outputFile) await whileWriting(() => writeFileAtomic(resolve(cwd, outputFile), output));
  else standardOutput().write(output);
  return exitCode(report, run, failOn, maxWarnings === undefined ? null : Number(maxWarnings));
}

/** --quiet: only error-level findings are reported and counted. */
function errorsOnly(report: Report): Report {
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  return { ...report, files, summary: { ...report.summary, warnings: 0, infos: 0 } };
}

function exitCode(report: Report, run: Run, failOn: string, maxWarnings: number | null): number {
  if (run.errors.length > 0) return 2;
  const { errors, warnings, infos } = report.summary;
  if (errors > 0) return 1;
  if (failOn !== 'error' && warnings > 0) return 1;
  if (failOn === 'info' && infos > 0) return 1;
  if (maxWarnings !== null && warnings > maxWarnings) return 1;
  return 0;
}
