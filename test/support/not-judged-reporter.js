// A Jest reporter (package.json, jest.reporters, after "default"): once the run is over,
// one line per skipped test, whose title says which tool was not at hand (terraform, a
// provider binary, checkov). A green run is otherwise silent about them, and a check that
// could not get its tool must say so rather than pass for judged. Plain JavaScript, since
// Jest loads reporters without its transform.
//
// Only titles that say "skipped:" are listed: tests left out by `-t` or `.only` are
// "pending" to Jest as well, and a run that asked for a few tests is not told of the rest.
class NotJudgedReporter {
  constructor(globalConfig) {
    this.filtered = Boolean(globalConfig && globalConfig.testNamePattern);
  }

  onRunComplete(_contexts, results) {
    if (this.filtered) return;
    const skipped = results.testResults.flatMap((file) =>
      file.testResults.filter((test) => (test.status === "pending" || test.status === "skipped") && test.fullName.includes("skipped:")).map((test) => test.fullName),
    );
    if (skipped.length === 0) return;
    process.stderr.write(`Not judged here (${skipped.length} skipped, each title says why):\n${skipped.map((name) => `  - ${name}`).join("\n")}\n`);
  }
}

module.exports = NotJudgedReporter;
