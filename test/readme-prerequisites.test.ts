import * as fs from "fs";
import * as path from "path";
import { CLOUD_REGISTRATIONS } from "../lib/clouds";
import type { CloudCatalog } from "../lib/core/catalog";
import { prerequisiteCondition } from "../lib/core/prerequisites";

// Each cloud's deploy runbook (docs/<cloud>.md) starts with its catalog's prerequisites, written
// from the catalog by this test: run it with UPDATE_README_PREREQUISITES=1 after changing one.
const runbookPage = (cloud: string) => path.join(__dirname, "..", "docs", `${cloud}.md`);
const UPDATE = process.env.UPDATE_README_PREREQUISITES === "1";
/** The docs' longest prose line (test/docs-links.test.ts). */
const LINE_LIMIT = 120;

const start = (cloud: string) => `<!-- prerequisites:${cloud} (from its catalog: UPDATE_README_PREREQUISITES=1 npx jest test/readme-prerequisites) -->`;
const end = (cloud: string) => `<!-- /prerequisites:${cloud} -->`;

/** A bullet's text in lines of at most LINE_LIMIT characters, the later ones indented under the first (a longer word stays whole). */
function wrapBullet(text: string): string {
  const lines: string[] = [];
  let line = "-";
  for (const word of text.split(" ")) {
    if (line.length + 1 + word.length > LINE_LIMIT && line.trim() !== "-") {
      lines.push(line);
      line = " ";
    }
    line = `${line} ${word}`;
  }
  lines.push(line);
  return lines.join("\n");
}

/** The catalog's prerequisites as the runbook lists them: one bullet each, its id first. */
function listOf(catalog: CloudCatalog): string {
  return catalog.prerequisites
    .map((p) => {
      const prop = p.prop !== undefined ? ` Prop: \`${p.prop}\`.` : "";
      return wrapBullet(`\`${p.id}\`: ${p.what}. Needed ${prerequisiteCondition(p)}. How: ${p.how}.${prop} ref: ${p.ref} (checked ${p.checkedOn})`);
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

describe.each(CLOUD_REGISTRATIONS.map((r) => [r.name, r.title, r.catalog] as const))("the %s runbook (docs/<cloud>.md)", (cloud, title, catalog) => {
  if (UPDATE) {
    const readme = fs.readFileSync(runbookPage(cloud), "utf8");
    const block = blockIn(readme, cloud);
    if (block !== undefined) fs.writeFileSync(runbookPage(cloud), `${readme.slice(0, block.from)}\n${listOf(catalog)}\n${readme.slice(block.to)}`);
  }
  const readme = fs.readFileSync(runbookPage(cloud), "utf8");

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
    expect(between).toMatch(new RegExp(`^## Deploy runbook: (?:${title}|${cloud.toUpperCase()})\\n`));
    expect(between).not.toMatch(/^- /m);
  });
});
