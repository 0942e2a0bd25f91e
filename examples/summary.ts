import * as fs from "fs";
import * as path from "path";
import { AccountPrerequisite, AppFeature, AppUsage, BookstoreStacks, BookstoreStacksProps, CertificateSource, GlobalDnsStack, ICloud, prerequisitesFor } from "../lib";

interface StackJson {
  resource?: Record<string, Record<string, { "//"?: { metadata?: { path?: string } } }>>;
  data?: Record<string, Record<string, unknown>>;
  output?: Record<string, unknown>;
}

export interface SynthesizedStack {
  readonly cloud: string;
  readonly stackName: string;
}

export interface StackSummary extends SynthesizedStack {
  readonly resources: number;
  /** Resources per capability: the construct below the composition that made them. */
  readonly byCapability: Readonly<Record<string, number>>;
  readonly dataSources: number;
  readonly outputs: number;
  readonly file: string;
}

/** Counts what one synthesized stack holds. */
export function summarizeStack(outdir: string, stack: SynthesizedStack): StackSummary {
  const file = path.join(outdir, "stacks", stack.stackName, "cdk.tf.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as StackJson;
  const byCapability: Record<string, number> = {};
  let resources = 0;
  for (const blocks of Object.values(json.resource ?? {})) {
    for (const block of Object.values(blocks)) {
      // metadata.path is "<stack>/<composition>/<capability>/..."; stack-level helpers
      // (the log bucket) have no composition segment.
      const segments = block["//"]?.metadata?.path?.split("/") ?? [];
      const capability = segments.length > 3 ? segments[2] : (segments[1] ?? "other");
      byCapability[capability] = (byCapability[capability] ?? 0) + 1;
      resources += 1;
    }
  }
  const dataSources = Object.values(json.data ?? {}).reduce((n, blocks) => n + Object.keys(blocks).length, 0);
  return { ...stack, resources, byCapability, dataSources, outputs: Object.keys(json.output ?? {}).length, file };
}

/** Widest the capability column may be; longer lists wrap onto the next lines. */
const CAPABILITY_COLUMN_WIDTH = 56;

/**
 * A table a person reads after `npm run synth`: one row per stack, at most about 100
 * columns wide, and where the files went.
 */
export function formatSummary(summaries: readonly StackSummary[]): string {
  const rows = summaries.map((s) => [
    s.stackName,
    String(s.resources),
    wrap(
      Object.entries(s.byCapability)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([capability, n]) => `${capability} ${n}`),
      CAPABILITY_COLUMN_WIDTH,
    ),
  ]);
  const header = ["stack", "resources", "by capability"];
  const widths = [0, 1].map((i) => Math.max(header[i].length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join("  ").trimEnd();
  const body = rows.flatMap(([stack, resources, capabilities]) => (capabilities as string[]).map((part, i) => (i === 0 ? line([stack as string, resources as string, part]) : line(["", "", part]))));
  const folders = [...new Set(summaries.map((s) => path.relative(process.cwd(), path.dirname(path.dirname(s.file)))))];
  return [line(header), line([...widths.map((w) => "-".repeat(w)), "-".repeat(CAPABILITY_COLUMN_WIDTH)]), ...body, "", `Written to ${folders.join(", ")}/<stack>/cdk.tf.json`].join("\n");
}

/** Items joined with ", ", as lines of at most `width` characters. */
function wrap(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 2 + item.length + 1 <= width) lines[lines.length - 1] = `${last}, ${item}`;
    else lines.push(item);
  }
  return lines.map((l, i) => (i < lines.length - 1 ? `${l},` : l));
}

/**
 * A line for each cloud built with the example's placeholder certificate, and for each placeholder
 * setting of a cloud's entry point (e.g. Alibaba Cloud's KMS instance), which must be replaced before a deploy.
 * Each says where the value goes in the user's own app (the README's "Use it in your project"),
 * not in the library's registrations, which hold the example's placeholders.
 */
export function placeholderNotes(
  registrations: readonly { readonly name: string; readonly example: { readonly certificateId?: string; readonly cloudProps?: object } }[],
): string[] {
  return registrations.flatMap((r) => [
    ...(r.example.certificateId !== undefined
      ? [`note: ${r.name}'s certificate "${r.example.certificateId}" is a placeholder: in your own app, give yours as certificate: cloud.certificate.existing("<certificate ID>")`]
      : []),
    ...Object.entries(r.example.cloudProps ?? {}).map(
      ([setting, value]) => `note: ${r.name}'s ${setting} ${JSON.stringify(value)} is a placeholder: in your own app, give yours to Cloud.${r.name}({ region, ${setting} })`,
    ),
  ]);
}

