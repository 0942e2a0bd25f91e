import * as fs from "fs";
import * as path from "path";
import { ALICLOUD_POLICY_PACK, AWS_POLICY_PACK, KUBERNETES_POLICY_PACK, PolicyPack, TENCENTCLOUD_POLICY_PACK } from "../lib";
import { CLOUD_REGISTRATIONS } from "../lib/clouds";

// docs/security.md lists every rule of each policy pack, written from the packs by this test:
// run it with UPDATE_DOCS_POLICY_PACKS=1 after adding, changing or removing a rule.
const PAGE = path.join(__dirname, "..", "docs", "security.md");
const UPDATE = process.env.UPDATE_DOCS_POLICY_PACKS === "1";
const PACKS: readonly (readonly [string, PolicyPack])[] = [
  ["aws", AWS_POLICY_PACK],
  ["alicloud", ALICLOUD_POLICY_PACK],
  ["tencentcloud", TENCENTCLOUD_POLICY_PACK],
  ["kubernetes", KUBERNETES_POLICY_PACK],
];

const start = (name: string) => `<!-- policy-pack:${name} (from lib/policy/packs: UPDATE_DOCS_POLICY_PACKS=1 npx jest test/docs-policy-packs) -->`;
const end = (name: string) => `<!-- /policy-pack:${name} -->`;

/** A table cell's text: a `|` would end the cell. */
const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The pack as the page lists it: one row per rule, in the pack's order. */
function tableOf(pack: PolicyPack): string {
  return [
    "| rule | level | mirrors | what must hold |",
    "| --- | --- | --- | --- |",
    ...pack.rules.map((r) => `| \`${r.id}\` | ${r.level.toUpperCase()} | ${r.mirrors.length > 0 ? cell(r.mirrors.join(", ")) : "(the library's own)"} | ${cell(r.explanation)} |`),
  ].join("\n");
}

function blockIn(page: string, name: string): { from: number; to: number } | undefined {
  const from = page.indexOf(start(name));
  const to = page.indexOf(end(name));
  if (from < 0 || to < from || page.indexOf(start(name), from + 1) >= 0) return undefined;
  return { from: from + start(name).length, to };
}

test("every cloud's registered packs are listed (a new cloud's pack needs a row here)", () => {
  const listed = new Set(PACKS.map(([, pack]) => pack));
  expect(CLOUD_REGISTRATIONS.flatMap((r) => r.policyPacks).filter((pack) => !listed.has(pack))).toEqual([]);
});

describe.each(PACKS)("docs/security.md's table of the %s pack", (name, pack) => {
  if (UPDATE) {
    const page = fs.readFileSync(PAGE, "utf8");
    const block = blockIn(page, name);
    if (block !== undefined) fs.writeFileSync(PAGE, `${page.slice(0, block.from)}\n\n${tableOf(pack)}\n\n${page.slice(block.to)}`);
  }
  const page = fs.readFileSync(PAGE, "utf8");

  test("lists each rule of the pack with its level, the scanner rules it mirrors and its explanation", () => {
    const block = blockIn(page, name);
    expect(block).toBeDefined();
    expect(page.slice(block!.from, block!.to).trim()).toBe(tableOf(pack));
    expect(pack.rules.length).toBeGreaterThan(10);
    for (const rule of pack.rules) expect(page).toContain(`| \`${rule.id}\` |`);
  });
});
