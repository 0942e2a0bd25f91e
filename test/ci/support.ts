/**
 * YAML is read back with js-yaml 3 (in node_modules through Jest's coverage tooling, a
 * locked devDependency of a devDependency), whose safeLoad reads YAML 1.2's core types:
 * enough to see a workflow as GitHub Actions does.
 */
const jsYaml = require("js-yaml") as { safeLoad(text: string): unknown };

export function parseYaml(text: string): unknown {
  return jsYaml.safeLoad(text);
}
