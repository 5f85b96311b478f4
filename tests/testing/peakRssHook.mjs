// Preloaded into a child by runCliMeasured: on exit, writes the process's peak resident set (KB) where it is told.
import fs from 'node:fs';

process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE) fs.writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
