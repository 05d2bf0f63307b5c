/**
 * A running count of the work the scanners do: tokens made, loop steps, regular-expression
 * executions, characters blanked. Tests read it to assert that work grows linearly with the
 * input, which a busy machine cannot disturb as it does a timing. One add to a typed array
 * (no allocation, never overflows a small integer): cheap enough to leave in the hot paths.
 *
 * What it cannot see: the work inside one built-in call (a regular expression's backtracking,
 * `indexOf`, `filter`, `sort`). Code that calls one in a loop counts the loop's steps.
 */
const steps = new Float64Array(1);

/** Count `n` units of work. */
export function tally(n = 1): void {
  steps[0] = (steps[0] as number) + n;
}

/** The units of work `run` did. */
export function workOf(run: () => void): number {
  const before = steps[0] as number;
  run();
  return (steps[0] as number) - before;
}
