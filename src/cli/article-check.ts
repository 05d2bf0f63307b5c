import { decodeArticle } from '../article/decode.js';
import { analyze, type Analysis, type CheckOptions } from '../engine.js';
import type { FileReport } from '../types.js';
import { InputError } from '../util/yaml.js';
import { applySafeFixes, lineDiff } from './fix.js';

export type FixMode = 'none' | 'write' | 'dry-run';

export interface ArticleResult {
  report?: FileReport;
  /** One line for stderr: why the file could not be checked. */
  error?: string;
  analysis?: Analysis;
  /** With --fix or --fix-dry-run, when safe fixes changed the text. */
  fixed?: { text: string; diff: string };
}

/** Decode, check and (if asked) fix one article's bytes. Problems with the input are results, not exceptions. */
export function checkArticle(path: string, bytes: Uint8Array, options: Omit<CheckOptions, 'filename'>, maxSize: number, fix: FixMode): ArticleResult {
  const decoded = decodeArticle(bytes, maxSize);
  if (!decoded.ok) return { error: `${path}: ${decoded.message}` };
  try {
    const analysis = analyze(decoded.text, { ...options, filename: path });
    if (fix === 'none') return { report: analysis.report, analysis };
    const fixed = applySafeFixes(decoded.text, analysis.report.findings);
    if (fixed.applied === 0) return { report: analysis.report, analysis };
    const after = analyze(fixed.text, { ...options, filename: path });
    return { report: after.report, analysis: after, fixed: { text: fixed.text, diff: lineDiff(path, decoded.text, fixed.text) } };
  } catch (error) {
    if (error instanceof InputError) return { error: error.file ? error.describe() : `${path}: ${error.message}` };
    throw error;
  }
}
