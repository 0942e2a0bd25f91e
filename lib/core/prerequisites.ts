import { ValidationError } from "./validation";

/**
 * What an app built on one cloud uses that a one-time account prerequisite can be for. Each
 * cloud's catalog says which of them need which prerequisite (`AccountPrerequisite.when`);
 * `prerequisitesFor` picks those an app needs from what it built.
 */
export enum AppFeature {
  /** Anything at all: every bookstore builds a network, a load balancer and a database. */
  ALWAYS = "always",
  /** The web tier's VMs, an autoscaled group. */
  VMS = "vms",
  /** A managed Kubernetes cluster. */
  KUBERNETES = "kubernetes",
  /** A managed MySQL database. */
  DATABASE = "database",
  /** Credentials kept in the cloud's secret store (the database's and the cache's). */
  SECRETS = "secrets",
  /** The asset bucket, in the cloud's object storage. */
  ASSETS = "assets",
  /** A CDN in front of the load balancer. */
  CDN = "cdn",
  /** The CDN serves the private asset bucket. */
  CDN_ASSETS = "cdnAssets",
  /** A certificate the cloud issues with DNS validation (`cloud.certificate.issued()`, or no certificate where the cloud issues one). */
  ISSUED_CERTIFICATE = "issuedCertificate",
  /** The VMs' or the pods' image in the cloud's own registry: the prerequisite's `imageHostPattern` says which hosts. */
  REGISTRY = "registry",
  /** The pods' image in the cloud's own registry: the prerequisite's `imageHostPattern` says which hosts. */
  CLUSTER_REGISTRY = "clusterRegistry",
  /** The cloud's DNS service holds the zone of a global domain (`GlobalDnsStack`'s authority). */
  GLOBAL_DOMAIN = "globalDomain",
}

/** Each feature in a few words, for the runbooks (docs/<cloud>.md) and messages: "needed <words>". */
export const APP_FEATURE_WORDS: Readonly<Record<AppFeature, string>> = Object.freeze({
  [AppFeature.ALWAYS]: "always",
  [AppFeature.VMS]: "with VMs (the web tier's runtime sends them requests)",
  [AppFeature.KUBERNETES]: "with a cluster",
  [AppFeature.DATABASE]: "with a database",
  [AppFeature.SECRETS]: "where the stack keeps secrets (the database's and the cache's credentials)",
  [AppFeature.ASSETS]: "with an asset bucket",
  [AppFeature.CDN]: "with a CDN",
  [AppFeature.CDN_ASSETS]: "where the CDN serves the asset bucket",
  [AppFeature.ISSUED_CERTIFICATE]: "where the cloud issues a certificate",
  [AppFeature.REGISTRY]: "where the VMs' or the pods' image is in the cloud's registry",
  [AppFeature.CLUSTER_REGISTRY]: "where the pods' image is in the cloud's registry",
  [AppFeature.GLOBAL_DOMAIN]: "where the cloud's DNS holds a global domain's zone",
});

/** Features whose prerequisites name the image hosts they are about. */
const IMAGE_FEATURES: readonly AppFeature[] = [AppFeature.REGISTRY, AppFeature.CLUSTER_REGISTRY];

/**
 * Something an account must have before the first deploy that Terraform does not do here:
 * a service activated, a service role authorized, a KMS instance bought, a domain's
 * ownership proved, the account verified. Account-wide things stay out of the stacks: a
 * stack that owned them would remove them for every other user of the account on destroy.
 */
export interface AccountPrerequisite {
  /** Stable kebab-case name, unique in its catalog; the cloud's runbook (docs/<cloud>.md) lists each by it. */
  readonly id: string;
  /** What must be in place, in a sentence or two. */
  readonly what: string;
  /** The features that need it: any one of them does. */
  readonly when: readonly AppFeature[];
  /** How to put it in place, in one line: the console step, or a command. */
  readonly how: string;
  /** Where the cloud documents it (or, where it does not, where its behaviour is shown). */
  readonly ref: string;
  /** The ISO day `ref` was read. */
  readonly checkedOn: string;
  /**
   * The prop that carries its result into the stacks, e.g. `Cloud.alicloud({ kmsInstanceId })`.
   * @default none: nothing of it reaches Terraform
   */
  readonly prop?: string;
  /**
   * The regions it applies in (e.g. those in mainland China).
   * @default every region
   */
  readonly regions?: readonly string[];
  /**
   * For `REGISTRY` and `CLUSTER_REGISTRY`: the registry hosts it is about, a regular
   * expression source matched against an image's host as a whole.
   * @default none: required when `when` names one of those features
   */
  readonly imageHostPattern?: string;
}

/** What an app builds on one cloud, as far as its prerequisites care. */
export interface AppUsage {
  /** The region the cloud's stacks are in. */
  readonly region: string;
  /** What it uses; `ALWAYS` is implied. */
  readonly features: readonly AppFeature[];
  /**
   * The image the VMs run.
   * @default no VMs
   */
  readonly vmImage?: string;
  /**
   * The image the cluster's pods run.
   * @default no pods
   */
  readonly podImage?: string;
}

/**
 * The prerequisites of `catalog` (the catalog's `prerequisites`) that an app using `usage`
 * needs, in the catalog's order. Pure; a feature that is not an `AppFeature` is refused,
 * named by its place in `usage.features`.
 */
export function prerequisitesFor(prerequisites: readonly AccountPrerequisite[], usage: AppUsage): AccountPrerequisite[] {
  const known = Object.values(AppFeature) as string[];
  usage.features.forEach((feature, index) => {
    if (!known.includes(feature)) throw new ValidationError("prerequisitesFor", `usage.features[${index}]`, feature, `one of ${known.join(", ")}`);
  });
  const features = new Set<AppFeature>([AppFeature.ALWAYS, ...usage.features]);
  return prerequisites.filter((prerequisite) => {
    if (prerequisite.regions !== undefined && !prerequisite.regions.includes(usage.region)) return false;
    return prerequisite.when.some((feature) => {
      if (!IMAGE_FEATURES.includes(feature)) return features.has(feature);
      const images = feature === AppFeature.CLUSTER_REGISTRY ? [usage.podImage] : [usage.vmImage, usage.podImage];
      return images.some((image) => image !== undefined && inRegistry(image, prerequisite.imageHostPattern));
    });
  });
}

/** True when the image's host (the part before the first `/`) matches the pattern as a whole. */
function inRegistry(image: string, hostPattern: string | undefined): boolean {
  if (hostPattern === undefined || !image.includes("/")) return false;
  return new RegExp(`^(?:${hostPattern})$`).test(image.split("/")[0]);
}

/** When a prerequisite applies, in words: its features and, where it has them, its regions. */
export function prerequisiteCondition(prerequisite: AccountPrerequisite): string {
  const features = prerequisite.when.map((feature) => APP_FEATURE_WORDS[feature]).join(", or ");
  return prerequisite.regions === undefined ? features : `${features}, in ${prerequisite.regions.join(", ")}`;
}
