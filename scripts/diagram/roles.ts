/*
 * What the diagrams draw, as data: which Terraform resource types are the parts a person
 * looks for in a picture of the shop (front doors, compute, data stores, DNS records,
 * networks), what each is called, and the few attributes worth printing beside it.
 * Every other resource type is a supporting part of one of these (a listener of its load
 * balancer, a subnet of its network) or is left out of the picture.
 *
 * Types that the library does not create yet are listed too, so the picture shows them
 * once they land: a type that no stack holds costs nothing.
 */

/** What a drawn resource is for. */
export enum Role {
  DNS_RECORD = "dns-record",
  CDN = "cdn",
  LOAD_BALANCER = "load-balancer",
  CLUSTER = "cluster",
  VMS = "vms",
  PODS = "pods",
  DATABASE = "database",
  CACHE = "cache",
  BUCKET = "bucket",
  NETWORK = "network",
}

/** The kind of thing a role is, as the pictures and their tests group them. */
export enum RoleGroup {
  DNS = "dns",
  FRONT_DOOR = "front door",
  COMPUTE = "compute",
  DATA_STORE = "data store",
  NETWORK = "network",
}

export interface RoleInfo {
  /** First line of the node's label. */
  readonly title: string;
  readonly group: RoleGroup;
  /**
   * Where the role sits on a request's way in, from the viewer's side (0) to the data
   * (5). A reference between two drawn resources becomes an arrow from the lower tier
   * to the higher; the network has no tier, it is drawn as a box around what is in it.
   */
  readonly tier?: number;
  /** Graphviz node shape and fill. */
  readonly shape: string;
  readonly fill: string;
}

export const ROLES: Readonly<Record<Role, RoleInfo>> = Object.freeze({
  [Role.DNS_RECORD]: { title: "DNS record", group: RoleGroup.DNS, tier: 0, shape: "note", fill: "#ede7f6" },
  [Role.CDN]: { title: "CDN", group: RoleGroup.FRONT_DOOR, tier: 1, shape: "box", fill: "#e3f2fd" },
  [Role.LOAD_BALANCER]: { title: "Load balancer", group: RoleGroup.FRONT_DOOR, tier: 2, shape: "box", fill: "#bbdefb" },
  [Role.CLUSTER]: { title: "Kubernetes cluster", group: RoleGroup.COMPUTE, tier: 3, shape: "box3d", fill: "#e8f5e9" },
  [Role.VMS]: { title: "VM group", group: RoleGroup.COMPUTE, tier: 4, shape: "box", fill: "#c8e6c9" },
  [Role.PODS]: { title: "Pods", group: RoleGroup.COMPUTE, tier: 4, shape: "box", fill: "#c8e6c9" },
  [Role.DATABASE]: { title: "Database", group: RoleGroup.DATA_STORE, tier: 5, shape: "cylinder", fill: "#fff3e0" },
  [Role.CACHE]: { title: "Cache", group: RoleGroup.DATA_STORE, tier: 5, shape: "cylinder", fill: "#fce4ec" },
  [Role.BUCKET]: { title: "Bucket", group: RoleGroup.DATA_STORE, tier: 5, shape: "folder", fill: "#fffde7" },
  [Role.NETWORK]: { title: "Network", group: RoleGroup.NETWORK, shape: "box", fill: "#fafafa" },
});

/** A Terraform block's arguments as synthesized (cdk.tf.json). */
export type Block = Readonly<Record<string, unknown>>;

export interface ResourceKind {
  readonly role: Role;
  /** The cloud's name for the service, e.g. "CloudFront". */
  readonly service: string;
  /** Short facts read from the block's literal arguments ("MySQL 8.0", "mainland"). */
  readonly details?: (block: Block) => (string | undefined)[];
}

