// Runs before every test file (package.json, jest.setupFiles), in that file's module registry.
//
// cdktf records a full JavaScript stack trace for every token it creates (Intrinsic,
// Lazy, dynamic blocks; ref: node_modules/cdktf/lib/tokens/private/stack-trace.js, limit
// Number.MAX_SAFE_INTEGER) and reads it only to word a resolution error ("Object creation
// stack: ..."). Under Jest the stacks are deep, so building one bookstore took 100–200 ms
// here, almost all of it in those captures; without them it takes 2–5 ms. The synthesized
// JSON is the same either way (the stacks never reach it), which the snapshots show.
// cdktf's own Testing.app() turns stack traces off in the same spirit.
const tokenStackTrace = require("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace: (below?: unknown) => string[] };
tokenStackTrace.captureStackTrace = () => [];
