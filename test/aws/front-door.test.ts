import * as fs from "fs";
import * as path from "path";
import { AWS_CATALOG, Cloud, WebRuntime } from "../../lib";
import { AWS_ADD_ONS } from "../../lib/aws/add-ons";
import { EKS_ADD_ON_MOST_RECENT } from "../../lib/aws/catalog";
import { exampleProps } from "../../examples/bookstore-app";
import { synthBookstore } from "../support/bookstore";
import { dataSources, resourceAt, resources, TerraformJson } from "../support/synth";

// Issue #12 on AWS: one ALB whose listener sends requests to VMs, pods or both by weight;
// pods bound into it by a TargetGroupBinding; an EKS cluster its deployer can reach and
// administer; the add-ons the workloads need; Pod Identity roles scoped to one job each.

const aws = () => Cloud.aws({ region: "eu-central-1" });
const withRuntime = (runtime: WebRuntime) => ({ web: { ...exampleProps(aws()).web, runtime } });
const ADMIN = AWS_CATALOG.limits.clusterAdministrator.example;

/** The blocks of a type whose construct path ends with `suffix`, metadata removed. */
function byPath(json: TerraformJson, type: string, suffix: string): Record<string, any>[] {
  return Object.values(json.resource?.[type] ?? {})
    .filter((block: any) => String(block["//"]?.metadata?.path).endsWith(suffix))
    .map(({ "//": _metadata, ...rest }: any) => rest);
}

function only(json: TerraformJson, type: string, suffix: string): Record<string, any> {
  const found = byPath(json, type, suffix);
  if (found.length !== 1) throw new Error(`expected one ${type} at */${suffix}, found ${found.length}`);
  return found[0];
}

/** The inline policy of a Pod Identity role, as the Terraform expression that writes it. */
const rolePolicy = (json: TerraformJson, role: string): string => only(json, "aws_iam_role_policy", `Kubernetes/${role}Policy`).policy;
const trustPolicy = (json: TerraformJson, role: string): string => only(json, "aws_iam_role", `Kubernetes/${role}`).assume_role_policy;

