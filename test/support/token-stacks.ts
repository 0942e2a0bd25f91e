// Runs before every test file (package.json, jest.setupFiles), in that file's module registry.
//
// cdktf records a full JavaScript stack trace for every token it creates (Intrinsic,
// Lazy, dynamic blocks; ref: node_modules/cdktf/lib/tokens/private/stack-trace.js, limit
// Number.MAX_SAFE_INTEGER) and reads it only to word a resolution error ("Object creation
// stack: ..."). Under Jest the stacks are deep, so building one bookstore took 100–200 ms
// here, almost all of it in those captures; without them it takes 2–5 ms. The synthesized
// JSON is the same either way: the stacks never reach it (the construct metadata's traces
// come from the constructs package's own capture, untouched here), and the tests that
// compare a synthesis made in a worker with the global setup's (made in Jest's parent
// process, without this file) find them equal, e.g. test/alicloud/front-door.test.ts.
const tokenStackTrace = require("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace: (below?: unknown) => string[] };
tokenStackTrace.captureStackTrace = () => [];
