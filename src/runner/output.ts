import { fstatSync } from 'node:fs';

let standardOutputReady = false;

/**
 * Standard output, where a reader that stops early (`factlint … | head`) ends the run
 * quietly instead of failing it, and any other failure to write (`> /dev/full`) is one line
 * and exit 2. Built on first use: for a pipe the stream loads Node's net code (about 4 ms),
 * which a run writing its report to a file never needs.
 */
export function standardOutput(): NodeJS.WriteStream {
  if (!standardOutputReady) {
    standardOutputReady = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      const reason = error.code === 'ENOSPC' ? 'disk full' : (error.code ?? error.message);
      process.stderr.write(`factlint: cannot write to standard output: ${reason}\n`);
      process.exit(2);
    });
  }
  return process.stdout;
}

/**
 * Whether standard output (1) or error (2) is a terminal. Only a character device can be
 * one; asking the stream itself first would build it, loading Node's net and stream code,
 * for every run whose output goes to a pipe or a file.
 */
export function isTerminal(fd: 1 | 2): boolean {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  // Windows consoles are not promised to stat as character devices: ask the stream there.
  if (process.platform === 'win32') return stream().isTTY === true;
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return stream().isTTY === true;
}
