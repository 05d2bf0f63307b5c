import { parseYaml } from '../util/yaml.js';
import { InputError } from '../util/errors.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Offset just after the closing fence line: where the body begins. */
  end: number;
}

const OPENING = /^---[ \t]*(\r\n|\n|\r)/;
const CLOSING = /^(---|\.\.\.)[ \t]*(\r\n|\n|\r|$)/gm;

/** Optional YAML front matter at the very start of a Markdown article. */
export function readFrontMatter(text: string, file: string): FrontMatter | null {
  const opening = OPENING.exec(text);
  if (!opening) return null;
  const bodyStart = opening[0].length;
  CLOSING.lastIndex = bodyStart;
  const closing = CLOSING.exec(text);
  if (!closing) throw new InputError('front matter opened with --- is never closed', file, 1, 1);
  const yamlText = text.slice(bodyStart, closing.index);
  const parsed = parseFrontMatter(yamlText, file);
  const value = parsed.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('front matter must be a YAML mapping (key: value lines)', file, 2, 1);
  }
  return { data: value as Record<string, unknown>, end: closing.index + closing[0].length };
}

function parseFrontMatter(yamlText: string, file: string): ReturnType<typeof parseYaml> {
  try {
    return parseYaml(yamlText, file, 1);
  } catch (error) {
    if (!(error instanceof InputError) || error.line === undefined) throw error;
    // File line n is front matter line n - 1 (the opening --- is line 1).
    const lines = yamlText.split(/\r?\n|\r/);
    const plain = plainError(error.message, lines, error.line - 2);
    const line = plain.index + 2;
    const column = line === error.line ? error.column : 1;
    throw new InputError(`front matter, line ${line}: ${plain.reason}`, file, line, column);
  }
}

/** What the YAML parser's complaint means for a writer, and the line (0-based in the front matter) it is about. */
function plainError(message: string, lines: readonly string[], at: number): { reason: string; index: number } {
  const opener = /Missing closing (["'])/.exec(message)?.[1] ?? (/Flow sequence/.test(message) ? '[' : null);
  const open = opener ?? (/Flow map/.test(message) ? '{' : null);
  if (open) {
    const index = lastLineWith(lines, open, at);
    const close = open === '[' ? ']' : open === '{' ? '}' : open;
    return { reason: `a ${open} opens a value that is never closed: end it with ${close} on the same line`, index };
  }
  const line = lines[at] ?? '';
  const pair = /^([^\s:#][^:]*):\s+(.*)$/.exec(line.trim());
  if (/Nested mappings|Implicit keys need|Implicit map keys need/.test(message)) {
    const indented = [at, at + 1].find((i) => /^\s+[^\s-]/.test(lines[i] ?? ''));
    if (indented !== undefined)
      return {
        reason: 'this line is indented under a whole "key: value": remove the spaces before it',
        index: indented,
      };
    if (pair?.[2]?.includes(': ')) {
      const quoted = `${pair[1]}: "${pair[2].replace(/"/g, '\\"')}"`;
      return { reason: `the value has ": " in it, which reads as another key: put it in quotes, ${quoted}`, index: at };
    }
    return { reason: 'write each line as "key: value"', index: at };
  }
  if (/keys must be unique/.test(message))
    return { reason: `"${pair?.[1] ?? ''}" is given twice: keep one`, index: at };
  if (/Tabs are not allowed/.test(message)) return { reason: 'indent with spaces, not tabs', index: at };
  const reserved = /(?:reserved|indicator) character (\S)/.exec(message)?.[1];
  if (reserved) return { reason: `a value cannot start with ${reserved}: put the value in quotes`, index: at };
  if (/same column|indent/i.test(message))
    return { reason: 'the keys do not line up: start each at the same column', index: at };
  return { reason: `it is not "key: value" lines (${message.replace(/^invalid YAML: /, '')})`, index: at };
}

/** The last line at or before `at` holding `char`: where a quote or bracket that is never closed was opened. */
function lastLineWith(lines: readonly string[], char: string, at: number): number {
  for (let i = Math.min(at, lines.length - 1); i >= 0; i--) if (lines[i]?.includes(char)) return i;
  return at;
}
