import * as fs from "fs";
import * as path from "path";

// The README and every page of docs/: each relative link names a file that exists and, for a
// Markdown page, a heading anchor that page has (GitHub's slugs); no prose line is longer than
// LINE_LIMIT characters (tables and fenced code blocks aside: a table row is one line; and a
// line holding nothing but one URL, after an optional `ref: `, which cannot be broken).

const REPO = path.join(__dirname, "..");
const LINE_LIMIT = 120;
const PAGES = ["README.md", ...fs.readdirSync(path.join(REPO, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];

interface Line {
  readonly number: number;
  readonly text: string;
  /** Inside a fenced code block (its fences included). */
  readonly code: boolean;
}

function linesOf(markdown: string): Line[] {
  let fenced = false;
  return markdown.split("\n").map((text, i) => {
    const fence = /^\s*```/.test(text);
    const line = { number: i + 1, text, code: fenced || fence };
    if (fence) fenced = !fenced;
    return line;
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (letters, digits, `_`, `-` and spaces kept), spaces as hyphens. */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}_\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a page's headings, a repeated one numbered as GitHub numbers it (`-1`, `-2`, ...). */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of linesOf(markdown)) {
    const heading = /^#{1,6} (.*)$/.exec(line.text);
    if (line.code || !heading) continue;
    const slug = githubSlug(heading[1]);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

/** The relative links of a page (outside code), with their line: `[text](target)` and images. */
function relativeLinks(markdown: string): { line: number; target: string }[] {
  return linesOf(markdown)
    .filter((line) => !line.code)
    .flatMap((line) =>
      [...line.text.replace(/`[^`]*`/g, "``").matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1])
        .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
        .map((target) => ({ line: line.number, target })),
    );
}

/** What is wrong with each relative link of `page` (a path from the repository's root), given the files' texts. */
function brokenLinks(page: string, read: (file: string) => string | undefined, exists: (file: string) => boolean): string[] {
  const text = read(page)!;
  return relativeLinks(text).flatMap(({ line, target }) => {
    const [file, anchor] = target.split("#", 2);
    const resolved = file === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
    if (resolved.startsWith("..") || !exists(resolved)) return [`${page}:${line}: ${target}: no file ${resolved}`];
    if (anchor === undefined || !resolved.endsWith(".md")) return [];
    const anchors = anchorsOf(read(resolved) ?? "");
    return anchors.has(anchor) ? [] : [`${page}:${line}: ${target}: no heading #${anchor} in ${resolved}`];
  });
}

/** A line that is one URL alone (after its indentation and an optional `ref: `): no break can shorten it. */
const UNBREAKABLE = /^\s*(?:ref: )?https?:\/\/\S+$/;

/** Prose lines longer than LINE_LIMIT characters (table rows, fenced code and lone URLs aside). */
function longLines(page: string, markdown: string): string[] {
  return linesOf(markdown)
    .filter((line) => !line.code && !line.text.startsWith("|") && !UNBREAKABLE.test(line.text) && [...line.text].length > LINE_LIMIT)
    .map((line) => `${page}:${line.number}: ${[...line.text].length} characters`);
}

const readRepo = (file: string) => (fs.existsSync(path.join(REPO, file)) && fs.statSync(path.join(REPO, file)).isFile() ? fs.readFileSync(path.join(REPO, file), "utf8") : undefined);
const existsInRepo = (file: string) => fs.existsSync(path.join(REPO, file));

describe("the README and docs/", () => {
  test("docs/ has the topic pages the README links to", () => {
    expect(PAGES).toEqual(expect.arrayContaining(["docs/aws.md", "docs/alicloud.md", "docs/tencentcloud.md", "docs/security.md", "docs/contributing.md"]));
  });

  test("the pages link to each other (so the checks below have links to check)", () => {
    expect(PAGES.flatMap((page) => relativeLinks(readRepo(page)!)).length).toBeGreaterThan(50);
  });

  test.each(PAGES)("every relative link of %s resolves: the file exists and so does the heading it names", (page) => {
    expect(brokenLinks(page, readRepo, existsInRepo)).toEqual([]);
  });

  test.each(PAGES)("no prose line of %s is over 120 characters", (page) => {
    expect(longLines(page, readRepo(page)!)).toEqual([]);
  });
});

describe("the checks themselves", () => {
  const pages: Record<string, string> = {
    "README.md": "# Shop\n\nSee [AWS](docs/aws.md#deploy-runbook-aws) and [the front door](#one-front-door).\n\n## One front door\n",
    "docs/aws.md": "# AWS\n\n## Deploy runbook: AWS\n\n## Deploy runbook: AWS\n\n```sh\n# not a heading\n```\n\n[back](../README.md#shop), [twice](#deploy-runbook-aws-1)\n",
  };
  const read = (file: string) => pages[file];
  const exists = (file: string) => file in pages || file === "docs";

  test("slugs are GitHub's: punctuation dropped, case folded, spaces as hyphens, other scripts kept", () => {
    expect(githubSlug("Tencent Cloud: the front door, the cluster and the pods' identity")).toBe("tencent-cloud-the-front-door-the-cluster-and-the-pods-identity");
    expect(githubSlug("What `npm run synth` does")).toBe("what-npm-run-synth-does");
    expect(githubSlug("Bring your own cluster, charts from a mirror")).toBe("bring-your-own-cluster-charts-from-a-mirror");
    expect(githubSlug("默认 line")).toBe("默认-line");
  });

  test("links that resolve pass, a repeated heading's second anchor included", () => {
    expect(brokenLinks("README.md", read, exists)).toEqual([]);
    expect(brokenLinks("docs/aws.md", read, exists)).toEqual([]);
  });

  test("a missing file, a missing heading and a path out of the repository are each reported with their line", () => {
    const broken: Record<string, string> = { ...pages, "docs/x.md": "# X\n\n[a](nope.md)\n[b](aws.md#no-such-heading)\n[c](../../outside.md)\n[d](#not-a-heading)\n`[e](in-code.md)`\n" };
    expect(brokenLinks("docs/x.md", (f) => broken[f], (f) => f in broken)).toEqual([
      "docs/x.md:3: nope.md: no file docs/nope.md",
      "docs/x.md:4: aws.md#no-such-heading: no heading #no-such-heading in docs/aws.md",
      "docs/x.md:5: ../../outside.md: no file ../outside.md",
      "docs/x.md:6: #not-a-heading: no heading #not-a-heading in docs/x.md",
    ]);
  });

  test("a long prose line is reported; a long table row, code line or lone URL is not", () => {
    const long = "word ".repeat(30).trim();
    const url = `https://example.com/${"a".repeat(120)}`;
    const page = `# P\n\n${long}\n| ${long} |\n\`\`\`\n${long}\n\`\`\`\n  ref: ${url},\n${url} and more\n`;
    expect(longLines("p.md", page)).toEqual([`p.md:3: ${long.length} characters`, `p.md:9: ${url.length + 9} characters`]);
  });
});
