// Loaded with `node --import`: reports the process's own resource use when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nFACTLINT_USAGE ${JSON.stringify(process.resourceUsage())}\n`);
});
