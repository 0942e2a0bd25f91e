import { App } from "../lib/core/cdktf";
import { buildExampleApp, selectedClouds } from "./bookstore-app";
import { printSummary } from "./summary";

// Entry point of `cdktf synth` (cdktf.json) and `npm run synth`.
const app = new App();
buildExampleApp(app, selectedClouds(process.env.BOOKSTORE_CLOUDS));
app.synth();
printSummary(app.outdir);
