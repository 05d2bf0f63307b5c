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
  // The fast reader takes the plain `key: value` lines front matter is made of, so the `yaml`
  // package (about 0.1 s to load) is loaded only for anything more.
  const parsed = parseYaml(yamlText, file, 1, { fast: true });
  const value = parsed.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('front matter must be a YAML mapping (key: value lines)', file, 2, 1);
  }
  return { data: value as Record<string, unknown>, end: closing.index + closing[0].length };
}
