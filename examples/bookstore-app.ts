import { App } from "../lib/core/cdktf";
import {
  BookstoreStacks,
  BookstoreStacksProps,
  ChartSource,
  Cloud,
  ClusterTarget,
  ComputeSize,
  DatabaseSize,
  DnsAnswer,
  DnsAuthority,
  DnsRouting,
  DnsTarget,
  DnsZone,
  GlobalDnsStack,
  ICloud,
  includesMainlandChina,
  includesOutsideMainlandChina,
  ServiceArea,
  WebRuntime,
} from "../lib";

/**
 * The example shop. Which clouds it is built on comes from one setting, the
 * BOOKSTORE_CLOUDS environment variable: a comma-separated list of cloud names
 * (default: every implemented cloud). Each cloud is built in its registration's example
 * region; a cloud that cannot issue certificates gets its registration's placeholder
 * certificate ID, to replace with your own.
 */
export const EXAMPLE_PROPS: Omit<BookstoreStacksProps, "cloud"> = {
  domain: "shop.example.com",
  network: { cidr: "10.20.0.0/16", zones: 2 },
  web: {
    image: "registry.example.com/bookstore:1.4.2",
    port: 8080,
    size: ComputeSize.MEDIUM,
    minInstances: 2,
    maxInstances: 6,
  },
  // No version: each cloud's default MySQL (8.4 on AWS, where 8.0 is past standard support; 8.0 elsewhere).
  database: { size: DatabaseSize.SMALL, storageGiB: 50, highlyAvailable: true, backupRetentionDays: 7 },
  cdn: { staticPaths: ["/static/*", "/covers/*"] },
  // The CI runners' subnet, reached over a VPN, may call the private API server.
  kubernetes: { nodeSize: ComputeSize.LARGE, minNodes: 2, maxNodes: 5, privateApiAllowedCidrs: ["10.100.0.0/24"] },
  tags: { team: "platform", environment: "production" },
};

/** A setting of the example app that cannot work, e.g. an unknown name in BOOKSTORE_CLOUDS. */
export class ExampleSettingError extends Error {}

/** The clouds named by `setting` (BOOKSTORE_CLOUDS), or every implemented cloud. */
export function selectedClouds(setting: string | undefined): ICloud[] {
  // Names are compared in lower case: "AWS" means aws.
  const names = (setting ?? "").split(",").map((name) => name.trim().toLowerCase()).filter((name) => name !== "");
  const selected = names.length > 0 ? names : [...Cloud.implemented];
  for (const name of selected) {
    if (!Cloud.implemented.includes(name)) {
      throw new ExampleSettingError(`BOOKSTORE_CLOUDS names "${name}"; implemented clouds: ${Cloud.implemented.join(", ")}`);
    }
  }
  return [...new Set(selected)].map((name) => exampleCloud(name));
}

/**
 * The cloud of that name as the example app builds it: in its registration's example region,
 * with the registration's example settings (placeholders, such as Alibaba Cloud's KMS instance).
 */
export function exampleCloud(name: string): ICloud {
  const { create, example } = Cloud.registrationNamed(name);
  return create({ ...example.cloudProps, region: example.region });
}

/**
 * The example props for one cloud: its own certificate where it cannot issue one, the
 * catalog's example principal as the CI deployer that administers the cluster (on AWS the
 * only way in: EKS gives whoever created the cluster no access of its own), and the
 * shop half-way through a move from VMs to the cluster (10% of requests on pods) where
 * the load balancer can split by weight, else on the cluster alone.
 */
export function exampleProps(cloud: ICloud): BookstoreStacksProps {
  const capabilities = cloud.catalog.capabilities;
  const certificateId = Cloud.registrationOf(cloud).example.certificateId;
  const runtime = capabilities.weightedWebRuntimes ? WebRuntime.weighted({ vmsPercent: 90, kubernetesPercent: 10 }) : WebRuntime.kubernetes();
  return {
    ...EXAMPLE_PROPS,
    cloud,
    web: { ...EXAMPLE_PROPS.web, runtime },
    kubernetes: { ...EXAMPLE_PROPS.kubernetes, administrators: [cloud.catalog.limits.clusterAdministrator.example] },
    ...(capabilities.issuesCertificates || certificateId === undefined ? {} : { certificate: cloud.certificate.existing(certificateId) }),
  };
}

/**
 * A placeholder in the format of an ICP filing number (Zhejiang's), under which the
 * example's mainland China front doors serve the shop: replace it with the filing of your
 * domain, made through the cloud that serves it in the mainland.
 */
export const EXAMPLE_ICP_FILING = "浙ICP备00000000号";

/** Where the example's add-ons and workloads deploy to, and where its charts come from. */
export type ExampleDeploySettings = Pick<BookstoreStacksProps, "clusterTarget" | "charts">;

