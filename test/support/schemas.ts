import * as fs from "fs";
import * as path from "path";
import { parseRemovedAttributes, ProvidersSchemaJson, RemovedAttributes } from "../../lib/policy/schema-validator";

const SCHEMA_DIR = path.join(__dirname, "..", "..", "scripts", "provider-schemas");

/** The committed trimmed schema of a generated provider (`alicloud`, `tencentcloud`). */
export function committedSchema(provider: string): ProvidersSchemaJson {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, `${provider}.json`), "utf8")) as ProvidersSchemaJson;
}

/** Attributes the alicloud provider lists but refuses, from the committed copy of the list. */
export function alicloudRemovedAttributes(): RemovedAttributes {
  return parseRemovedAttributes(fs.readFileSync(path.join(SCHEMA_DIR, "alicloud-removed-attributes.txt"), "utf8"));
}