/** A literal argument (never an unresolved `${...}` expression), as text. */
export function literal(block: Block, ...keys: string[]): string | undefined {
  let value: unknown = block;
  for (const key of keys) {
    if (Array.isArray(value)) value = value[0];
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string" || value === "" || value.includes("${")) return undefined;
  return value;
}

/** Literal words joined by a space, or undefined when there are none. */
function words(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined);
  return present.length > 0 ? present.join(" ") : undefined;
}

/** `min–max instances` when both bounds are literals. */
function instances(block: Block, min: string, max: string): string | undefined {
  const low = literal(block, min);
  const high = literal(block, max);
  return low !== undefined && high !== undefined ? `${low}–${high} instances` : undefined;
}

/** `label value`, when the value is a literal. */
function labelled(kind: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : `${kind} ${value}`;
}

/**
 * Resource type -> what it is. Keys are the providers' type names; the services' names
 * are the clouds' own product names.
 */
export const RESOURCE_KINDS: Readonly<Record<string, ResourceKind>> = Object.freeze({
  // DNS records: the name, the type and the routing that picks this answer.
  aws_route53_record: {
    role: Role.DNS_RECORD,
    service: "Route 53",
    details: (b) => [
      words(literal(b, "name"), literal(b, "type")),
      labelled("geo", literal(b, "geolocation_routing_policy", "country") ?? literal(b, "geolocation_routing_policy", "continent")),
      labelled("weight", literal(b, "weighted_routing_policy", "weight")),
      labelled("failover", literal(b, "failover_routing_policy", "type")),
    ],
  },
  alicloud_alidns_record: {
    role: Role.DNS_RECORD,
    service: "Alibaba Cloud DNS",
    details: (b) => [words([literal(b, "rr"), literal(b, "domain_name")].filter(Boolean).join(".") || undefined, literal(b, "type")), labelled("line", literal(b, "line"))],
  },
  tencentcloud_dnspod_record: {
    role: Role.DNS_RECORD,
    service: "DNSPod",
    details: (b) => [
      words([literal(b, "sub_domain"), literal(b, "domain")].filter(Boolean).join(".") || undefined, literal(b, "record_type")),
      labelled("line", literal(b, "record_line")),
      labelled("weight", literal(b, "weight")),
    ],
  },

  // CDNs: the domain they serve and, where the CDN has one, where it serves it.
  aws_cloudfront_distribution: { role: Role.CDN, service: "CloudFront", details: (b) => [literal(b, "aliases")] },
  alicloud_cdn_domain_new: { role: Role.CDN, service: "Alibaba Cloud CDN", details: (b) => [literal(b, "domain_name"), labelled("scope", literal(b, "scope"))] },
  tencentcloud_cdn_domain: { role: Role.CDN, service: "Tencent Cloud CDN", details: (b) => [literal(b, "domain"), labelled("area", literal(b, "area"))] },

  // Load balancers.
  aws_lb: { role: Role.LOAD_BALANCER, service: "Elastic Load Balancing", details: (b) => [words(literal(b, "load_balancer_type"), literal(b, "internal") === "true" ? "internal" : undefined)] },
  alicloud_slb_load_balancer: { role: Role.LOAD_BALANCER, service: "CLB", details: (b) => [labelled("address type", literal(b, "address_type"))] },
  alicloud_alb_load_balancer: { role: Role.LOAD_BALANCER, service: "ALB", details: (b) => [labelled("address type", literal(b, "address_type"))] },
  alicloud_nlb_load_balancer: { role: Role.LOAD_BALANCER, service: "NLB", details: (b) => [labelled("address type", literal(b, "address_type"))] },
  tencentcloud_clb_instance: { role: Role.LOAD_BALANCER, service: "CLB", details: (b) => [labelled("network type", literal(b, "network_type"))] },

  // Compute: managed Kubernetes, VM groups, and the pods a workloads stack runs.
  aws_eks_cluster: { role: Role.CLUSTER, service: "EKS", details: (b) => [labelled("Kubernetes", literal(b, "version"))] },
  alicloud_cs_managed_kubernetes: { role: Role.CLUSTER, service: "ACK", details: (b) => [labelled("Kubernetes", literal(b, "version"))] },
  tencentcloud_kubernetes_cluster: { role: Role.CLUSTER, service: "TKE", details: (b) => [labelled("Kubernetes", literal(b, "cluster_version"))] },
  aws_autoscaling_group: { role: Role.VMS, service: "EC2 Auto Scaling", details: (b) => [instances(b, "min_size", "max_size")] },
  alicloud_ess_scaling_group: { role: Role.VMS, service: "Auto Scaling (ESS)", details: (b) => [instances(b, "min_size", "max_size")] },
  tencentcloud_as_scaling_group: { role: Role.VMS, service: "Auto Scaling", details: (b) => [instances(b, "min_size", "max_size")] },
  kubernetes_deployment_v1: { role: Role.PODS, service: "Deployment", details: (b) => [literal(b, "metadata", "namespace") === undefined ? undefined : `namespace ${literal(b, "metadata", "namespace")}`] },
  kubernetes_deployment: { role: Role.PODS, service: "Deployment" },

  // Data stores.
  aws_db_instance: { role: Role.DATABASE, service: "RDS", details: (b) => [words(literal(b, "engine"), literal(b, "engine_version")), literal(b, "instance_class")] },
  alicloud_db_instance: { role: Role.DATABASE, service: "ApsaraDB RDS", details: (b) => [words(literal(b, "engine"), literal(b, "engine_version")), literal(b, "instance_type")] },
  tencentcloud_mysql_instance: { role: Role.DATABASE, service: "TencentDB for MySQL", details: (b) => [words("MySQL", literal(b, "engine_version"))] },
  aws_elasticache_replication_group: { role: Role.CACHE, service: "ElastiCache", details: (b) => [words(literal(b, "engine"), literal(b, "engine_version")), literal(b, "node_type")] },
  alicloud_kvstore_instance: { role: Role.CACHE, service: "Tair (Redis OSS-compatible)", details: (b) => [words(literal(b, "instance_type"), literal(b, "engine_version")), literal(b, "instance_class")] },
  tencentcloud_redis_instance: { role: Role.CACHE, service: "TencentDB for Redis", details: (b) => [words(literal(b, "mem_size"), literal(b, "mem_size") === undefined ? undefined : "MB")] },
  aws_s3_bucket: { role: Role.BUCKET, service: "S3" },
  alicloud_oss_bucket: { role: Role.BUCKET, service: "OSS" },
  tencentcloud_cos_bucket: { role: Role.BUCKET, service: "COS" },

  // Networks: drawn as a box around what runs in them.
  aws_vpc: { role: Role.NETWORK, service: "VPC", details: (b) => [literal(b, "cidr_block")] },
  alicloud_vpc: { role: Role.NETWORK, service: "VPC", details: (b) => [literal(b, "cidr_block")] },
  tencentcloud_vpc: { role: Role.NETWORK, service: "VPC", details: (b) => [literal(b, "cidr_block")] },
});

/**
 * Clouds by their Terraform provider's local name: a stack belongs to the cloud whose
 * provider's types it uses most.
 */
export const CLOUDS: Readonly<Record<string, { readonly title: string }>> = Object.freeze({
  aws: { title: "AWS" },
  alicloud: { title: "Alibaba Cloud" },
  tencentcloud: { title: "Tencent Cloud" },
});

/** The role of a resource type, or undefined for a supporting type. */
export function roleOf(type: string): Role | undefined {
  return Object.prototype.hasOwnProperty.call(RESOURCE_KINDS, type) ? RESOURCE_KINDS[type].role : undefined;
}
