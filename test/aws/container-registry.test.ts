import fc from "fast-check";
import { AWS_CATALOG } from "../../lib/aws/catalog";
import { ecrImage, ecrLoginCommands, ecrPullStatements } from "../../lib/aws/container-registry";
import { containerUserData, HARDENED_CONTAINER } from "../../lib/core/user-data";

const account = fc.stringMatching(/^\d{12}$/);
const region = fc.constantFrom(...Object.keys(AWS_CATALOG.regions), "us-gov-west-1", "cn-north-1");
const segment = fc.stringMatching(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/).filter((s) => s.length <= 30);
const repository = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("/"));
const reference = fc.oneof(
  fc.stringMatching(/^:[\w][\w.-]{0,20}$/),
  fc.stringMatching(/^[0-9a-f]{64}$/).map((digest) => `@sha256:${digest}`),
);

describe("ecrImage", () => {
  test("reads account, region, partition and repository from any ECR image reference", () => {
    fc.assert(
      fc.property(account, region, repository, reference, (acct, rgn, repo, ref) => {
        const suffix = rgn.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com";
        const host = `${acct}.dkr.ecr.${rgn}${suffix}`;
        const parsed = ecrImage(`${host}/${repo}${ref}`, AWS_CATALOG);
        expect(parsed).toEqual({
          host,
          account: acct,
          region: rgn,
          partition: rgn.startsWith("cn-") ? "aws-cn" : rgn.startsWith("us-gov-") ? "aws-us-gov" : "aws",
          repository: repo,
        });
      }),
    );
  });

  test.each([
    ["another registry", "registry.example.com/bookstore:1.4.2"],
    ["Docker Hub", "bookstore:1.4.2"],
    ["ECR Public", "public.ecr.aws/shop/bookstore:1.4.2"],
    ["an account of eleven digits", "12345678901.dkr.ecr.eu-central-1.amazonaws.com/bookstore:1.4.2"],
    ["a look-alike host", "123456789012.dkr.ecr.eu-central-1.amazonaws.com.example.com/bookstore:1.4.2"],
    ["a registry without a repository", "123456789012.dkr.ecr.eu-central-1.amazonaws.com"],
  ])("is undefined for %s", (_what, image) => {
    expect(ecrImage(image, AWS_CATALOG)).toBeUndefined();
  });

  test("scopes the pull to the image's repository and logs in to its registry", () => {
    const ecr = ecrImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/bookstore@sha256:" + "a".repeat(64), AWS_CATALOG)!;
    expect(ecrPullStatements(ecr)[1].Resource).toBe("arn:aws:ecr:eu-west-1:123456789012:repository/shop/bookstore");
    expect(ecrLoginCommands(ecr)).toEqual(["aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com"]);
  });
});

describe("containerUserData", () => {
  test("runs an adapter's commands once the environment is written and before the container starts", () => {
    const script = containerUserData("a/b:1", { A: "1" }, HARDENED_CONTAINER, ["echo before"]).split("\n");
    expect(script.indexOf("echo before")).toBe(script.indexOf("BOOKSTORE_ENV", script.indexOf("A=1")) + 1);
    expect(script.indexOf("echo before")).toBe(script.findIndex((line) => line.startsWith("docker run")) - 1);
  });
});
