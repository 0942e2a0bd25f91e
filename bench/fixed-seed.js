// Loaded into every test file by bench/planted-defects.js (jest --setupFilesAfterEnv),
// never by `npm test`: every property test draws from $BENCH_FC_SEED, so two suites (or
// two runs) judging the same planted defect draw the same cases, in the same order, and a
// defect caught only by a property is caught, or missed, by both alike.
const path = require("path");

// fast-check as the test files resolve it (the checkout under test may be a worktree).
const fc = require(require.resolve("fast-check", { paths: [path.join(process.cwd(), "test")] }));
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.BENCH_FC_SEED) });
