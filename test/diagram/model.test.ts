import * as fc from "fast-check";
import { ConnectionKind, buildDeployment, Deployment, StackInput } from "../../scripts/diagram/model";
import { referencesIn } from "../../scripts/diagram/references";
import { CLOUDS, literal, RESOURCE_KINDS, Role, RoleGroup, ROLES, roleOf } from "../../scripts/diagram/roles";
import { cloudView, deploymentView, toDot, viewsOf } from "../../scripts/diagram/dot";
import { propertyRuns } from "../support/property-budget";

// Small hand-written stacks in the shape cdktf synthesizes, so the model's rules are
// checked one by one; test/diagram/pictures.test.ts draws the real example app.

/** A block with cdktf's metadata: `path` is the construct path below the stack. */
function block(stack: string, path: string, args: Record<string, unknown> = {}): Record<string, unknown> {
  return { "//": { metadata: { path: `${stack}/${path}`, uniqueId: path.replace(/\//g, "_") } }, ...args };
}

const remote = (stack: string, output: string) => `\${data.terraform_remote_state.cross-stack-reference-input-${stack}.outputs.${output}}`;
const remoteState = (stack: string) => ({ [`cross-stack-reference-input-${stack}`]: { backend: "local", config: { path: `terraform.${stack}.tfstate` } } });

/** One cloud's shop: network, load balancer, VMs, database, CDN, log bucket, cluster; and its pods. */
function shop(cloud = "aws"): StackInput[] {
  const s = `shop-${cloud}`;
  const w = `shop-${cloud}-workloads`;
  return [
    {
      name: s,
      json: {
        provider: { aws: [{ region: "eu-central-1" }] },
        terraform: { backend: { local: { path: `terraform.${s}.tfstate` } } },
        resource: {
          aws_vpc: { Net: block(s, "Shop/Network/Resource", { cidr_block: "10.0.0.0/16" }) },
          aws_subnet: { Sub: block(s, "Shop/Network/Subnet1", { vpc_id: "${aws_vpc.Net.id}" }) },
          aws_lb: { Lb: block(s, "Shop/LoadBalancer/Resource", { subnets: ["${aws_subnet.Sub.id}"], access_logs: { bucket: "${aws_s3_bucket.Logs.id}" } }) },
          aws_lb_target_group: { Tg: block(s, "Shop/LoadBalancer/TargetGroup", { vpc_id: "${aws_vpc.Net.id}" }) },
          aws_lb_listener: { L: block(s, "Shop/LoadBalancer/Listener", { load_balancer_arn: "${aws_lb.Lb.arn}", default_action: [{ target_group_arn: "${aws_lb_target_group.Tg.arn}" }] }) },
          aws_autoscaling_group: { Web: block(s, "Shop/Web/Resource", { min_size: 2, max_size: 6, target_group_arns: ["${aws_lb_target_group.Tg.arn}"], vpc_zone_identifier: ["${aws_subnet.Sub.id}"] }) },
          aws_iam_role_policy: { Read: block(s, "Shop/Web/ReadSecret", { policy: '${jsonencode({"Resource" = aws_db_instance.Db.master_user_secret[0].secret_arn})}' }) },
          aws_db_instance: { Db: block(s, "Shop/Database/Resource", { engine: "mysql", engine_version: "8.0", db_subnet_group_name: "${aws_db_subnet_group.Group.name}" }) },
          aws_db_subnet_group: { Group: block(s, "Shop/Database/SubnetGroup", { subnet_ids: ["${aws_subnet.Sub.id}"] }) },
          aws_cloudfront_distribution: { Cdn: block(s, "Shop/Cdn/Resource", { aliases: ["shop.example.com"], origin: [{ domain_name: "${aws_lb.Lb.dns_name}" }], logging_config: { bucket: "${aws_s3_bucket.Logs.bucket_domain_name}" } }) },
          aws_s3_bucket: { Logs: block(s, "LogBucket/Resource") },
          aws_s3_bucket_versioning: { V: block(s, "LogBucket/Versioning", { bucket: "${aws_s3_bucket.Logs.id}" }) },
          aws_kms_key: { Key: block(s, "LogKey/Resource") },
          aws_eks_cluster: { K8s: block(s, "Shop/Kubernetes/Resource", { name: "shop-k8s", version: "1.33", vpc_config: { subnet_ids: ["${aws_subnet.Sub.id}"] } }) },
        },
        output: {
          "cross-stack-output-aws_db_instanceDbaddress": { value: "${aws_db_instance.Db.address}" },
          "cross-stack-output-aws_cloudfront_distributionCdndomain_name": { value: "${aws_cloudfront_distribution.Cdn.domain_name}" },
        },
      },
    },
    {
      name: w,
      json: {
        provider: { aws: [{ region: "eu-central-1" }], kubernetes: [{ host: "${data.aws_eks_cluster.Cluster.endpoint}" }] },
        data: { aws_eks_cluster: { Cluster: block(w, "ClusterAccess/Cluster", { name: "shop-k8s" }) }, terraform_remote_state: remoteState(s) },
        resource: {
          kubernetes_config_map_v1: { Config: block(w, "Workloads/Config", { data: { DB_HOST: remote(s, "cross-stack-output-aws_db_instanceDbaddress") } }) },
          kubernetes_deployment_v1: { Pods: block(w, "Workloads/Deployment", { spec: [{ env_from: "${kubernetes_config_map_v1.Config.metadata[0].name}" }] }) },
        },
      },
    },
  ];
}

/** A global domain: one record per authority, each pointing at the shop's CDN. */
function globalDns(target = "shop-aws"): StackInput {
  const g = "shop-global-dns";
  const cdn = remote(target, "cross-stack-output-aws_cloudfront_distributionCdndomain_name");
  return {
    name: g,
    json: {
      provider: { aws: [{ region: "us-east-1" }] },
      data: { terraform_remote_state: remoteState(target) },
      resource: {
        aws_route53_zone: { Zone: block(g, "Domain/Zone", { name: "example.com" }) },
        aws_route53_record: { Default: block(g, "Domain/Default", { name: "shop.example.com", type: "CNAME", records: [cdn], zone_id: "${aws_route53_zone.Zone.zone_id}", geolocation_routing_policy: { country: "*" } }) },
        alicloud_alidns_record: { Abroad: block(g, "Domain/Abroad", { domain_name: "example.com", rr: "shop", type: "CNAME", line: "oversea", value: cdn }) },
        tencentcloud_dnspod_record: { Weighted: block(g, "Domain/Weighted", { domain: "example.com", sub_domain: "shop", record_type: "CNAME", record_line: "境外", weight: 50, value: cdn }) },
      },
    },
  };
}

const id = (stack: string, address: string) => `${stack}/${address}`;
const edge = (d: Deployment, from: string, to: string) => d.connections.find((c) => c.from === from && c.to === to);

describe("references in a synthesized block", () => {
  test("finds resources, data sources and remote-state outputs with the argument they are under", () => {
    const found = referencesIn({
      origin: [{ domain_name: "${aws_lb.Lb.dns_name}" }],
      host: "${data.aws_eks_cluster.C.endpoint}",
      db: "${data.terraform_remote_state.cross-stack-reference-input-shop.outputs.cross-stack-output-aws_db_instanceDbaddress}",
      policy: '${jsonencode({"Resource" = [aws_s3_bucket.B.arn, "${aws_s3_bucket.B.arn}/*"]})}',
    });
    expect(found).toEqual([
      { address: "aws_lb.Lb", argument: ["origin", "domain_name"] },
      { address: "data.aws_eks_cluster.C", argument: ["host"] },
      { address: "data.terraform_remote_state.cross-stack-reference-input-shop", output: "cross-stack-output-aws_db_instanceDbaddress", argument: ["db"] },
      { address: "aws_s3_bucket.B", argument: ["policy"] },
      { address: "aws_s3_bucket.B", argument: ["policy"] },
    ]);
  });

  test("ignores metadata, depends_on, lifecycle and literal strings", () => {
    expect(referencesIn({ "//": { metadata: { path: "a/b" } }, depends_on: ["aws_vpc.Net"], lifecycle: { ignore_changes: ["${aws_vpc.Net.id}"] }, name: "aws_vpc.Net.id" })).toEqual([]);
  });

  test("never starts a reference inside another word or attribute", () => {
    // `xaws_lb.Lb` is read whole (and matches no block of a real stack).
    expect(referencesIn({ a: "${xaws_lb.Lb.arn}", b: "${foo-aws_lb.Lb.arn}", c: "${aws_lb.Lb.aws_lb.Other}" }).map((r) => r.address)).toEqual(["xaws_lb.Lb", "aws_lb.Lb"]);
  });

  test("finds any reference wherever it sits in an expression (property)", () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,20}$/);
    const around = fc.stringMatching(/^[ (,[{"=+*]{0,3}$/);
    const key = fc.stringMatching(/^[a-z_]{1,8}$/).filter((k) => !["depends_on", "lifecycle", "provider", "count", "for_each", "provisioner", "connection"].includes(k));
    fc.assert(
      fc.property(word, name, word, around, around, fc.array(key, { minLength: 1, maxLength: 3 }), (type, resource, attribute, before, after, argument) => {
        const expression = `\${${before}${type}.${resource}.${attribute}${after}}`;
        const args = argument.reduceRight<unknown>((inner, k) => ({ [k]: inner }), expression);
        expect(referencesIn(args)[0]).toEqual({ address: `${type}.${resource}`, argument });
      }),
    );
  });
});

describe("the table of what a picture draws", () => {
  test.each([
    ["aws_route53_record", Role.DNS_RECORD],
    ["alicloud_alidns_record", Role.DNS_RECORD],
    ["tencentcloud_dnspod_record", Role.DNS_RECORD],
    ["aws_cloudfront_distribution", Role.CDN],
    ["alicloud_cdn_domain_new", Role.CDN],
    ["tencentcloud_cdn_domain", Role.CDN],
    ["aws_lb", Role.LOAD_BALANCER],
    ["alicloud_slb_load_balancer", Role.LOAD_BALANCER],
    ["tencentcloud_clb_instance", Role.LOAD_BALANCER],
    ["aws_autoscaling_group", Role.VMS],
    ["alicloud_ess_scaling_group", Role.VMS],
    ["tencentcloud_as_scaling_group", Role.VMS],
    ["aws_eks_cluster", Role.CLUSTER],
    ["alicloud_cs_managed_kubernetes", Role.CLUSTER],
    ["tencentcloud_kubernetes_cluster", Role.CLUSTER],
    ["kubernetes_deployment_v1", Role.PODS],
    ["aws_db_instance", Role.DATABASE],
    ["alicloud_db_instance", Role.DATABASE],
    ["tencentcloud_mysql_instance", Role.DATABASE],
    ["aws_elasticache_replication_group", Role.CACHE],
    ["alicloud_kvstore_instance", Role.CACHE],
    ["tencentcloud_redis_instance", Role.CACHE],
    ["aws_s3_bucket", Role.BUCKET],
    ["alicloud_oss_bucket", Role.BUCKET],
    ["tencentcloud_cos_bucket", Role.BUCKET],
    ["aws_vpc", Role.NETWORK],
    ["alicloud_vpc", Role.NETWORK],
    ["tencentcloud_vpc", Role.NETWORK],
  ])("%s is drawn as %s", (type, role) => {
    expect(roleOf(type)).toBe(role);
  });

  test("supporting types are not drawn on their own", () => {
    for (const type of ["aws_lb_listener", "aws_subnet", "aws_route53_zone", "kubernetes_config_map_v1", "helm_release", "kubernetes_manifest", "toString", "__proto__"]) expect(roleOf(type)).toBeUndefined();
  });

  test("every drawn type belongs to a cloud's provider, or to Kubernetes for pods", () => {
    for (const [type, kind] of Object.entries(RESOURCE_KINDS)) {
      const provider = type.split("_")[0];
      expect(kind.role === Role.PODS ? provider : Object.keys(CLOUDS)).toEqual(kind.role === Role.PODS ? "kubernetes" : expect.arrayContaining([provider]));
      expect(ROLES[kind.role]).toBeDefined();
    }
  });

  test("tiers run from DNS to the data stores, and only the network has none", () => {
    const tier = (role: Role) => ROLES[role].tier;
    expect([Role.DNS_RECORD, Role.CDN, Role.LOAD_BALANCER, Role.CLUSTER, Role.VMS, Role.DATABASE].map(tier)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(tier(Role.PODS)).toBe(tier(Role.VMS));
    expect([Role.CACHE, Role.BUCKET].map(tier)).toEqual([5, 5]);
    expect(Object.values(Role).filter((r) => tier(r) === undefined)).toEqual([Role.NETWORK]);
  });

  test("a fact is printed only from a literal argument, never from an expression (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(literal({ name: `${before}\${aws_lb.Lb.arn}${after}` }, "name")).toBeUndefined();
      }),
    );
    expect(literal({ policy: [{ country: "CN" }] }, "policy", "country")).toBe("CN");
    expect(literal({ policy: { weight: 10 } }, "policy", "weight")).toBe("10");
    expect(literal({ aliases: ["shop.example.com"] }, "aliases")).toBe("shop.example.com");
    expect(literal({ aliases: ["a", "b"] }, "aliases")).toBeUndefined();
  });
});

describe("the cloud a stack belongs to", () => {
  test("a stack with no cloud resource (a kubernetes-only workloads stack) belongs to the cloud it reads outputs from", () => {
    // GIVEN the workloads stack without its cloud's provider and data sources (as on Tencent Cloud)
    const [infrastructure, workloads] = shop();
    const { aws: _aws, ...kubernetesOnly } = workloads.json.provider as Record<string, unknown>;
    const bare: StackInput = { name: workloads.name, json: { ...workloads.json, provider: kubernetesOnly as StackInput["json"]["provider"], data: { terraform_remote_state: remoteState(infrastructure.name) } } };
    // WHEN the deployment is modelled THEN it is drawn in the infrastructure stack's cloud and region
    const info = buildDeployment([infrastructure, bare]).stacks.find((stack) => stack.name === workloads.name);
    expect(info).toEqual(expect.objectContaining({ cloud: "aws", region: "eu-central-1" }));
  });

  test("a stack that reads no other stack and has no cloud resource belongs to none", () => {
    const lone: StackInput = { name: "lone", json: { resource: { kubernetes_namespace_v1: { Ns: block("lone", "Ns") } } } };
    expect(buildDeployment([lone]).stacks[0].cloud).toBeUndefined();
  });
});

describe("the deployment model", () => {
  const deployment = buildDeployment([...shop(), globalDns()]);
  const s = "shop-aws";
  const w = "shop-aws-workloads";
  const g = "shop-global-dns";

  test("draws each resource of a drawn type, named by its construct path", () => {
    expect(deployment.resources.map((r) => [r.id, r.role, r.name])).toEqual(
      expect.arrayContaining([
        [id(s, "aws_cloudfront_distribution.Cdn"), Role.CDN, "Shop/Cdn"],
        [id(s, "aws_lb.Lb"), Role.LOAD_BALANCER, "Shop/LoadBalancer"],
        [id(s, "aws_db_instance.Db"), Role.DATABASE, "Shop/Database"],
        [id(s, "aws_s3_bucket.Logs"), Role.BUCKET, "LogBucket"],
        [id(w, "kubernetes_deployment_v1.Pods"), Role.PODS, "Workloads/Deployment"],
        [id(g, "aws_route53_record.Default"), Role.DNS_RECORD, "Domain/Default"],
      ]),
    );
    expect(deployment.resources).toHaveLength(11);
  });

  test("a supporting resource counts as a part of the drawn resource its construct made", () => {
    const parts = Object.fromEntries(deployment.resources.map((r) => [r.name, r.parts]));
    expect(parts).toMatchObject({ "Shop/LoadBalancer": 2, "Shop/Web": 1, "Shop/Database": 1, "Shop/Network": 1, LogBucket: 1, "Workloads/Deployment": 1, "Domain/Default": 0 });
  });

  test("requests go DNS -> CDN -> load balancer -> VMs -> database, read from the references", () => {
    expect(edge(deployment, id(g, "aws_route53_record.Default"), id(s, "aws_cloudfront_distribution.Cdn"))?.kind).toBe(ConnectionKind.REQUEST);
    expect(edge(deployment, id(s, "aws_cloudfront_distribution.Cdn"), id(s, "aws_lb.Lb"))?.kind).toBe(ConnectionKind.REQUEST);
    // The VMs refer to the load balancer's target group, yet the arrow points at them.
    expect(edge(deployment, id(s, "aws_lb.Lb"), id(s, "aws_autoscaling_group.Web"))?.kind).toBe(ConnectionKind.REQUEST);
    expect(edge(deployment, id(s, "aws_autoscaling_group.Web"), id(s, "aws_db_instance.Db"))?.kind).toBe(ConnectionKind.REQUEST);
  });

  test("records of every authority point at the CDN whose domain they read from the other stack", () => {
    for (const record of ["aws_route53_record.Default", "alicloud_alidns_record.Abroad", "tencentcloud_dnspod_record.Weighted"]) {
      expect(edge(deployment, id(g, record), id(s, "aws_cloudfront_distribution.Cdn"))).toBeDefined();
    }
    const details = Object.fromEntries(deployment.resources.filter((r) => r.role === Role.DNS_RECORD).map((r) => [r.service, r.details]));
    expect(details).toEqual({
      "Route 53": ["shop.example.com CNAME", "geo *"],
      "Alibaba Cloud DNS": ["shop.example.com CNAME", "line oversea"],
      DNSPod: ["shop.example.com CNAME", "line 境外", "weight 50"],
    });
  });

  test("pods run on the cluster their stack's kubernetes provider reads, and read the database through remote state", () => {
    expect(edge(deployment, id(s, "aws_eks_cluster.K8s"), id(w, "kubernetes_deployment_v1.Pods"))?.kind).toBe(ConnectionKind.RUNS);
    expect(edge(deployment, id(w, "kubernetes_deployment_v1.Pods"), id(s, "aws_db_instance.Db"))?.kind).toBe(ConnectionKind.REQUEST);
  });

  test("references under a log argument are log deliveries", () => {
    expect(edge(deployment, id(s, "aws_cloudfront_distribution.Cdn"), id(s, "aws_s3_bucket.Logs"))?.kind).toBe(ConnectionKind.LOGS);
    expect(edge(deployment, id(s, "aws_lb.Lb"), id(s, "aws_s3_bucket.Logs"))?.kind).toBe(ConnectionKind.LOGS);
  });

  test("a resource named for logs delivers logs; two data stores send each other nothing else", () => {
    const t = "buckets";
    const d = buildDeployment([
      {
        name: t,
        json: {
          resource: {
            aws_s3_bucket: { Assets: block(t, "Assets/Resource"), Logs: block(t, "Logs/Resource") },
            aws_s3_bucket_logging: { L: block(t, "Assets/Logging", { bucket: "${aws_s3_bucket.Assets.id}", target_bucket: "${aws_s3_bucket.Logs.id}" }) },
            aws_s3_bucket_policy: { P: block(t, "Logs/Policy", { bucket: "${aws_s3_bucket.Logs.id}", policy: "${aws_s3_bucket.Assets.arn}" }) },
          },
        },
      },
    ]);
    expect(d.connections).toEqual([{ from: id(t, "aws_s3_bucket.Assets"), to: id(t, "aws_s3_bucket.Logs"), kind: ConnectionKind.LOGS }]);
  });

  test("what refers to the network is drawn in it, the pods in their cluster's; the CDN and buckets are not", () => {
    const network = Object.fromEntries(deployment.resources.map((r) => [r.name, r.network]));
    const vpc = id(s, "aws_vpc.Net");
    expect(network).toMatchObject({ "Shop/LoadBalancer": vpc, "Shop/Web": vpc, "Shop/Database": vpc, "Shop/Kubernetes": vpc, "Workloads/Deployment": vpc });
    expect([network["Shop/Cdn"], network.LogBucket, network["Domain/Default"]]).toEqual([undefined, undefined, undefined]);
    expect(deployment.connections.filter((c) => c.from === vpc || c.to === vpc)).toEqual([]);
  });

  test("a resource of no drawn resource's construct (a shared key) connects nothing", () => {
    expect(deployment.connections.some((c) => c.from.includes("aws_kms_key") || c.to.includes("aws_kms_key"))).toBe(false);
  });

  test("each stack's cloud and region come from its types and provider; a stack of DNS records only is global", () => {
    expect(deployment.stacks).toEqual([
      { name: s, cloud: "aws", region: "eu-central-1", global: false },
      { name: w, cloud: "aws", region: "eu-central-1", global: false },
      { name: g, cloud: "aws", region: "us-east-1", global: true },
    ]);
  });

  test("a part of two drawn resources made by the same construct belongs to neither", () => {
    const t = "twins";
    const twins = buildDeployment([
      {
        name: t,
        json: {
          resource: {
            aws_db_instance: { A: block(t, "Pair/A"), B: block(t, "Pair/B") },
            aws_s3_bucket: { Other: block(t, "Other/Resource") },
            aws_iam_role_policy: { Shared: block(t, "Pair/Policy", { policy: "${aws_s3_bucket.Other.arn}" }) },
          },
        },
      },
    ]);
    expect(twins.resources.map((r) => r.parts)).toEqual([0, 0, 0]);
    expect(twins.connections).toEqual([]);
  });

  test("a record points at a CDN it reads by a data source: a list data source of the CDN's type, or a published parameter that refers to the CDN", () => {
    const o = "origin";
    const d = "dns";
    const model = buildDeployment([
      {
        name: o,
        json: {
          resource: {
            // Two CDN domains of one construct: a part of that construct (the parameter) belongs to neither.
            tencentcloud_cdn_domain: { Cdn: block(o, "Shop/Cdn/Resource", { domain: "shop.example.com" }), Assets: block(o, "Shop/Cdn/AssetsDomain", { domain: "static.shop.example.com" }) },
            alicloud_oos_parameter: { P: block(o, "Shop/Cdn/HostNameParameter", { parameter_name: "front-doors/origin/Shop/Cdn/host-name", type: "String", value: "${tencentcloud_cdn_domain.Cdn.cname}" }) },
          },
        },
      },
      {
        name: d,
        json: {
          data: {
            tencentcloud_cdn_domains: { ByDomain: block(d, "Domain/HostNameOf/CdnDomain", { domain: "shop.example.com" }) },
            alicloud_oos_parameters: { ByName: block(d, "Domain/HostNameOf/HostName", { ids: ["front-doors/origin/Shop/Cdn/host-name"], parameter_name: "front-doors/origin/Shop/Cdn/host-name", enable_details: true }) },
          },
          resource: {
            aws_route53_record: {
              Direct: block(d, "Domain/Direct", { name: "shop.example.com", records: ["${data.tencentcloud_cdn_domains.ByDomain.domain_list[0].cname}"] }),
              Published: block(d, "Domain/Published", { name: "www.example.com", records: ["${data.alicloud_oos_parameters.ByName.parameters[0].value}"] }),
            },
          },
        },
      },
    ]);
    expect(edge(model, id(d, "aws_route53_record.Direct"), id(o, "tencentcloud_cdn_domain.Cdn"))?.kind).toBe(ConnectionKind.REQUEST);
    expect(edge(model, id(d, "aws_route53_record.Published"), id(o, "tencentcloud_cdn_domain.Cdn"))?.kind).toBe(ConnectionKind.REQUEST);
    expect(model.connections.some((c) => c.to === id(o, "tencentcloud_cdn_domain.Assets"))).toBe(false);
  });

  test("of two stacks with the same output, the remote state's backend picks the one read", () => {
    const output = "cross-stack-output-aws_cloudfront_distributionCdndomain_name";
    const [first] = shop("aws");
    const other: StackInput = {
      name: "copy",
      json: { ...first.json, resource: { aws_cloudfront_distribution: { Cdn: block("copy", "Shop/Cdn/Resource") } }, terraform: { backend: { local: { path: "terraform.copy.tfstate" } } }, output: { [output]: { value: "${aws_cloudfront_distribution.Cdn.domain_name}" } } },
    };
    const both = buildDeployment([first, other, globalDns()]);
    expect(both.connections.filter((c) => c.from === id(g, "aws_route53_record.Default")).map((c) => c.to)).toEqual([id(s, "aws_cloudfront_distribution.Cdn")]);
  });

  test("an arrow always points from the viewer's side to the data's, whichever block holds the reference; none joins two data stores (property)", () => {
    const drawnTypes = Object.entries(RESOURCE_KINDS).filter(([, k]) => k.role !== Role.NETWORK).map(([type]) => type);
    fc.assert(
      fc.property(fc.constantFrom(...drawnTypes), fc.constantFrom(...drawnTypes), fc.boolean(), (typeA, typeB, aRefersToB) => {
        const t = "t";
        const a = block(t, "A/Resource", aRefersToB ? { target: `\${${typeB}.B.id}` } : {});
        const b = block(t, "B/Resource", aRefersToB ? {} : { target: `\${${typeA}.A.id}` });
        const resource: Record<string, Record<string, Record<string, unknown>>> = typeA === typeB ? { [typeA]: { A: a, B: b } } : { [typeA]: { A: a }, [typeB]: { B: b } };
        const d = buildDeployment([{ name: t, json: { resource } }]);
        const dataStores = [typeA, typeB].filter((type) => ROLES[RESOURCE_KINDS[type].role].group === RoleGroup.DATA_STORE);
        if (dataStores.length === 2) return expect(d.connections).toEqual([]);
        expect(d.connections).toHaveLength(1);
        const [tierA, tierB] = [typeA, typeB].map((type) => ROLES[RESOURCE_KINDS[type].role].tier as number);
        const [from, to] = tierA < tierB || (tierA === tierB && aRefersToB) ? ["A", "B"] : ["B", "A"];
        expect(d.connections[0]).toMatchObject({ from: id(t, `${from === "A" ? typeA : typeB}.${from}`), to: id(t, `${to === "A" ? typeA : typeB}.${to}`) });
      }),
    );
  });

  test("the same stacks in any order make the same model (property)", () => {
    const stacks = [...shop("aws"), globalDns()];
    const sorted = (d: Deployment) => ({ ...d, stacks: [...d.stacks].sort((x, y) => x.name.localeCompare(y.name)) });
    const expected = sorted(buildDeployment(stacks));
    fc.assert(
      fc.property(fc.shuffledSubarray(stacks, { minLength: stacks.length, maxLength: stacks.length }), (shuffled) => {
        expect(sorted(buildDeployment(shuffled))).toEqual(expected);
      }),
      { numRuns: propertyRuns(20) },
    );
  });
});

describe("the pictures of a deployment", () => {
  const deployment = buildDeployment([...shop(), globalDns()]);

  test("one per cloud and one of the whole deployment", () => {
    expect(viewsOf(deployment).map((v) => v.name)).toEqual(["aws", "deployment"]);
  });

  test("a cloud's picture holds its stacks' resources and the DNS records that point at them", () => {
    const view = cloudView(deployment, "aws");
    expect(view.resources.map((r) => r.id)).toEqual(deployment.resources.map((r) => r.id));
    expect(view.stacks.map((s) => s.name)).toEqual(["shop-global-dns", "shop-aws", "shop-aws-workloads"]);
  });

  test("every drawn resource is a node of the DOT graph, and every connection an edge", () => {
    const dot = toDot(deploymentView(deployment));
    for (const r of deployment.resources.filter((x) => x.role !== Role.NETWORK)) expect(dot).toContain(`"${r.id}" [`);
    for (const c of deployment.connections) expect(dot).toContain(`"${c.from}" -> "${c.to}"`);
  });

  test("names are escaped for DOT and for labels", () => {
    const t = 'we"ird<&>';
    const d = buildDeployment([{ name: t, json: { resource: { aws_s3_bucket: { B: block(t, 'Odd"<b>&/Resource') } } } }]);
    const dot = toDot(deploymentView(d));
    expect(dot).toContain(`"we\\"ird<&>/aws_s3_bucket.B"`);
    expect(dot).toContain("Odd&quot;&lt;b&gt;&amp;");
    expect(dot).not.toContain("<b>&");
  });

  test("only groups the roles of the table declares", () => {
    expect(new Set(Object.values(ROLES).map((r) => r.group))).toEqual(new Set(Object.values(RoleGroup)));
  });
});
