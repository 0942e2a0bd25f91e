// The library side of the synth benchmark: the example bookstore (examples/bookstore-app.ts)
// on the clouds named by BOOKSTORE_CLOUDS (default: every implemented cloud), synthesized
// and nothing else (examples/main.ts also prints a summary; that is not timed here).
import { App } from "../lib/core/cdktf";
import { buildExampleApp, selectedClouds } from "../examples/bookstore-app";

const app = new App();
buildExampleApp(app, selectedClouds(process.env.BOOKSTORE_CLOUDS));
app.synth();
