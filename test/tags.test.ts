import { synthBookstore, TEST_CLOUDS } from "./support/bookstore";

describe.each(TEST_CLOUDS)("$name: the bookstore's tags", ({ make }) => {
  test("reach every tagged resource of the infrastructure stack, stack-level helpers included", () => {
    // GIVEN the example bookstore (tags: team, environment) WHEN it is synthesized
    const { json } = synthBookstore(make());
    const tagged = Object.entries(json.resource ?? {}).flatMap(([type, blocks]) =>
      Object.entries(blocks)
        .filter(([, block]) => "tags" in block)
        .map(([name, block]) => ({ address: `${type}.${name}`, tags: block.tags as Record<string, string> })),
    );
    // THEN each of them carries the bookstore's tags
    expect(tagged.length).toBeGreaterThan(5);
    for (const { address, tags } of tagged) {
      expect({ address, tags }).toEqual({ address, tags: expect.objectContaining({ app: "bookstore", team: "platform", environment: "production" }) });
    }
  });
});

test("AWS: the stack-level log bucket and log key are tagged too", () => {
  const aws = TEST_CLOUDS.find((c) => c.name === "aws")!;
  const { json } = synthBookstore(aws.make());
  const [bucket] = Object.values(json.resource!.aws_s3_bucket) as any[];
  const logKey = Object.entries(json.resource!.aws_kms_key).find(([name]) => name.startsWith("AwsLogKey_"))![1] as any;
  expect(bucket.tags).toEqual(expect.objectContaining({ app: "bookstore" }));
  expect(logKey.tags).toEqual(expect.objectContaining({ app: "bookstore" }));
});
