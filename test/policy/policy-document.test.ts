import * as fc from "fast-check";
import { grantsWildcardActions, policyStatements, trustsAnyone } from "../../lib/policy/policy-document";
import { exampleAppOutdir } from "../support/bookstore";
import { propertyRuns } from "../support/property-budget";
import { readStacks } from "../scan/packs";

const encoded = (hcl: string) => `\${jsonencode(${hcl})}`;

describe("reading a policy document", () => {
  test("JSON text, with one statement as an object and single values as strings", () => {
    expect(policyStatements(JSON.stringify({ Statement: { Effect: "Allow", Action: "S3:GetObject", Resource: "arn:aws:s3:::b/*", Principal: { AWS: ["arn:aws:iam::111122223333:root"] } } }))).toEqual([
      { allow: true, actions: ["s3:getobject"], notAction: false, resources: ["arn:aws:s3:::b/*"], principals: ["arn:aws:iam::111122223333:root"], hasCondition: false },
    ]);
  });

  test("the jsonencode CDKTF writes: = or :, references as ${...}, templates kept, numbers and booleans", () => {
    const hcl = encoded(
      '{"Version" = "2012-10-17", Statement = [{"Effect" = "Deny", "Action" = ["s3:*"], "Resource" = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"], "Principal": "*", "Condition" = {"Bool" = {"aws:SecureTransport" = false}, "NumericLessThan" = {"s3:TlsVersion" = 1.2}}}]}',
    );
    expect(policyStatements(hcl)).toEqual([
      { allow: false, actions: ["s3:*"], notAction: false, resources: ["${aws_s3_bucket.b.arn}", "${aws_s3_bucket.b.arn}/*"], principals: ["*"], hasCondition: true },
    ]);
  });

  test("references with indexes and function calls, and items separated by new lines", () => {
    const hcl = encoded('{\n  "Statement" = [\n    {\n      "Effect" = "Allow"\n      "Action" = "kms:Decrypt"\n      "Resource" = [aws_db_instance.d.master_user_secret[0].secret_arn, format("%s/*", aws_s3_bucket.b.arn)]\n    }\n  ]\n}');
    expect(policyStatements(hcl)?.[0].resources).toEqual(["${aws_db_instance.d.master_user_secret[0].secret_arn}", '${format("%s/*", aws_s3_bucket.b.arn)}']);
  });

  test("CAM's lower-case element names and effect", () => {
    const cam = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: ["name/cos:GetObject"], resource: ["*"], principal: { qcs: ["qcs::cam::uin/100000000001:root"] }, condition: { ip_equal: { "qcs:ip": "10.0.0.0/8" } } }] });
    expect(policyStatements(cam)).toEqual([{ allow: true, actions: ["name/cos:getobject"], notAction: false, resources: ["*"], principals: ["qcs::cam::uin/100000000001:root"], hasCondition: true }]);
  });

  test("NotAction is read as what the statement does not grant", () => {
    expect(policyStatements(JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }))?.[0]).toMatchObject({ notAction: true, actions: ["iam:*"] });
  });

  test.each<[string, unknown]>([
    ["a data source's JSON", "${data.aws_iam_policy_document.p.json}"],
    ["broken JSON", '{"Statement": ['],
    ["an unterminated jsonencode", encoded('{"Statement" = [{"Effect" = "Allow"')],
    ["a number", 7],
    ["nothing", undefined],
  ])("%s cannot be read here", (_case, document) => {
    expect(policyStatements(document)).toBeUndefined();
  });

  test("every policy document the example app writes is read, each with a statement", () => {
    const stacks = readStacks(exampleAppOutdir());
    const read: string[] = [];
    for (const json of Object.values(stacks)) {
      for (const [type, blocks] of Object.entries<Record<string, any>>(json.resource ?? {})) {
        for (const [name, block] of Object.entries<Record<string, any>>(blocks)) {
          for (const key of ["policy", "assume_role_policy", "policy_document", "assume_role_policy_document", "document"]) {
            // Security group rules' `policy` is "accept" or "ACCEPT", no document.
            if (typeof block[key] !== "string" || /^(accept|drop|ACCEPT|DROP)$/.test(block[key])) continue;
            expect({ resource: `${type}.${name}`, key, statements: (policyStatements(block[key]) ?? []).length > 0 }).toEqual({ resource: `${type}.${name}`, key, statements: true });
            read.push(type);
          }
        }
      }
    }
    // The documents the IAM, RAM and CAM rules judge are among them.
    for (const type of ["aws_iam_role", "aws_iam_role_policy", "alicloud_ram_policy", "alicloud_ram_role", "tencentcloud_cam_policy", "tencentcloud_cam_role"]) expect(read).toContain(type);
  });
});