describe("AWS: one front door", () => {
  let example: { json: TerraformJson; addOns?: TerraformJson; workloads?: TerraformJson };
  beforeAll(() => {
    // GIVEN the example bookstore on AWS (90% of requests on VMs, 10% on pods)
    example = synthBookstore(aws());
  });

  describe("load balancer", () => {
    test("splits HTTPS 90/10 between the VMs' instance target group and the pods' IP target group, without stickiness", () => {
      const https = only(example.json, "aws_lb_listener", "LoadBalancer/HttpsListener");
      expect(https.default_action).toEqual([
        {
          type: "forward",
          forward: {
            target_group: [
              { arn: expect.stringContaining("aws_lb_target_group.Bookstore_LoadBalancer_TargetGroup_"), weight: 90 },
              { arn: expect.stringContaining("aws_lb_target_group.Bookstore_LoadBalancer_PodTargetGroup_"), weight: 10 },
            ],
            stickiness: { enabled: false, duration: 1 },
          },
        },
      ]);
      expect(only(example.json, "aws_lb_target_group", "LoadBalancer/TargetGroup").target_type).toBe("instance");
      expect(only(example.json, "aws_lb_target_group", "LoadBalancer/PodTargetGroup")).toEqual(
        expect.objectContaining({ target_type: "ip", port: 8080, protocol: "HTTP", vpc_id: expect.stringContaining("aws_vpc.") }),
      );
    });

    test.each([
      ["VMs", WebRuntime.vms(), "TargetGroup", "PodTargetGroup"],
      ["pods", WebRuntime.kubernetes(), "PodTargetGroup", "TargetGroup"],
    ])("on %s alone, forwards everything to their target group and has no other", (_what, runtime, kept, absent) => {
      const { json } = synthBookstore(aws(), withRuntime(runtime));
      expect(only(json, "aws_lb_listener", "LoadBalancer/HttpsListener").default_action).toEqual([
        { type: "forward", target_group_arn: expect.stringContaining(`aws_lb_target_group.Bookstore_LoadBalancer_${kept}_`) },
      ]);
      expect(byPath(json, "aws_lb_target_group", `LoadBalancer/${absent}`)).toEqual([]);
      expect(resources(json, "aws_lb")).toHaveLength(1);
    });

    test("on pods alone, runs no VMs", () => {
      const { json } = synthBookstore(aws(), withRuntime(WebRuntime.kubernetes()));
      expect(resources(json, "aws_autoscaling_group")).toEqual([]);
      expect(byPath(json, "aws_launch_template", "Web/LaunchTemplate")).toEqual([]);
    });

    test("lets the ALB reach the pods on their port only, through the cluster security group", () => {
      expect(only(example.json, "aws_vpc_security_group_ingress_rule", "Kubernetes/IngressFromLoadBalancer")).toEqual(
        expect.objectContaining({
          security_group_id: expect.stringContaining("aws_eks_cluster.Bookstore_Kubernetes_"),
          referenced_security_group_id: expect.stringContaining("aws_security_group.Bookstore_LoadBalancer_SecurityGroup_"),
          ip_protocol: "tcp",
          from_port: 8080,
          to_port: 8080,
        }),
      );
    });

    test("on VMs alone, opens the cluster to no load balancer", () => {
      const { json } = synthBookstore(aws(), withRuntime(WebRuntime.vms()));
      expect(byPath(json, "aws_vpc_security_group_ingress_rule", "Kubernetes/IngressFromLoadBalancer")).toEqual([]);
      expect(rolePolicy(json, "LoadBalancerControllerRole")).not.toMatch(/RegisterTargets/);
    });
  });

  describe("the pods' binding", () => {
    const binding = () => only(example.workloads!, "kubernetes_manifest", "Workloads/LoadBalancerBinding").manifest;

    test("is a TargetGroupBinding of the ClusterIP Service into the pod target group, by IP, in the ALB's VPC", () => {
      expect(binding()).toEqual(
        expect.objectContaining({
          apiVersion: "elbv2.k8s.aws/v1beta1",
          kind: "TargetGroupBinding",
          spec: {
            serviceRef: { name: "bookstore", port: 80 },
            targetGroupARN: expect.stringMatching(/terraform_remote_state.*PodTargetGroup.*arn/),
            targetType: "ip",
            vpcID: expect.stringMatching(/terraform_remote_state.*aws_vpc/),
          },
        }),
      );
      expect(resources(example.workloads!, "kubernetes_service_v1")).toEqual([expect.objectContaining({ spec: expect.objectContaining({ type: "ClusterIP" }) })]);
    });

    test("on VMs with the cluster on, the pods run unbound and the controller installed: the runbook's first step of a move (#23)", () => {
      // The pods' share is the listener's weight (infrastructure stack), their registration the
      // binding (workloads stack, applied after): staged first, the pods are running before a weight exists.
      const staged = synthBookstore(aws(), withRuntime(WebRuntime.vms()));
      expect(byPath(staged.json, "aws_lb_target_group", "LoadBalancer/PodTargetGroup")).toEqual([]);
      expect(byPath(staged.workloads!, "kubernetes_manifest", "Workloads/LoadBalancerBinding")).toEqual([]);
      expect(resources(staged.workloads!, "kubernetes_deployment_v1")).toHaveLength(1);
      expect(resources(staged.addOns!, "helm_release").map((r: any) => r.chart)).toContain("aws-load-balancer-controller");
    });

    test("is named after its target group, whose ARN it may never change", () => {
      expect(binding().metadata.name).toMatch(/^bookstore-\$\{element\(split\("\/", data\.terraform_remote_state\..*PodTargetGroup.*arn\), 2\)\}$/);
    });

    test("holds rolling updates until new pods are healthy in the target group (readiness gate)", () => {
      expect(resources(example.workloads!, "kubernetes_namespace_v1")[0]).toEqual(
        expect.objectContaining({ metadata: expect.objectContaining({ labels: expect.objectContaining({ "elbv2.k8s.aws/pod-readiness-gate-inject": "enabled" }) }) }),
      );
    });

    test("admits the pods' port only from the private subnets, where the internal ALB's nodes are", () => {
      const policy = resourceAt(example.workloads!, "kubernetes_network_policy_v1", "NetworkPolicy") as any;
      expect(policy.spec.ingress).toEqual([
        { from: [{ ip_block: { cidr: "10.20.0.0/18" } }, { ip_block: { cidr: "10.20.64.0/18" } }], ports: [{ port: "8080", protocol: "TCP" }] },
      ]);
    });

    test("creates no load balancer: no Ingress, no LoadBalancer Service, no aws_lb outside the infrastructure stack", () => {
      for (const stack of [example.addOns!, example.workloads!]) {
        expect(resources(stack, "kubernetes_ingress_v1")).toEqual([]);
        expect(resources(stack, "aws_lb")).toEqual([]);
        expect(resources(stack, "kubernetes_service_v1").filter((s: any) => s.spec?.type === "LoadBalancer")).toEqual([]);
      }
    });
  });

  describe("cluster access", () => {
    test("makes each administrator a cluster admin through an access entry", () => {
      expect(resources(example.json, "aws_eks_access_entry")).toEqual([expect.objectContaining({ principal_arn: ADMIN, type: "STANDARD" })]);
      expect(resources(example.json, "aws_eks_access_policy_association")).toEqual([
        expect.objectContaining({
          policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
          access_scope: { type: "cluster" },
          principal_arn: expect.stringContaining("aws_eks_access_entry."),
        }),
      ]);
    });

    test("gives the cluster's creator no access of its own, and never replaces a cluster created when it got some (#23)", () => {
      // The deployer (the example's ci-deployer) is an administrator like any other: its entry
      // is Terraform's, so EKS's own entry for the creator would clash with it (409).
      const cluster = only(example.json, "aws_eks_cluster", "Kubernetes/Resource");
      expect(cluster.access_config).toEqual({ authentication_mode: "API", bootstrap_cluster_creator_admin_permissions: false });
      // The provider replaces the cluster when this flag changes; ignored, an existing cluster keeps its creator's entry.
      expect(cluster.lifecycle).toEqual({ ignore_changes: ["access_config[0].bootstrap_cluster_creator_admin_permissions"] });
    });

    test("the add-ons and workloads stacks reach the API as an administrator: the principal whose credentials they run with, listed", () => {
      // Their token is `aws eks get-token`'s, signed with the same AWS credentials as the stack's
      // AWS provider (the deployer's), and the example lists that deployer: the one access entry is for it.
      expect(exampleProps(aws()).kubernetes!.administrators).toEqual([ADMIN]);
      expect(resources(example.json, "aws_eks_access_entry").map((e: any) => e.principal_arn)).toEqual([ADMIN]);
      for (const stack of [example.addOns!, example.workloads!]) expect(stack.provider!.aws).toBeDefined();
    });

    test("names each administrator's entry after the principal, so reordering replaces nothing", () => {
      const other = "arn:aws:iam::123456789012:user/alice";
      const addresses = (administrators: string[]) => {
        const { json } = synthBookstore(aws(), { kubernetes: { ...exampleProps(aws()).kubernetes, administrators } });
        return Object.keys(json.resource!.aws_eks_access_entry).sort();
      };
      expect(addresses([ADMIN, other])).toEqual(addresses([other, ADMIN]));
    });

    test("opens HTTPS on the cluster security group to each named private network, nothing else", () => {
      const rules = byPath(example.json, "aws_vpc_security_group_ingress_rule", "Kubernetes/PrivateApiFrom-10-100-0-0-24");
      expect(rules).toEqual([
        expect.objectContaining({
          security_group_id: expect.stringMatching(/aws_eks_cluster\..*vpc_config\[0\]\.cluster_security_group_id/),
          cidr_ipv4: "10.100.0.0/24",
          ip_protocol: "tcp",
          from_port: 443,
          to_port: 443,
        }),
      ]);
    });

    test("goes on paid extended support only when asked", () => {
      const { json } = synthBookstore(aws(), { kubernetes: { ...exampleProps(aws()).kubernetes, extendedSupport: true } });
      expect(resources(json, "aws_eks_cluster")[0]).toEqual(expect.objectContaining({ upgrade_policy: { support_type: "EXTENDED" } }));
    });

    test("connects the add-ons and workloads stacks with a token the AWS CLI makes each time they connect, never one read into the state", () => {
      // GIVEN the example's add-ons and workloads stacks
      const exec = {
        api_version: "client.authentication.k8s.io/v1beta1",
        command: "aws",
        args: ["eks", "get-token", "--cluster-name", "bookstore-k8s", "--region", "eu-central-1", "--output", "json"],
      };
      for (const stack of [example.addOns!, example.workloads!]) {
        // THEN the endpoint and CA come from the cluster's data source, the token from `aws eks get-token`
        const kubernetes = (stack.provider!.kubernetes as any[])[0];
        expect(kubernetes.host).toMatch(/^\$\{data\.aws_eks_cluster\.[^.]+\.endpoint\}$/);
        expect(kubernetes.cluster_ca_certificate).toMatch(/data\.aws_eks_cluster\..*certificate_authority/);
        expect(kubernetes.exec).toEqual([exec]);
        expect(kubernetes.token).toBeUndefined();
        expect(dataSources(stack, "aws_eks_cluster_auth")).toEqual([]);
      }
      const helm = (example.addOns!.provider!.helm as any[])[0].kubernetes;
      expect(helm.exec).toEqual(exec);
      expect(helm.token).toBeUndefined();
    });
  });

  describe("add-ons", () => {
    test("every add-on of the catalog has exactly one implementation, and no implementation lacks a catalog entry", () => {
      expect(AWS_ADD_ONS.map((a) => a.name).sort()).toEqual(Object.keys(AWS_CATALOG.kubernetesAddOns).sort());
    });

    test("installs the Pod Identity agent and metrics-server as EKS add-ons at the newest build EKS lists for the cluster's Kubernetes version, read at plan", () => {
      // GIVEN the catalog's default for both: most-recent
      for (const name of ["eks-pod-identity-agent", "metrics-server"]) expect(AWS_CATALOG.kubernetesAddOns[name].versions[0]).toBe(EKS_ADD_ON_MOST_RECENT);
      const addOns = resources(example.json, "aws_eks_addon") as any[];
      const versions = dataSources(example.json, "aws_eks_addon_version");
      for (const name of ["eks-pod-identity-agent", "metrics-server"]) {
        // THEN each asks EKS for the newest build of the cluster's version as written, known before the cluster exists
        expect(versions.filter((v) => v.addon_name === name)).toEqual([{ addon_name: name, kubernetes_version: AWS_CATALOG.defaultKubernetesVersion, most_recent: true }]);
        expect(addOns.filter((a) => a.addon_name === name)).toEqual([
          expect.objectContaining({ addon_version: expect.stringMatching(/^\$\{data\.aws_eks_addon_version\.[^.]+\.version\}$/), resolve_conflicts_on_create: "OVERWRITE" }),
        ]);
      }
      // metrics-server's pods need a node to run on before EKS reports it active.
      expect(addOns.find((a) => a.addon_name === "metrics-server").depends_on).toEqual([expect.stringContaining("aws_eks_node_group.")]);
    });

    test("reads the EKS add-on builds for the Kubernetes version the cluster is given, so an upgrade gets builds EKS runs on the new one", () => {
      const { json } = synthBookstore(aws(), { kubernetes: { ...exampleProps(aws()).kubernetes, version: "1.35" } });
      // The Pod Identity agent, metrics-server and the VPC CNI.
      expect(dataSources(json, "aws_eks_addon_version").map((v) => v.kubernetes_version)).toEqual(["1.35", "1.35", "1.35"]);
    });

    test("the runbook checks a pinned EKS add-on build against the catalog's default Kubernetes version", () => {
      const readme = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "aws.md"), "utf8").replace(/\s+/g, " ");
      expect(readme).toContain(`aws eks describe-addon-versions --kubernetes-version ${AWS_CATALOG.defaultKubernetesVersion} --addon-name`);
    });

    test("installs the load balancer controller and the cluster autoscaler with Helm, in the add-ons stack", () => {
      const releases = resources(example.addOns!, "helm_release") as any[];
      expect(releases.map((r) => [r.chart, r.repository, r.version, r.namespace]).sort()).toEqual([
        ["aws-load-balancer-controller", "https://aws.github.io/eks-charts", AWS_CATALOG.kubernetesAddOns["aws-load-balancer-controller"].versions[0], "kube-system"],
        ["cluster-autoscaler", "https://kubernetes.github.io/autoscaler", AWS_CATALOG.kubernetesAddOns["cluster-autoscaler"].versions[0], "kube-system"],
      ]);
      expect(resources(example.json, "helm_release")).toEqual([]);
    });

    test("takes the versions chosen in kubernetes.addOnVersions", () => {
      const chosen = { "metrics-server": "v0.8.0-eksbuild.2", "cluster-autoscaler": "9.58.0" };
      const { json, addOns } = synthBookstore(aws(), { kubernetes: { ...exampleProps(aws()).kubernetes, addOnVersions: chosen } });
      expect((resources(json, "aws_eks_addon") as any[]).find((a) => a.addon_name === "metrics-server").addon_version).toBe("v0.8.0-eksbuild.2");
      // A pinned build is installed as named: EKS is asked only for the other one (and the VPC CNI's, never pinned).
      expect(dataSources(json, "aws_eks_addon_version").map((v) => v.addon_name)).toEqual(["eks-pod-identity-agent", "vpc-cni"]);
      expect((resources(addOns!, "helm_release") as any[]).find((r) => r.chart === "cluster-autoscaler").version).toBe("9.58.0");
    });

    test("gives the load balancer controller its cluster, region and VPC, and switches off everything that would make a load balancer", () => {
      const values: string = (resources(example.addOns!, "helm_release") as any[]).find((r) => r.chart === "aws-load-balancer-controller").values[0];
      expect(values).toContain('"clusterName" = "bookstore-k8s"');
      expect(values).toContain('"region" = "eu-central-1"');
      expect(values).toMatch(/"vpcId" = data\.aws_eks_cluster\..*\.vpc_config\[0\]\.vpc_id/);
      expect(values).toContain('"serviceAccount" = {"create" = true, "name" = "aws-load-balancer-controller"}');
      for (const off of ["createIngressClassResource", "enableBackendSecurityGroup"]) expect(values).toContain(`"${off}" = false`);
      expect(values).toContain('"disableIngressClassAnnotation" = true');
      // Its webhook takes new LoadBalancer Services from EKS's built-in provider, and it may create no load balancer.
      expect(values).not.toContain("enableServiceMutatorWebhook");
    });

    test("runs the autoscaler image of the cluster's Kubernetes minor, for every version the catalog offers", () => {
      const values: string = (resources(example.addOns!, "helm_release") as any[]).find((r) => r.chart === "cluster-autoscaler").values[0];
      expect(values).toContain('"autoDiscovery" = {"clusterName" = "bookstore-k8s"}');
      expect(values).toMatch(/\[data\.aws_eks_cluster\..*\.version\]/);
      for (const version of AWS_CATALOG.kubernetesVersions) {
        expect(values).toContain(`"${version}" = "${AWS_CATALOG.aws.helmAddOns.clusterAutoscaler.imageTags[version]}"`);
        expect(AWS_CATALOG.aws.helmAddOns.clusterAutoscaler.imageTags[version]).toMatch(new RegExp(`^v${version.replace(".", "\\.")}\\.\\d+$`));
      }
    });
  });

  describe("Pod Identity roles", () => {
    test.each([
      ["LoadBalancerControllerRole", "kube-system", "aws-load-balancer-controller"],
      ["ClusterAutoscalerRole", "kube-system", "cluster-autoscaler"],
      ["WorkloadRole", "bookstore", "bookstore"],
    ])("%s is trusted by EKS Pod Identity for %s/%s of this cluster only, and associated with it", (role, namespace, serviceAccount) => {
      const trust = trustPolicy(example.json, role);
      expect(trust).toContain('"Service" = "pods.eks.amazonaws.com"');
      expect(trust).toContain('"Action" = ["sts:AssumeRole", "sts:TagSession"]');
      expect(trust).toContain('"aws:RequestTag/eks-cluster-name" = "bookstore-k8s"');
      expect(trust).toContain(`"aws:RequestTag/kubernetes-namespace" = "${namespace}"`);
      expect(trust).toContain(`"aws:RequestTag/kubernetes-service-account" = "${serviceAccount}"`);
      expect(only(example.json, "aws_eks_pod_identity_association", `Kubernetes/${role}Association`)).toEqual(
        expect.objectContaining({ namespace, service_account: serviceAccount, role_arn: expect.stringContaining(`aws_iam_role.Bookstore_Kubernetes_${role}_`) }),
      );
    });

    test("the load balancer controller may register targets into the pod target group alone, and create, change or delete nothing", () => {
      const policy = rolePolicy(example.json, "LoadBalancerControllerRole");
      expect(policy).toMatch(/"Action" = \["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"\], "Resource" = aws_lb_target_group\.Bookstore_LoadBalancer_PodTargetGroup_[0-9A-F]+\.arn/);
      const actions = policy.match(/"[a-z0-9-]+:[A-Za-z]+"/g)!.map((a) => a.slice(1, -1));
      expect(actions.filter((a) => !/:(Describe|RegisterTargets$|DeregisterTargets$)/.test(a))).toEqual([]);
    });

    test("the cluster autoscaler may resize or shrink only the Auto Scaling groups EKS tags for this cluster", () => {
      const policy = rolePolicy(example.json, "ClusterAutoscalerRole");
      expect(policy).toMatch(
        /"Action" = \["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"\], "Resource" = "\*", "Condition" = \{"StringEquals" = \{"aws:ResourceTag\/k8s\.io\/cluster-autoscaler\/enabled" = "true", "aws:ResourceTag\/k8s\.io\/cluster-autoscaler\/bookstore-k8s" = "owned"\}\}/,
      );
      expect(policy).toMatch(/"Action" = \["eks:DescribeNodegroup"\], "Resource" = aws_eks_node_group\./);
    });

    test("the bookstore's pods may read the database's and the cache's secrets, and the asset bucket's objects by key, and nothing else", () => {
      expect(rolePolicy(example.json, "WorkloadRole")).toMatch(
        new RegExp(
          "^" +
            [
              '\\$\\{jsonencode\\(\\{"Version" = "2012-10-17", "Statement" = \\[',
              '\\{"Sid" = "ReadTheDataStoresCredentialsOnly", "Effect" = "Allow", "Action" = \\["secretsmanager:GetSecretValue"\\], "Resource" = \\[aws_db_instance\\.Bookstore_Database_FFEC90C7\\.master_user_secret\\[0\\]\\.secret_arn, aws_secretsmanager_secret\\.Bookstore_Cache_CredentialsSecret_[0-9A-F]+\\.arn\\]\\}, ',
              '\\{"Sid" = "AssetObjectsOnly", "Effect" = "Allow", "Action" = \\["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"\\], "Resource" = "\\$\\{aws_s3_bucket\\.Bookstore_Assets_[0-9A-F]+\\.arn\\}/\\*"\\}, ',
              '\\{"Sid" = "AssetKey", "Effect" = "Allow", "Action" = \\["kms:GenerateDataKey", "kms:Decrypt"\\], "Resource" = aws_kms_key\\.Bookstore_Assets_Key_[0-9A-F]+\\.arn\\}',
              "\\]\\}\\)\\}$",
            ].join(""),
        ),
      );
    });

    test("without a cache, the bookstore's pods may read the database's secret alone", () => {
      const { json } = synthBookstore(aws(), { cache: { enabled: false } });
      expect(rolePolicy(json, "WorkloadRole")).toContain('"Resource" = [aws_db_instance.Bookstore_Database_FFEC90C7.master_user_secret[0].secret_arn]}');
    });

    test("the pods need no service-account annotation, and may reach only the Pod Identity agent and the private subnets' service endpoints besides the data stores and DNS", () => {
      const account = resources(example.workloads!, "kubernetes_service_account_v1")[0] as any;
      expect(account.metadata.annotations ?? {}).toEqual({});
      const egress = (resourceAt(example.workloads!, "kubernetes_network_policy_v1", "NetworkPolicy") as any).spec.egress;
      const privateSubnets = byPath(example.json, "aws_subnet", "").filter((subnet) => String(subnet.tags?.Name).includes("-private-")).map((subnet) => subnet.cidr_block);
      expect(privateSubnets).toHaveLength(2);
      expect(egress).toEqual(
        expect.arrayContaining([
          { to: [{ ip_block: { cidr: "169.254.170.23/32" } }], ports: [{ port: "80", protocol: "TCP" }] },
          { to: privateSubnets.map((cidr) => ({ ip_block: { cidr } })), ports: [{ port: "443", protocol: "TCP" }] },
        ]),
      );
      // The database, the cache, the agent, HTTPS to the endpoints and DNS; nothing to the internet.
      expect(egress).toHaveLength(5);
      expect(JSON.stringify(egress)).not.toContain("0.0.0.0/0");
    });
  });

  describe("the data stores' fence", () => {
    test("an Admin-tier ClusterNetworkPolicy denies every other namespace's pods the data stores' ports in their subnets", () => {
      const fence = resourceAt(example.workloads!, "kubernetes_manifest", "DataStoreFence") as any;
      const privateSubnets = byPath(example.json, "aws_subnet", "").filter((subnet) => String(subnet.tags?.Name).includes("-private-")).map((subnet) => subnet.cidr_block);
      const database = only(example.json, "aws_db_instance", "Database/Resource");
      expect(fence.manifest).toEqual({
        apiVersion: "networking.k8s.aws/v1alpha1",
        kind: "ClusterNetworkPolicy",
        metadata: { name: "bookstore-data-stores" },
        spec: {
          tier: "Admin",
          priority: 100,
          subject: { namespaces: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["bookstore"] }] } },
          egress: [
            {
              name: "only-bookstore-reaches-the-data-stores",
              action: "Deny",
              to: [{ networks: privateSubnets }],
              ports: [{ portNumber: { protocol: "TCP", port: database.port } }, { portNumber: { protocol: "TCP", port: 6379 } }],
            },
          ],
        },
      });
    });

    test("on the VPC CNI's newest build for the cluster's version, which enforces admin network policies (v1.21 and later)", () => {
      const cni = (resources(example.json, "aws_eks_addon") as any[]).find((addOn) => addOn.addon_name === "vpc-cni");
      expect(cni.addon_version).toMatch(/^\$\{data\.aws_eks_addon_version\.\S*VpcCniVersion\S*\.version\}$/);
      expect(JSON.parse(cni.configuration_values)).toEqual({ enableNetworkPolicy: "true" });
    });
  });

  describe("the pods' service endpoints", () => {
    test("Secrets Manager with private DNS and S3 without, as interface endpoints in the private subnets behind one security group", () => {
      const secrets = only(example.json, "aws_vpc_endpoint", "Kubernetes/SecretsManagerEndpoint");
      const s3 = only(example.json, "aws_vpc_endpoint", "Kubernetes/S3Endpoint");
      expect(secrets).toMatchObject({ service_name: "com.amazonaws.eu-central-1.secretsmanager", vpc_endpoint_type: "Interface", private_dns_enabled: true });
      expect(s3).toMatchObject({ service_name: "com.amazonaws.eu-central-1.s3", vpc_endpoint_type: "Interface", private_dns_enabled: false });
      for (const endpoint of [secrets, s3]) {
        expect(endpoint.subnet_ids).toEqual([expect.stringContaining("PrivateSubnet1"), expect.stringContaining("PrivateSubnet2")]);
        expect(endpoint.security_group_ids).toEqual([expect.stringContaining("ServiceEndpointsSecurityGroup")]);
      }
    });

    test("their security group admits HTTPS from the VPC only, and has no egress rule", () => {
      const vpc = only(example.json, "aws_vpc", "Network/Resource");
      const ingress = byPath(example.json, "aws_vpc_security_group_ingress_rule", "").filter((rule) => String(rule.security_group_id).includes("ServiceEndpointsSecurityGroup"));
      expect(ingress).toEqual([expect.objectContaining({ ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: vpc.cidr_block })]);
      const egress = byPath(example.json, "aws_vpc_security_group_egress_rule", "").filter((rule) => String(rule.security_group_id).includes("ServiceEndpointsSecurityGroup"));
      expect(egress).toEqual([]);
    });

    test("the pods are told the S3 endpoint's name for buckets as ASSET_BUCKET_ENDPOINT", () => {
      const contract = (resources(example.workloads!, "kubernetes_config_map_v1")[0] as any).data;
      // The regional name `*.vpce-<id>.s3.<region>.vpce.amazonaws.com` (the last of the endpoint's names
      // in sorted order), read from the infrastructure stack, with `bucket` for `*`.
      expect(contract.ASSET_BUCKET_ENDPOINT).toMatch(
        /^\$\{replace\(element\(reverse\(sort\(data\.terraform_remote_state\.\S+\.outputs\.\S+S3Endpoint\S+dns_entry\[\*\]\.dns_name\)\), 0\), "\*", "bucket"\)\}$/,
      );
    });

    test("without an asset bucket, Secrets Manager's endpoint alone and no ASSET_BUCKET_ENDPOINT", () => {
      const { json, workloads } = synthBookstore(aws(), { assets: { enabled: false } });
      expect(resources(json, "aws_vpc_endpoint").map((endpoint: any) => endpoint.service_name)).toEqual(["com.amazonaws.eu-central-1.secretsmanager"]);
      expect((resources(workloads!, "kubernetes_config_map_v1")[0] as any).data.ASSET_BUCKET_ENDPOINT).toBeUndefined();
    });

    test("a shop without a cluster gets no endpoint (its VMs go out through NAT)", () => {
      const { json } = synthBookstore(aws(), { ...withRuntime(WebRuntime.vms()), kubernetes: { enabled: false } });
      expect(resources(json, "aws_vpc_endpoint")).toEqual([]);
    });
  });

  describe("VMs and the registry", () => {
    const ecrImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/bookstore:1.4.2";

    test("boot only once the private subnets route to the internet, where Docker is installed from", () => {
      const { json } = synthBookstore(aws(), { web: { ...exampleProps(aws()).web, runtime: WebRuntime.vms() } });
      const group = resources(json, "aws_autoscaling_group")[0] as any;
      expect(group.depends_on).toEqual(expect.arrayContaining(["aws_route.Bookstore_Network_PrivateDefaultRoute1_A12A9590", "aws_route.Bookstore_Network_PrivateDefaultRoute2_AA22CA2C"]));
      // AND for the associations that put the private subnets on those routes
      expect(group.depends_on.filter((address: string) => address.startsWith("aws_route_table_association.Bookstore_Network_PrivateSubnet"))).toHaveLength(2);
    });

    test("pull an ECR image: the instance role may pull that repository only, and the boot script logs in first", () => {
      const { json } = synthBookstore(aws(), { web: { ...exampleProps(aws()).web, image: ecrImage } });
      const policy: string = only(json, "aws_iam_role_policy", "Web/PullImage").policy;
      expect(policy).toContain('"Action" = ["ecr:GetAuthorizationToken"], "Resource" = "*"');
      expect(policy).toContain('"Resource" = "arn:aws:ecr:eu-west-1:123456789012:repository/shop/bookstore"');
      const userData: string = only(json, "aws_launch_template", "Web/LaunchTemplate").user_data;
      const login = "aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com";
      expect(userData).toContain(login);
      expect(userData.indexOf(login)).toBeLessThan(userData.indexOf("docker run"));
      expect(resources(json, "aws_autoscaling_group")[0].depends_on).toEqual(expect.arrayContaining([expect.stringContaining("aws_iam_role_policy.Bookstore_Web_PullImage_")]));
    });

    test("pull an image from elsewhere with no registry permission and no login", () => {
      expect(byPath(example.json, "aws_iam_role_policy", "Web/PullImage")).toEqual([]);
      expect(only(example.json, "aws_launch_template", "Web/LaunchTemplate").user_data).not.toContain("docker login");
    });

    test("get the one application contract, the SDK's region included", () => {
      const userData: string = only(example.json, "aws_launch_template", "Web/LaunchTemplate").user_data;
      for (const line of ["CLOUD=aws", "CLOUD_REGION=eu-central-1", "AWS_REGION=eu-central-1", "AWS_DEFAULT_REGION=eu-central-1", "PORT=8080", "DB_USER=bookstoreadmin", "DB_CREDENTIALS_SECRET=${aws_db_instance."]) {
        expect(userData).toContain(line);
      }
    });
  });
});
