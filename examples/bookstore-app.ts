import { App } from "../lib/core/cdktf";
import { BookstoreStacks, BookstoreStacksProps, Cloud, ComputeSize, DatabaseSize, ICloud, MysqlVersion, WebRuntime } from "../lib";

/**
 * The example shop. Which clouds it is built on comes from one setting, the
 * BOOKSTORE_CLOUDS environment variable: a comma-separated list of cloud names
 * (default: every implemented cloud). Each cloud is built in its registration's example
 * region; a cloud that cannot issue certificates gets its registration's placeholder
 * certificate ID, to replace with your own.
 */
export const EXAMPLE_PROPS: BookstoreStacksProps = {
  domain: "shop.example.com",
  network: { cidr: "10.20.0.0/16", zones: 2 },
  web: {
    image: "registry.example.com/bookstore:1.4.2",
    port: 8080,
    size: ComputeSize.MEDIUM,
    minInstances: 2,
    maxInstances: 6,
  },
  database: { version: MysqlVersion.V8_0, size: DatabaseSize.SMALL, storageGiB: 50, highlyAvailable: true, backupRetentionDays: 7 },
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

/** The cloud of that name as the example app builds it: in its registration's example region. */
export function exampleCloud(name: string): ICloud {
  return Cloud.byName(name, Cloud.registrationNamed(name).example.region);
}

/**
 * The example props for one cloud: its own certificate where it cannot issue one, the
 * catalog's example principal as the CI deployer that administers the cluster, and the
 * shop half-way through a move from VMs to the cluster (10% of requests on pods) where
 * the load balancer can split by weight, else on the cluster alone.
 */
export function exampleProps(cloud: ICloud): BookstoreStacksProps {
  const capabilities = cloud.catalog.capabilities;
  const certificateId = Cloud.registrationOf(cloud).example.certificateId;
  const runtime = capabilities.weightedWebRuntimes ? WebRuntime.weighted({ vmsPercent: 90, kubernetesPercent: 10 }) : WebRuntime.kubernetes();
  return {
    ...EXAMPLE_PROPS,
    web: { ...EXAMPLE_PROPS.web, runtime },
    kubernetes: { ...EXAMPLE_PROPS.kubernetes, administrators: [cloud.catalog.limits.clusterAdministrator.example] },
    ...(capabilities.issuesCertificates || certificateId === undefined ? {} : { certificate: cloud.certificate.existing(certificateId) }),
  };
}

/** Builds the example app without synthesizing it, for tests and for `main`. */
export function buildExampleApp(app: App, clouds: ICloud[]): BookstoreStacks[] {
  return clouds.map((cloud) => new BookstoreStacks(app, cloud, exampleProps(cloud)));
}