/** The same value as HCL, the way jsonencode's argument is written: `{"Key" = value, ...}`. */
function hclOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hclOf).join(", ")}]`;
  if (value !== null && typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)} = ${hclOf(v)}`).join(", ")}}`;
  return JSON.stringify(value);
}

// Strings a policy holds, less HCL's template openers, which jsonencode's input escapes as $${ and %%{.
const text = fc.string({ maxLength: 12 }).filter((s) => !s.includes("${") && !s.includes("%{"));
const oneOrMany = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.array(arb, { maxLength: 3 }));
const action = fc.oneof(fc.constantFrom("*", "*:*", "iam:*", "s3:*", "s3:GetObject", "name/cos:*", "ec2:Describe*"), text);
const resource = fc.oneof(fc.constantFrom("*", "arn:aws:s3:::b/*", "acs:oss:*:*:b"), text);
const principal = fc.oneof(fc.constantFrom("*", "arn:aws:iam::111122223333:root", "acs:ram::*:root", "qcs::cam::anyone:anyone"), text);
const statement = fc.record(
  {
    Effect: fc.constantFrom("Allow", "Deny", "allow", "deny"),
    Action: oneOrMany(action),
    NotAction: oneOrMany(action),
    Resource: oneOrMany(resource),
    Principal: fc.oneof(principal, fc.record({ AWS: oneOrMany(principal) }), fc.record({ RAM: oneOrMany(principal) }), fc.record({ qcs: oneOrMany(principal) })),
    Condition: fc.dictionary(text, fc.dictionary(text, oneOrMany(fc.oneof(text, fc.integer(), fc.boolean())), { maxKeys: 2 }), { maxKeys: 2 }),
  },
  { requiredKeys: ["Effect"] },
);
const documentOf = fc.tuple(fc.constantFrom("Statement", "statement"), oneOrMany(statement)).map(([key, statements]) => ({ Version: "2012-10-17", [key]: statements }));

describe("a document reads the same as JSON and as the jsonencode CDKTF writes", () => {
  test("statements, and so every rule's verdict, agree", () => {
    fc.assert(
      fc.property(documentOf, (document) => {
        const fromJson = policyStatements(JSON.stringify(document));
        const fromHcl = policyStatements(encoded(hclOf(document)));
        expect(fromJson).toBeDefined();
        expect(fromHcl).toEqual(fromJson);
        expect(grantsWildcardActions(fromHcl!)).toBe(grantsWildcardActions(fromJson!));
        expect(trustsAnyone(fromHcl!, (p) => p === "*")).toBe(trustsAnyone(fromJson!, (p) => p === "*"));
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe("keys JavaScript gives a meaning", () => {
  test("a condition keyed __proto__ is read as JSON.parse reads it (the property test's counterexample, seed -25724613)", () => {
    const document = JSON.parse('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"__proto__": {"k": "v"}}}]}');
    expect(policyStatements(encoded(hclOf(document)))).toEqual(policyStatements(JSON.stringify(document)));
    expect(policyStatements(encoded(hclOf(document)))?.[0].hasCondition).toBe(true);
  });
});

describe("grantsWildcardActions", () => {
  const allow = (statement: Record<string, unknown>) => policyStatements(JSON.stringify({ Statement: [{ Effect: "Allow", ...statement }] }))!;
  test.each<[string, Record<string, unknown>, boolean]>([
    ["every action on every resource", { Action: "*", Resource: "*" }, true],
    ["every action on one bucket", { Action: "*", Resource: "arn:aws:s3:::b" }, true],
    ["*:* on one bucket", { Action: ["*:*"], Resource: "arn:aws:s3:::b" }, true],
    ["every IAM action on every resource", { Action: ["s3:GetObject", "IAM:*"], Resource: "*" }, true],
    ["every CAM action on every resource", { Action: ["name/cam:*"], Resource: ["*"] }, true],
    ["all but IAM on every resource", { NotAction: "iam:*", Resource: "*" }, true],
    ["every S3 action on a tag-conditioned every resource", { Action: "s3:*", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/app": "shop" } } }, true],
    ["every S3 action on one bucket", { Action: "s3:*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] }, false],
    ["describe actions on every resource", { Action: ["ec2:Describe*", "autoscaling:DescribeTags"], Resource: "*" }, false],
    ["all but IAM on one bucket", { NotAction: "iam:*", Resource: "arn:aws:s3:::b" }, false],
  ])("%s: %j -> %s", (_case, statement, expected) => {
    expect(grantsWildcardActions(allow(statement))).toBe(expected);
  });

  test("a Deny grants nothing", () => {
    expect(grantsWildcardActions(policyStatements(JSON.stringify({ Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] }))!)).toBe(false);
  });
});
