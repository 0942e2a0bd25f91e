import { Testing } from "cdktf";
import { BookstoreStacks } from "../lib";
import { exampleCloud, exampleProps } from "../examples/bookstore-app";
import { runByCdktfCli, warningLines } from "../examples/warnings";

describe("warnings of npm run synth", () => {
  test("one line per warning, with the construct's path: a Kubernetes version past standard support", () => {
    const cloud = exampleCloud("aws");
    const props = exampleProps(cloud);
    const built = new BookstoreStacks(Testing.app(), `bookstore-${cloud.name}`, { ...props, kubernetes: { ...props.kubernetes, version: "1.33" }, cloud });
    const lines = warningLines(built.stacks);
    expect(lines).toEqual([expect.stringMatching(/^warning: \[bookstore-aws\/Bookstore\/Kubernetes\] version 1\.33: EKS Kubernetes 1\.33 is past its standard support/)]);
    expect(lines[0]).not.toContain("\n");
  });

  test("none for the example, whose versions are in standard support", () => {
    const cloud = exampleCloud("aws");
    expect(warningLines(new BookstoreStacks(Testing.app(), `bookstore-${cloud.name}`, { ...exampleProps(cloud), cloud }).stacks)).toEqual([]);
  });

  test("left to the cdktf CLI when it runs the app (it prints WARN lines from the manifest)", () => {
    expect(runByCdktfCli({ CDKTF_OUTDIR: "cdktf.out" })).toBe(true);
    expect(runByCdktfCli({})).toBe(false);
  });
});
