import { decodeArticle } from '../article/decode.js';
import { analyzeFile, type Analysis, type CheckOptions } from '../engine.js';
import type { FileReport } from '../types.js';
import { InputError } from '../util/errors.js';
import { applySafeFixes, lineDiff } from './fix.js';

export type FixMode = 'none' | 'write' | 'dry-run';

export interface ArticleResult {
  report?: FileReport;
  /** One line for stderr: why the file could not be checked. */
  error?: string;
  analysis?: Analysis;
  /** With --fix or --fix-dry-run, when safe fixes changed the text; `before`: the report of the text as read. */
  fixed?: { text: string; diff: string; before: FileReport };
}

function resultOf(analysis: Analysis, keepAnalysis: boolean): ArticleResult {
  return keepAnalysis ? { report: analysis.report, analysis } : { report: analysis.report };
}

/** Decode, check and (if asked) fix one article's bytes. Problems with the input are results, not exceptions. */
export function checkArticle(
  path: string,
  bytes: Uint8Array,
  options: Omit<CheckOptions, 'filename'>,
  maxSize: number,
  fix: FixMode,
  keepAnalysis = false,
): ArticleResult {
  const decoded = decodeArticle(bytes, maxSize);
  if (!decoded.ok) return { error: `${path}: ${decoded.message}` };
  try {
    const analysis = analyzeFile(decoded.text, options, path);
    if (fix === 'none') return resultOf(analysis, keepAnalysis);
    const fixed = applySafeFixes(decoded.text, analysis.report.findings);
    if (fixed.applied === 0) return resultOf(analysis, keepAnalysis);
    const after = resultOf(analyzeFile(fixed.text, options, path), keepAnalysis);
    after.fixed = { text: fixed.text, diff: lineDiff(path, decoded.text, fixed.text), before: analysis.report };
    return after;
  } catch (error) {
    if (error instanceof InputError) return { error: error.file ? error.describe() : `${path}: ${error.message}` };
    throw error;
  }
}