/**
 * A line for each bookstore whose cluster administrators include its catalog's example
 * principal, the example's CI deployer, which must be replaced by the principal that deploys
 * (on AWS the only way into the cluster: EKS gives its creator no access).
 */
export function administratorNotes(bookstores: readonly { readonly cloud: ICloud; readonly props: BookstoreStacksProps }[]): string[] {
  return bookstores.flatMap(({ cloud, props }) => {
    const example = cloud.catalog.limits.clusterAdministrator.example;
    const kubernetes = props.kubernetes;
    if (kubernetes?.enabled === false || !(kubernetes?.administrators ?? []).includes(example)) return [];
    return [`note: ${cloud.name}'s cluster administrator "${example}" is a placeholder: set the principal that deploys (kubernetes.administrators, examples/bookstore-app.ts)`];
  });
}

/**
 * What one bookstore uses, as its cloud's account prerequisites care: from what it built, and
 * from its props for what the built constructs do not say (the VMs' image, where certificates come from).
 */
export function bookstoreUsage(stacks: BookstoreStacks, props: BookstoreStacksProps): AppUsage {
  const { bookstore, cloud } = stacks;
  const issued = (source: CertificateSource | undefined) => source === undefined || source.isIssued;
  // As the bookstore defaults it: the CDN serves the load balancer's certificate where the cloud's CDN can, else one issued for it.
  const cdnCertificate = props.cdn?.certificate ?? (cloud.catalog.capabilities.cdnSharesLoadBalancerCertificate ? props.certificate : undefined);
  const uses: [AppFeature, boolean][] = [
    [AppFeature.VMS, bookstore.web !== undefined],
    [AppFeature.KUBERNETES, bookstore.kubernetes !== undefined],
    // Every bookstore has a database, whose credentials are in the cloud's secret store.
    [AppFeature.DATABASE, true],
    [AppFeature.SECRETS, true],
    [AppFeature.ASSETS, bookstore.assets !== undefined],
    [AppFeature.CDN, bookstore.cdn !== undefined],
    [AppFeature.CDN_ASSETS, bookstore.cdn?.assetsDomain !== undefined],
    [AppFeature.ISSUED_CERTIFICATE, issued(props.certificate) || (bookstore.cdn !== undefined && issued(cdnCertificate))],
  ];
  return {
    region: cloud.region,
    features: uses.filter(([, used]) => used).map(([feature]) => feature),
    vmImage: bookstore.web !== undefined ? props.web.image : undefined,
    podImage: bookstore.workloadSettings?.image,
  };
}

/** What a global domain uses of its authority's cloud. */
export function globalDomainUsage(globalDns: GlobalDnsStack): { readonly cloud: ICloud; readonly usage: AppUsage } {
  const cloud = globalDns.globalDomain.cloud;
  return { cloud, usage: { region: cloud.region, features: [AppFeature.GLOBAL_DOMAIN] } };
}

/** The account prerequisites one cloud's part of the app needs. */
export interface CloudPrerequisites {
  readonly cloud: string;
  readonly prerequisites: readonly AccountPrerequisite[];
}

/**
 * The account prerequisites of each cloud the app uses, for everything built on it (a
 * cloud may hold a bookstore and a global domain's zone), each once, in its catalog's order.
 */
export function appPrerequisites(parts: readonly { readonly cloud: ICloud; readonly usage: AppUsage }[]): CloudPrerequisites[] {
  const clouds = [...new Map(parts.map(({ cloud }) => [cloud.name, cloud])).values()];
  return clouds.map((cloud) => {
    const needed = new Set(parts.filter((part) => part.cloud.name === cloud.name).flatMap(({ usage }) => prerequisitesFor(cloud.catalog.prerequisites, usage)));
    return { cloud: cloud.name, prerequisites: cloud.catalog.prerequisites.filter((p) => needed.has(p)) };
  });
}

/** Widest line of the prerequisites' list. */
const PREREQUISITES_WIDTH = 100;

/**
 * A few lines after the synth's table: per cloud, the ids of the prerequisites its part of
 * the app needs; the cloud's runbook (docs/<cloud>.md) says what each is and how to do it.
 */
export function formatPrerequisites(clouds: readonly CloudPrerequisites[]): string[] {
  const shown = clouds.filter((c) => c.prerequisites.length > 0);
  if (shown.length === 0) return [];
  const column = Math.max(...shown.map((c) => c.cloud.length)) + 2;
  return [
    "Before the first deploy, once per account (docs/<cloud>.md, the deploy runbook, says how):",
    ...shown.flatMap(({ cloud, prerequisites }) =>
      wrap(prerequisites.map((p) => p.id), PREREQUISITES_WIDTH - 2 - column).map((part, i) => `  ${(i === 0 ? cloud : "").padEnd(column)}${part}`),
    ),
  ];
}
