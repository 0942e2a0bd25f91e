import { App } from "../lib/core/cdktf";
import { BookstoreStacks, BookstoreStacksProps, Cloud, ComputeSize, DatabaseSize, ICloud, MysqlVersion } from "../lib";

/**
 * The example shop. Which clouds it is built on comes from one setting, the
 * BOOKSTORE_CLOUDS environment variable: a comma-separated list of cloud names
 * (default: every implemented cloud).
 */
export const EXAMPLE_REGIONS: Readonly<Record<string, string>> = {
  aws: "eu-central-1",
  tencentcloud: "ap-guangzhou",
  alicloud: "cn-hangzhou",
};

/**
 * Certificates for clouds that cannot issue one through Terraform: replace each with the
 * ID of your own certificate for the shop's domain in that cloud.
 */
export const EXAMPLE_CERTIFICATE_IDS: Readonly<Record<string, string>> = {
  // A placeholder in the format of a Tencent Cloud SSL Certificates ID; use your own.
  tencentcloud: "Xa7dQ2mK",
  // A placeholder in the format of an Alibaba Cloud Certificate Management Service ID; use your own.
  alicloud: "14368012",
};

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
  kubernetes: { nodeSize: ComputeSize.LARGE, minNodes: 2, maxNodes: 5 },
  tags: { team: "platform", environment: "production" },
};

/** The clouds named by `setting` (BOOKSTORE_CLOUDS), or every implemented cloud. */
export function selectedClouds(setting: string | undefined): ICloud[] {
  const names = (setting ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "");
  const selected = names.length > 0 ? names : [...Cloud.implemented];
  for (const name of selected) {
    if (!Cloud.implemented.includes(name)) {
      throw new Error(`BOOKSTORE_CLOUDS names "${name}"; implemented clouds: ${Cloud.implemented.join(", ")}`);
    }
  }
  return [...new Set(selected)].map((name) => Cloud.byName(name, EXAMPLE_REGIONS[name]));
}

/** The example props for one cloud: its own certificate where it cannot issue one. */
export function exampleProps(cloud: ICloud): BookstoreStacksProps {
  const certificateId = EXAMPLE_CERTIFICATE_IDS[cloud.name];
  if (cloud.catalog.capabilities.issuesCertificates || certificateId === undefined) return EXAMPLE_PROPS;
  const certificate = cloud.certificate.existing(certificateId);
  return { ...EXAMPLE_PROPS, certificate, cdn: { ...EXAMPLE_PROPS.cdn, certificate } };
}

/** Builds the example app without synthesizing it, for tests and for `main`. */
export function buildExampleApp(app: App, clouds: ICloud[]): BookstoreStacks[] {
  return clouds.map((cloud) => new BookstoreStacks(app, cloud, exampleProps(cloud)));
}
