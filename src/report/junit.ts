import type { FileError, FileReport, Finding, Report } from '../types.js';

/** JUnit XML for CI dashboards: a test suite per file, a test case per finding. */

type Outcome =
  | { kind: 'passed' }
  | { kind: 'note'; output: string }
  | { kind: 'failure' | 'error'; message: string; type: string; details: string };

interface TestCase {
  classname: string;
  name: string;
  outcome: Outcome;
}

interface TestSuite {
  name: string;
  cases: TestCase[];
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
}

type Attributes = Readonly<Record<string, string | number>>;

/** Characters XML 1.0 does not allow anywhere, even escaped (lone surrogates included). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // In attribute values, parsers turn raw tabs and line breaks into spaces.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export function formatJunit(report: Report): string {
  const suites = [...report.files.map(fileSuite), ...(report.errors ?? []).map(errorSuite)];
  const totals = sumCounts(suites.map((suite) => countCases(suite.cases)));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes({ name: 'factlint', ...totals })}>`,
    ...suites.map(renderSuite),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function fileSuite(file: FileReport): TestSuite {
  if (file.findings.length === 0)
    return { name: file.path, cases: [{ classname: 'factlint', name: file.path, outcome: { kind: 'passed' } }] };
  return { name: file.path, cases: file.findings.map((finding) => findingCase(file.path, finding)) };
}

function findingCase(path: string, finding: Finding): TestCase {
  const name = `${path}:${finding.line}:${finding.column}`;
  const details = `${finding.message}\nat ${name} to ${finding.endLine}:${finding.endColumn}: “${finding.text}”`;
  const outcome: Outcome =
    finding.severity === 'info'
      ? { kind: 'note', output: `${finding.severity}: ${details}` }
      : { kind: 'failure', message: finding.message, type: finding.severity, details };
  return { classname: finding.ruleId, name, outcome };
}

function errorSuite(error: FileError): TestSuite {
  const outcome: Outcome = { kind: 'error', message: error.message, type: 'file-error', details: error.message };
  return { name: error.path, cases: [{ classname: 'factlint', name: error.path, outcome }] };
}

function countCases(cases: readonly TestCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome.kind === 'failure').length,
    errors: cases.filter((c) => c.outcome.kind === 'error').length,
  };
}

function sumCounts(counts: readonly Counts[]): Counts {
  return counts.reduce(
    (sum, c) => ({ tests: sum.tests + c.tests, failures: sum.failures + c.failures, errors: sum.errors + c.errors }),
    { tests: 0, failures: 0, errors: 0 },
  );
}

function renderSuite(suite: TestSuite): string {
  const open = `  <testsuite ${attributes({ name: suite.name, ...countCases(suite.cases) })}>`;
  return [open, ...suite.cases.map(renderCase), '  </testsuite>'].join('\n');
}

function renderCase(testCase: TestCase): string {
  const open = `    <testcase ${attributes({ classname: testCase.classname, name: testCase.name })}`;
  const body = renderOutcome(testCase.outcome);
  return body === null ? `${open}/>` : `${open}>\n      ${body}\n    </testcase>`;
}

function renderOutcome(outcome: Outcome): string | null {
  switch (outcome.kind) {
    case 'passed':
      return null;
    case 'note':
      return `<system-out>${escapeText(outcome.output)}</system-out>`;
    default: {
      const open = `<${outcome.kind} ${attributes({ message: outcome.message, type: outcome.type })}>`;
      return `${open}${escapeText(outcome.details)}</${outcome.kind}>`;
    }
  }
}

function attributes(values: Attributes): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${escapeAttribute(String(value))}"`)
    .join(' ');
}

function escapeAttribute(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? c);
}

/** Element content keeps its tabs and line feeds; a CR is kept as a reference, or parsers would drop it. */
function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c] ?? c);
}
