// Loaded into every test file by bench/test-cost.js (jest --setupFilesAfterEnv), never by
// `npm test`: appends one line per test file to $BENCH_TEST_CPU_FILE with the CPU time the
// file cost its worker (process.cpuUsage(): loading and transforming its modules, its
// tests, its hooks) and the CPU time of the child processes it waited for (npm, tsc,
// terraform; /proc/self/stat's cutime + cstime, Linux only).
const fs = require("fs");

const TICKS_PER_SECOND = Number(process.env.BENCH_CLK_TCK || 100);

function childrenCpuMs() {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

const start = process.cpuUsage();
const startChildren = childrenCpuMs();

afterAll(() => {
  const used = process.cpuUsage(start);
  const line = {
    file: expect.getState().testPath,
    cpuMs: (used.user + used.system) / 1000,
    childrenCpuMs: childrenCpuMs() - startChildren,
  };
  fs.appendFileSync(process.env.BENCH_TEST_CPU_FILE, `${JSON.stringify(line)}\n`);
});
