import * as fs from "fs";
import * as path from "path";
import { ALICLOUD_POLICY_PACK, AWS_POLICY_PACK, Compliance, KUBERNETES_POLICY_PACK, PolicyPack, PolicyRule, TENCENTCLOUD_POLICY_PACK } from "../../lib";
import { stackView } from "../../lib/policy/stack-view";

/** Every pack, by the cloud name in its stacks' names; `kubernetes` for the workloads stacks. */
export const PACKS: Readonly<Record<string, PolicyPack>> = {
  aws: AWS_POLICY_PACK,
  alicloud: ALICLOUD_POLICY_PACK,
  tencentcloud: TENCENTCLOUD_POLICY_PACK,
  kubernetes: KUBERNETES_POLICY_PACK,
};

/**
 * The pack a stack of the example app is checked with: `bookstore-<cloud>[-addons|-workloads]`, or
 * for `bookstore-global-dns` the pack of the cloud whose resources the stack creates (the
 * authority's; the other clouds' providers only read the front doors' host names).
 */
export function packOfStack(stack: string, json?: Record<string, any>): PolicyPack {
  if (stack === "bookstore-global-dns") {
    const clouds = [...new Set(Object.keys(json?.resource ?? {}).map((type) => type.split("_")[0]))].filter((name) => name in PACKS && name !== "kubernetes");
    if (clouds.length !== 1) throw new Error(`${stack}: expected the resources of its authority's cloud alone, found ${clouds.join(", ") || "none"}`);
    return PACKS[clouds[0]];
  }
  const match = /^bookstore-([a-z]+)(-addons|-workloads)?$/.exec(stack);
  if (!match) throw new Error(`not a stack of the example app: ${stack}`);
  const pack = PACKS[match[2] ? "kubernetes" : match[1]];
  if (!pack) throw new Error(`no policy pack for ${stack}`);
  return pack;
}

/** The checkov IDs a rule says it mirrors (CKV_*, CKV2_*). */
export function checkovIds(rule: PolicyRule): string[] {
  return rule.mirrors.filter((id) => /^CKV2?_/.test(id));
}

/** What a rule says of one resource of a stack's JSON. */
export function verdict(stackJson: Record<string, any>, rule: PolicyRule, address: string): Compliance {
  const view = stackView(stackJson);
  const resource = view.resources.find((r) => r.address === address);
  if (!resource) throw new Error(`no ${address} in the stack`);
  if (!rule.resourceTypes.includes(resource.type)) return Compliance.NOT_APPLICABLE;
  return rule.check(resource, view);
}

/** The synthesized stacks in an outdir, by name. */
export function readStacks(outdir: string): Record<string, Record<string, any>> {
  const dir = path.join(outdir, "stacks");
  return Object.fromEntries(fs.readdirSync(dir).sort().map((s) => [s, JSON.parse(fs.readFileSync(path.join(dir, s, "cdk.tf.json"), "utf8"))]));
}
