import * as fc from "fast-check";
import { Commented, plainValue, toYaml, YamlValue } from "../../lib/ci/yaml";
import { propertyRuns } from "../support/property-budget";
import { parseYaml } from "./support";

// The workflow's YAML is written by hand (lib/ci/yaml.ts); js-yaml, a YAML 1.2 reader,
// reads it back here. What GitHub reads is what the generator meant only if every string
// survives the round trip as a string.

describe("toYaml", () => {
  test.each([
    ["an expression", "${{ vars.AWS_DEPLOY_ROLE_ARN }}"],
    ["an expression comparing quoted strings", "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"],
    ["a version that reads as a number", "1.11.4"],
    ["a number as a string", "22"],
    ["a YAML 1.1 boolean", "on"],
    ["another", "yes"],
    ["null", "null"],
    ["a flag", "-lock=false"],
    ["a colon and a space", "a: b"],
    ["a comment marker", "x #y"],
    ["a leading space", " x"],
    ["a single quote", "it's"],
    ["a leading quote", "'quoted'"],
    ["an empty string", ""],
    ["a control character", "bell\u0007"],
    ["a tab", "a\tb"],
    ["lines that start with a space", " one\ntwo"],
    ["nothing but a line break", "\n"],
    ["an empty first line, then an indented one", "\n x"],
    ["two line breaks at the end", "one\n\n"],
    ["a carriage return", "one\r\ntwo"],
    ["YAML 1.1's line breaks", "one\u0085two\u2028three\u2029"],
    ["a byte order mark", "\ufeffx"],
  ])("keeps %s a string: %j", (_what, text) => {
    expect(parseYaml(toYaml({ key: text }))).toEqual({ key: text });
  });

  test("writes a multi-line script as a literal block, keeping its last line break or its absence", () => {
    const document = { a: "one\n  two\n\nthree\n", b: "one\ntwo", steps: [{ run: "x\ny\n" }] };
    const yaml = toYaml(document);
    expect(yaml).toContain("a: |\n  one\n    two\n\n  three\n");
    expect(yaml).toContain("b: |-\n");
    expect(parseYaml(yaml)).toEqual(document);
  });

  test("writes a comment after a scalar, and a header of comment lines", () => {
    const yaml = toYaml({ uses: new Commented("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1") }, ["first", "", "second"]);
    expect(yaml).toBe("# first\n#\n# second\nuses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n");
  });

  test("writes empty collections and leaves out unset keys", () => {
    expect(toYaml({ permissions: {}, needs: [], skipped: undefined })).toBe("permissions: {}\nneeds: []\n");
  });

  test.each([
    ["a comment over two lines", () => toYaml({ a: new Commented("x", "one\ntwo") })],
    ["a number that is not finite", () => toYaml({ a: Number.NaN })],
    ["a comment on a script", () => toYaml({ a: new Commented("one\ntwo", "v1") })],
  ])("fails when given %s", (_what, write) => {
    expect(write).toThrow(/^YAML: /);
  });

  test("property: whatever mapping of strings, numbers, booleans and lists it writes reads back the same", () => {
    // Printable text with the characters YAML gives meaning to, and line breaks.
    const text = fc.oneof(fc.stringMatching(/^[\w .:#'"{}[\]$&*!|>%@`?,=+\t-]{0,12}(\n[\w .:#'"{}$-]{0,8}){0,3}\n?$/), fc.string({ unit: "binary", maxLength: 6 }));
    const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.tuple(text.filter((s) => !s.includes("\n")), fc.stringMatching(/^[\w .-]{1,10}$/)).map(([v, c]) => new Commented(v, c)));
    const key = fc.stringMatching(/^[A-Za-z_][\w-]{0,8}$/).filter((k) => k !== "__proto__");
    const { value } = fc.letrec<{ value: YamlValue }>((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(key, tie("value"), { maxKeys: 3 })),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), (document) => {
        expect(parseYaml(toYaml(document))).toEqual(plainValue(document));
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
