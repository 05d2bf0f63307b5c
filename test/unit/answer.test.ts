import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine.js';
import { answerJson, MAX_ANSWER_ITEMS } from '../../src/server/answer.js';
import type { Report } from '../../src/types.js';
import { fixtureTable, rules } from '../helpers.js';

/** A report with `n` quotes of the same shape (and their findings and claims). */
function reportOf(n: number): Report {
  const text = 'Chancellor Olaf Scholz said “no”. '.repeat(n);
  return check(text, { reference: { table: fixtureTable(), rules: rules() }, format: 'text', date: '2026-01-07' });
}

describe('server answers are bounded (issue 17, item 6)', () => {
  it('cuts each list to MAX_ANSWER_ITEMS, marks the file truncated, and keeps the summary whole', () => {
    const report = reportOf(30);
    const whole = report.files[0];
    expect(whole?.quotes.length).toBe(30);
    const answer = JSON.parse(answerJson(report, 10, Infinity)) as Report;
    const [file] = answer.files;
    expect(file?.truncated).toBe(true);
    expect(file?.quotes).toHaveLength(10);
    expect(file?.findings.length).toBeLessThanOrEqual(10);
    expect(file?.claims.length).toBeLessThanOrEqual(10);
    expect(answer.summary).toEqual(report.summary);
    expect(MAX_ANSWER_ITEMS).toBe(1000);
  });

  it('halves the lists until the answer fits its byte bound', () => {
    const report = reportOf(30);
    const full = answerJson(report, 1000, Infinity);
    const bound = Math.floor(full.length / 3);
    const answer = answerJson(report, 1000, bound);
    expect(answer.length).toBeLessThanOrEqual(bound);
    const [file] = (JSON.parse(answer) as Report).files;
    expect(file?.truncated).toBe(true);
    expect(file?.quotes.length).toBeGreaterThan(0);
    expect(file?.quotes.length).toBeLessThan(30);
  });

  it('leaves a report within both bounds as it is', () => {
    const report = reportOf(3);
    const [file] = (JSON.parse(answerJson(report)) as Report).files;
    expect(file?.truncated).toBeUndefined();
    expect(file?.quotes).toHaveLength(3);
  });
});
