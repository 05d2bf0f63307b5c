// Hostile article shapes, shared by the counted test (test/reliability/adversarial.test.ts)
// and the timed benchmark (test/bench/adversarial.mjs). Each repeats `unit(i)`; `quotes(units)`
// is the least number of quotes a check must still find in `units` repetitions; `countedSize`,
// where given, is the smaller size the counted test compares with four times it.

/** Text of at least `size` characters made by repeating `unit(i)`. */
export function repeated(size, unit) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return { text: parts.join(''), units: parts.length };
}

/** A different capitalised made-up first name for each i: "Aq", "Ar", … */
const distinctName = (i) => `A${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? 'q')}`;

const none = () => 0;

export const HOSTILE_SHAPES = [
  {
    name: 'one paragraph of quotes and names',
    unit: () => 'German Chancellor Friedrich Merz said the plan “works”, he said. Scholz disagreed; ',
    quotes: (units) => units,
  },
  { name: 'unmatched opening quote marks', unit: () => '“word ', quotes: () => 1 },
  { name: 'straight quote marks', unit: () => '"a ', quotes: (units) => 0.4 * units },
  { name: 'a line with no spaces', unit: () => 'a', quotes: none },
  { name: 'repetitions of "he said"', unit: () => 'he said ', quotes: none },
  { name: 'quotes each followed by "he said"', unit: () => '“Yes,” he said. ', quotes: (units) => units },
  {
    name: 'namesakes ("Aq Scholz") and surname quotes',
    unit: (i) => `${distinctName(i)} Scholz arrived. “Yes,” Scholz said. `,
    quotes: (units) => 0.8 * units,
  },
  {
    name: 'namesakes and surname quotes, a paragraph each',
    unit: (i) => `${distinctName(i)} Scholz arrived. “Yes,” Scholz said.\n\n`,
    quotes: (units) => 0.8 * units,
  },
  {
    name: 'a predecessor quoted beside the officeholder',
    unit: () => 'German Chancellor Friedrich Merz spoke. “Yes,” Scholz said. ',
    quotes: (units) => 0.9 * units,
  },
  {
    name: 'a predecessor quoted in every paragraph after the officeholder is introduced once',
    unit: (i) => (i === 0 ? 'German Chancellor Friedrich Merz spoke.\n\n' : '“Yes,” Scholz said.\n\n'),
    quotes: (units) => 0.9 * units,
  },
  {
    name: 'former holders of one office named in one paragraph',
    unit: (i) =>
      i % 2 === 0 ? 'Chancellor Olaf Scholz met Chancellor Angela Merkel. ' : 'Chancellor Gerhard Schröder agreed. ',
    quotes: none,
  },
  {
    name: 'title claims inside a long quotation',
    unit: (i) => (i === 0 ? '“' : 'President Dick Cheney and Chancellor Olaf Scholz met. '),
    quotes: none,
  },
  {
    name: 'quotes attributed to "the chancellor" after many titles',
    unit: () => 'Chancellor Olaf Scholz arrived. “No,” the chancellor said. ',
    quotes: (units) => 0.8 * units,
    // Each quote weighs up to 200 earlier titles: the counted test starts past the first 200.
    countedSize: 50_000,
  },
  {
    name: 'a title and a name in a sentence that never ends',
    unit: () => 'Chancellor Olaf Scholz, who ',
    quotes: none,
  },
  { name: 'one paragraph per line', unit: () => 'a\n', quotes: none },
  {
    name: 'disable/enable comment pairs',
    unit: () =>
      '<!-- factlint-disable title-holder -->\nChancellor Olaf Scholz said.\n<!-- factlint-enable title-holder -->\n',
    quotes: none,
  },
  { name: 'Markdown links', unit: () => '[Scholz said](https://example.com/a) ', quotes: none },
  { name: 'Markdown reference links', unit: () => '[a][b] ', quotes: none },
  { name: 'Markdown code spans and emphasis', unit: () => '`x` *a* _b_ ', quotes: none },
  { name: 'HTML tags', unit: () => '<a href="x"> ', quotes: none },
  { name: 'unclosed "[" on one line (blankLinks)', unit: () => '[', quotes: none },
  { name: 'unclosed "![" on one line (blankLinks)', unit: () => '![', quotes: none },
  { name: 'link texts that never get a destination', unit: () => '[a](', quotes: none },
  { name: 'destinations that never close', unit: () => '](a(b)', quotes: none },
];

/**
 * Shapes that are still quadratic, timed by the benchmark only. None since 0.2.0: the unclosed
 * "[" and "![" lines of blankLinks (issue 17) are counted with the others above.
 */
export const KNOWN_QUADRATIC_SHAPES = [];
