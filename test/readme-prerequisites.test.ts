import * as fs from "fs";
import * as path from "path";
import { CLOUD_REGISTRATIONS } from "../lib/clouds";
import type { CloudCatalog } from "../lib/core/catalog";
import { prerequisiteCondition } from "../lib/core/prerequisites";

// Each cloud's deploy runbook in the README starts with its catalog's prerequisites, written
// from the catalog by this test: run it with UPDATE_README_PREREQUISITES=1 after changing one.
const README = path.join(__dirname, "..", "README.md");
const UPDATE = process.env.UPDATE_README_PREREQUISITES === "1";

const start = (cloud: string) => `<!-- prerequisites:${cloud}: written from lib/${cloud}/catalog.ts by UPDATE_README_PREREQUISITES=1 npx jest test/readme-prerequisites.test.ts -->`;
const end = (cloud: string) => `<!-- /prerequisites:${cloud} -->`;

/** The catalog's prerequisites as the README lists them: one bullet each, its id first. */
function listOf(catalog: CloudCatalog): string {
  return catalog.prerequisites
    .map((p) => {
      const prop = p.prop !== undefined ? ` Prop: \`${p.prop}\`.` : "";
      return `- \`${p.id}\`: ${p.what}. Needed ${prerequisiteCondition(p)}. How: ${p.how}.${prop} ref: ${p.ref} (checked ${p.checkedOn})`;
    })
    .join("\n");
}

/** The text between the cloud's markers, or undefined where they are not there once, in order. */
function blockIn(readme: string, cloud: string): { from: number; to: number } | undefined {
  const from = readme.indexOf(start(cloud));
  const to = readme.indexOf(end(cloud));
  if (from < 0 || to < from || readme.indexOf(start(cloud), from + 1) >= 0) return undefined;
  return { from: from + start(cloud).length, to };
}

describe.each(CLOUD_REGISTRATIONS.map((r) => [r.name, r.title, r.catalog] as const))("the README's %s runbook", (cloud, title, catalog) => {
  if (UPDATE) {
    const readme = fs.readFileSync(README, "utf8");
    const block = blockIn(readme, cloud);
    if (block !== undefined) fs.writeFileSync(README, `${readme.slice(0, block.from)}\n${listOf(catalog)}\n${readme.slice(block.to)}`);
  }
  const readme = fs.readFileSync(README, "utf8");

  test("lists the catalog's prerequisites, each by its id, exactly as the catalog says them", () => {
    const block = blockIn(readme, cloud);
    expect(block).toBeDefined();
    const listed = readme.slice(block!.from, block!.to);
    expect(listed.trim()).toBe(listOf(catalog));
    for (const p of catalog.prerequisites) expect(listed).toContain(`- \`${p.id}\`: `);
  });

  test("starts the runbook: the last heading before the list is the cloud's deploy runbook, with no list between them", () => {
    const marker = readme.indexOf(start(cloud));
    expect(marker).toBeGreaterThan(0);
    const heading = readme.lastIndexOf("\n#", marker) + 1;
    const between = readme.slice(heading, marker);
    // Named by the cloud's title, or its name in capitals (AWS).
    expect(between).toMatch(new RegExp(`^### Deploy runbook: (?:${title}|${cloud.toUpperCase()})\\n`));
    expect(between).not.toMatch(/^- /m);
  });
});
