import * as fs from "fs";
import * as path from "path";
import { App } from "../lib/core/cdktf";
import { parseRemovedAttributes, ProvidersSchemaJson, validateAgainstSchemas } from "../lib/policy/schema-validator";
import { buildExample, selectedClouds } from "./bookstore-app";

// `npm run validate`: synthesizes the example app and checks every stack against the
// committed provider schemas, as terraform would at plan time, without terraform.
const SCHEMA_DIR = path.join(__dirname, "..", "..", "scripts", "provider-schemas");
const schemas = fs
  .readdirSync(SCHEMA_DIR)
  .filter((file) => file.endsWith(".json"))
  .map((file) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as ProvidersSchemaJson);
const removedFile = path.join(SCHEMA_DIR, "alicloud-removed-attributes.txt");
const removed = parseRemovedAttributes(fs.existsSync(removedFile) ? fs.readFileSync(removedFile, "utf8") : "");

const app = new App();
const { bookstores, globalDns } = buildExample(app, selectedClouds(process.env.BOOKSTORE_CLOUDS));
app.synth();

let failures = 0;
for (const stack of [...bookstores.flatMap((b) => b.stacks), ...(globalDns ? [globalDns.stack] : [])]) {
  const file = path.join(app.outdir, "stacks", stack.node.id, "cdk.tf.json");
  const errors = validateAgainstSchemas(JSON.parse(fs.readFileSync(file, "utf8")), schemas, removed);
  failures += errors.length;
  console.log(`${stack.node.id}: ${errors.length === 0 ? "valid" : `${errors.length} schema errors`}`);
  for (const error of errors) console.log(`  ${error.path}: ${error.message}`);
}
console.log(`checked against ${schemas.length} provider schemas in ${path.relative(process.cwd(), SCHEMA_DIR)}`);
process.exit(failures === 0 ? 0 : 1);