/**
 * The example's deploy settings from its environment: `BOOKSTORE_KUBECONFIG` and
 * `BOOKSTORE_KUBE_CONTEXT` (both or neither) send every cloud's add-ons and workloads
 * stacks to that kubeconfig context (`ClusterTarget.kubeconfig`), and
 * `BOOKSTORE_CHART_MIRROR` takes the Helm charts from that directory of packaged charts
 * (`ChartSource.localDirectory`). `npm run rehearse` sets them; unset, the cloud's own
 * cluster and the public chart repositories.
 */
export function exampleDeploySettings(env: NodeJS.ProcessEnv): ExampleDeploySettings {
  const path = env.BOOKSTORE_KUBECONFIG || undefined;
  const context = env.BOOKSTORE_KUBE_CONTEXT || undefined;
  if ((path === undefined) !== (context === undefined)) {
    throw new ExampleSettingError(
      `BOOKSTORE_KUBECONFIG and BOOKSTORE_KUBE_CONTEXT go together (a kubeconfig and the context in it); only ${path !== undefined ? "BOOKSTORE_KUBECONFIG" : "BOOKSTORE_KUBE_CONTEXT"} is set`,
    );
  }
  const mirror = env.BOOKSTORE_CHART_MIRROR || undefined;
  return {
    ...(path !== undefined && context !== undefined ? { clusterTarget: ClusterTarget.kubeconfig({ path, context }) } : {}),
    ...(mirror !== undefined ? { charts: ChartSource.localDirectory(mirror) } : {}),
  };
}

/** The example app: the bookstore on each selected cloud, and the one domain across them where that makes sense. */
export interface ExampleApp {
  readonly bookstores: BookstoreStacks[];
  /** Present when the clouds include one whose CDN serves mainland China and one whose CDN serves the rest. */
  readonly globalDns?: GlobalDnsStack;
}

/** Builds the example app without synthesizing it, for tests and for `main`. */
export function buildExample(app: App, clouds: ICloud[], deploy: ExampleDeploySettings = {}): ExampleApp {
  const bookstores = clouds.map((cloud) => new BookstoreStacks(app, `bookstore-${cloud.name}`, { ...exampleProps(cloud), ...deploy }));
  return { bookstores, globalDns: exampleGlobalDns(app, bookstores) };
}

/** The bookstores of the example app (and its global domain, which `buildExample` also returns). */
export function buildExampleApp(app: App, clouds: ICloud[]): BookstoreStacks[] {
  return buildExample(app, clouds).bookstores;
}

/**
 * One domain for the example shop, `bookstore-global-dns`, when the clouds split the world:
 * viewers in mainland China go to the clouds whose CDN serves the mainland (by equal
 * weights where there are several and the authority can weight), everyone else to a
 * cloud whose CDN serves the rest, failing over to a mainland front door where the
 * authority health-checks from outside the mainland. The authority is the first cloud
 * whose DNS has health checks (Route 53), else the first serving outside the mainland.
 * Its zone, `example.com`, is created by the stack.
 */
export function exampleGlobalDns(app: App, bookstores: readonly BookstoreStacks[]): GlobalDnsStack | undefined {
  const serving = (b: BookstoreStacks, side: (area: ServiceArea) => boolean) => b.cdn !== undefined && side(b.cdn.serviceArea);
  const mainland = bookstores.filter((b) => serving(b, includesMainlandChina));
  const outside = bookstores.filter((b) => !mainland.includes(b) && serving(b, includesOutsideMainlandChina));
  if (mainland.length === 0 || outside.length === 0) return undefined;
  const owner = outside.find((b) => b.cloud.catalog.dns.healthChecks !== undefined) ?? outside[0];
  const dns = owner.cloud.catalog.dns;
  const canWeight = dns.weights !== undefined && dns.editions[dns.defaultEdition].weightedRecords;
  const mainlandTargets = mainland.map((b) => DnsTarget.of(b, { icpFiling: EXAMPLE_ICP_FILING }));
  const primary = DnsTarget.of(owner);
  const domain = EXAMPLE_PROPS.domain;
  return new GlobalDnsStack(app, "bookstore-global-dns", {
    authority: DnsAuthority.of(owner),
    domain,
    zone: DnsZone.create(domain.slice(domain.indexOf(".") + 1)),
    routing: DnsRouting.geoSplit({
      mainlandChina: mainlandTargets.length > 1 && canWeight ? DnsAnswer.weighted(mainlandTargets.map((target) => ({ target, weight: 50 }))) : DnsAnswer.target(mainlandTargets[0]),
      elsewhere: dns.healthChecks !== undefined ? DnsAnswer.failover({ primary, secondary: mainlandTargets[0] }) : DnsAnswer.target(primary),
    }),
  });
}
