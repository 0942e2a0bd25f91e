import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { BookstoreStacks, Cloud, LoadBalancerClients, ValidationError } from "../lib";
import { exampleProps } from "../examples/bookstore-app";

// The error messages the docs show are copied from real output: each example is built here
// and its message must appear in the page as it is printed (an example ending in " ..." is
// shortened there, and its text up to that point must be the message's beginning).

const REPO = path.join(__dirname, "..");

/** What `build` throws, as the library prints it. */
function messageOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
  throw new Error("no ValidationError was thrown");
}

const aws = () => Cloud.aws({ region: "eu-central-1" });
const bookstoreAws = (overrides: (props: ReturnType<typeof exampleProps>) => object) => () => {
  const cloud = aws();
  const props = exampleProps(cloud);
  return new BookstoreStacks(new App({ outdir: "/tmp/docs-error-examples-never-synthesized" }), "bookstore-aws", { ...props, ...overrides(props), cloud });
};

/** [page, what the example shows, the call that prints it]. */
const EXAMPLES: [string, string, () => unknown][] = [
  ["docs/constructs.md", "a zone count below the cloud's minimum", bookstoreAws((p) => ({ network: { ...p.network, zones: 1 } }))],
  ["docs/constructs.md", "a catalog override's storage step of 0", () => {
    const small = aws().catalog.databaseSizes.SMALL;
    return Cloud.aws({ region: "eu-central-1", catalogOverrides: { databaseSizes: { SMALL: { ...small, storageGiB: { ...small.storageGiB, stepGiB: 0 } } } } } as never);
  }],
  ["docs/constructs.md", "a bookstore name the cloud cannot hold", bookstoreAws(() => ({ name: "Shop_1" }))],
  ["docs/security.md", "client ranges that add up to more than one /8", bookstoreAws(() => ({ loadBalancer: { clients: LoadBalancerClients.addressRanges(["1.0.0.0/8", "2.0.0.0/8"]) } }))],
  ["docs/application-contract.md", "a database URL with a password in web.environment", bookstoreAws((p) => ({ web: { ...p.web, environment: { DATABASE_URL: "mysql://root:pw@db/shop" } } }))],
];

describe("the docs' error examples are real output", () => {
  test.each(EXAMPLES)("%s shows %s as the library prints it", (page, _what, build) => {
    const message = messageOf(build);
    const text = fs.readFileSync(path.join(REPO, page), "utf8");
    const shown = text
      .split("\n")
      .map((line) => line.replace(/^\/\/ /, "").replace(/^`|`$/g, ""))
      .filter((line) => line.startsWith(message.slice(0, message.indexOf(": invalid ") + 1)) || message.startsWith(line.replace(/ \.\.\.$/, "")));
    const matches = shown.filter((line) => line === message || (line.endsWith(" ...") && message.startsWith(line.slice(0, -4))));
    expect({ page, message, matches: matches.length > 0 }).toEqual({ page, message, matches: true });
  });
});
