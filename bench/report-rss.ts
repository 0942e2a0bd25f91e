// Preloaded (`node --require`) into every Node process of a measured command when GNU
// time is not installed: appends the process's peak resident set size (KiB) and its user
// and system CPU seconds to $BENCH_RSS_FILE at exit. See measure.ts.
import * as fs from "fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      const usage = process.resourceUsage();
      fs.appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
    } catch {
      // measuring must never change the outcome of the measured command
    }
  });
}
