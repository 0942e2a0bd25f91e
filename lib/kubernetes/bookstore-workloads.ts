import { Construct } from "constructs";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import type { ITerraformDependable } from "../core/cdktf";
import { DataStoreAddress, PodEntry, PodIdentity, PROJECTED_TOKEN_DIR } from "../core/cluster-access";
import { ResolvedWorkloadSettings } from "./workloads-props";

const APP = "bookstore";
/** The name of the service account whose pods get the cloud identity. */
export const WORKLOAD_SERVICE_ACCOUNT = APP;
/** The Service the load balancer's binding registers the pods of. */
export const WORKLOAD_SERVICE = {
  /** The Service's name. */
  name: APP,
  /** The Service's port. */
  port: 80,
} as const;
const SERVICE_PORT = WORKLOAD_SERVICE.port;
/** The image pull secret the cluster's operator keeps from the registry login in the secret store. */
export const REGISTRY_PULL_SECRET = `${APP}-registry`;

/** Props of `BookstoreWorkloads`. */
export interface BookstoreWorkloadsProps {
  /** The workloads' settings, with their defaults filled in. */
  readonly settings: ResolvedWorkloadSettings;
  /** The application environment (`applicationEnvironment`): where the database is and where its credentials are, never a secret. */
  readonly environment: Readonly<Record<string, string>>;
  /** How the pods join the load balancer; undefined when the load balancer sends them no requests. */
  readonly entry?: PodEntry;
  /** How the pods get their cloud identity; undefined when they need none. */
  readonly identity?: PodIdentity;
  /** Where the data stores live (database, cache), each with its port: egress the pods get besides DNS and the cloud's APIs. */
  readonly dataStores: readonly DataStoreAddress[];
  /**
   * An image pull secret made from the secret store by the cluster's operator: `create`
   * adds, in this stack, the objects that have the operator keep the Secret `name` in the
   * namespace (never its value), and the pods name it.
   * @default none: the image is public or the nodes pull it with their own permissions
   */
  readonly registryPullSecret?: {
    /** The pull secret's name. */
    readonly name: string;
    /** Adds the objects that have the operator keep the Secret in `namespace`; returns what the pods must wait for. */
    readonly create: (scope: Construct, namespace: string) => readonly ITerraformDependable[];
  };
}

/**
 * The bookstore on Kubernetes, written once for every cloud: a namespace of its own, a
 * Deployment of hardened pods (non-root UID >= 10000, read-only root filesystem, no
 * privilege escalation, no capabilities, RuntimeDefault seccomp, no API token, CPU and
 * memory requests and limits, probes), a Service registered into the load balancer
 * Terraform owns through the cloud's binding (no Ingress, no second load balancer), an
 * autoscaler, a disruption budget, a NetworkPolicy for the shop's pods over one that denies
 * every other pod of the namespace everything, and a ConfigMap with the application
 * environment. No secret is copied into the cluster: the pods read the database's
 * credentials at run time with their cloud identity.
 */
export class BookstoreWorkloads extends Construct {
  /** The namespace the workloads run in. */
  public readonly namespace: string;

  constructor(scope: Construct, id: string, props: BookstoreWorkloadsProps) {
    super(scope, id);
    const s = props.settings;
    const labels = { app: APP };
    const identity = props.identity;
    const entry = props.entry;
    const namespace = new NamespaceV1(this, "Namespace", {
      metadata: { name: s.namespace, labels: { ...identity?.namespaceLabels, ...entry?.namespaceLabels, ...labels, "pod-security.kubernetes.io/enforce": "restricted" } },
    });
    this.namespace = s.namespace;
    const metadata = (name: string) => ({ name, namespace: namespace.metadata.name, labels });

    // Pull secrets a registry helper of the cloud creates and binds to the service account,
    // and the one the secret-sync operator keeps from the registry login in the secret store.
    const pullSecrets = identity?.imagePullSecretNames ?? [];
    const registryPullSecret = props.registryPullSecret;
    // The pods wait for the operator's objects, so their first pull finds the secret.
    const pullSecretReady = registryPullSecret ? registryPullSecret.create(new Construct(this, "RegistryPullSecret"), namespace.metadata.name) : [];
    const podPullSecrets = [...pullSecrets, ...(registryPullSecret ? [registryPullSecret.name] : [])];
    const serviceAccount = new ServiceAccountV1(this, "ServiceAccount", {
      metadata: { ...metadata(WORKLOAD_SERVICE_ACCOUNT), annotations: { ...identity?.serviceAccountAnnotations } },
      automountServiceAccountToken: s.mountServiceAccountToken,
      // The helper owns the service account's pull secrets; an apply must not strip them.
      lifecycle: pullSecrets.length > 0 ? { ignoreChanges: ["image_pull_secret"] } : undefined,
    });
    const token = identity?.projectedToken;
    const config = new ConfigMapV1(this, "Config", {
      metadata: metadata(`${APP}-config`),
      data: { ...s.environment, ...props.environment, ...identity?.environment },
    });

    const probe = { httpGet: { path: s.healthCheckPath, port: String(s.containerPort) }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 };
    const deployment = new DeploymentV1(this, "Deployment", {
      metadata: metadata(APP),
      spec: {
        replicas: String(s.minReplicas),
        selector: { matchLabels: labels },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "1", maxUnavailable: "0" } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: serviceAccount.metadata.name,
            automountServiceAccountToken: s.mountServiceAccountToken,
            // A pod takes its service account's pull secrets only when it is created, and the
            // helper may bind them after the first pods: naming them, the kubelet finds them
            // on a later pull attempt.
            imagePullSecrets: podPullSecrets.length > 0 ? podPullSecrets.map((name) => ({ name })) : undefined,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: String(s.runAsUser),
              runAsGroup: String(s.runAsUser),
              fsGroup: String(s.runAsUser),
              seccompProfile: { type: "RuntimeDefault" },
            },
            topologySpreadConstraint: [
              { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: [{ matchLabels: labels }] },
            ],
            container: [
              {
                name: APP,
                image: s.image,
                imagePullPolicy: "Always",
                port: [{ containerPort: s.containerPort, name: "http" }],
                envFrom: [{ configMapRef: { name: config.metadata.name } }],
                resources: {
                  requests: { cpu: `${s.cpuRequestMillicores}m`, memory: `${s.memoryRequestMiB}Mi` },
                  limits: { cpu: `${s.cpuLimitMillicores}m`, memory: `${s.memoryLimitMiB}Mi` },
                },
                livenessProbe: { ...probe, initialDelaySeconds: 15 },
                readinessProbe: { ...probe, initialDelaySeconds: 5 },
                securityContext: {
                  runAsNonRoot: true,
                  runAsUser: String(s.runAsUser),
                  runAsGroup: String(s.runAsUser),
                  readOnlyRootFilesystem: !s.writableRootFilesystem,
                  allowPrivilegeEscalation: false,
                  privileged: false,
                  capabilities: { drop: ["ALL"] },
                  seccompProfile: { type: "RuntimeDefault" },
                },
                volumeMount: [
                  { name: "tmp", mountPath: "/tmp" },
                  ...(token ? [{ name: "cloud-token", mountPath: PROJECTED_TOKEN_DIR, readOnly: true }] : []),
                ],
              },
            ],
            volume: [
              { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
              // A token only the cloud's STS accepts (its audience), not an API token.
              ...(token
                ? [{ name: "cloud-token", projected: [{ defaultMode: "0440", sources: [{ serviceAccountToken: { audience: token.audience, expirationSeconds: token.expirationSeconds, path: token.path } }] }] }]
                : []),
            ],
          },
        },
      },
      // The autoscaler owns the replica count once the Deployment exists.
      lifecycle: { ignoreChanges: ["spec[0].replicas"] },
      dependsOn: pullSecretReady.length > 0 ? [...pullSecretReady] : undefined,
    });

    const reference = entry?.certificateReference;
    // Only a certificate's identifier, which the cloud's controller puts on its listener.
    const certificateSecret = reference
      ? new SecretV1(this, "CertificateReference", { metadata: metadata(reference.secretName), data: { ...reference.data } })
      : undefined;
    const service = new ServiceV1(this, "Service", {
      metadata: { ...metadata(APP), annotations: { ...entry?.serviceAnnotations } },
      spec: {
        type: entry?.serviceType ?? "ClusterIP",
        selector: labels,
        port: [{ name: "http", port: entry?.servicePort ?? SERVICE_PORT, targetPort: String(s.containerPort), protocol: "TCP" }],
      },
      // The cloud controller fills the status of a Service bound to an existing load balancer.
      waitForLoadBalancer: false,
      dependsOn: certificateSecret ? [certificateSecret] : undefined,
    });
    if (entry?.binding) {
      // Registers the Service's pods into the load balancer Terraform owns, by IP.
      new Manifest(this, "LoadBalancerBinding", {
        manifest: {
          apiVersion: entry.binding.apiVersion,
          kind: entry.binding.kind,
          metadata: { name: entry.binding.name ?? APP, namespace: s.namespace, labels },
          spec: entry.binding.spec,
        },
        dependsOn: [service],
      });
    }

    new HorizontalPodAutoscalerV2(this, "Autoscaler", {
      metadata: metadata(APP),
      spec: {
        minReplicas: s.minReplicas,
        maxReplicas: s.maxReplicas,
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name },
        metric: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: s.targetCpuPercent } } }],
      },
    });

    new PodDisruptionBudgetV1(this, "DisruptionBudget", {
      metadata: metadata(APP),
      spec: { minAvailable: String(s.minAvailable), selector: { matchLabels: labels } },
    });

    // Any other pod in the namespace (a debugging pod, a job someone adds) gets no traffic in
    // or out, the data stores included: policies add up, so the shop's pods keep what the
    // policy below allows. Pods of other namespaces are the cluster's to fence
    // (docs/security.md, "Who reaches the database and the cache").
    // ref: https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-and-all-egress-traffic
    new NetworkPolicyV1(this, "DefaultDeny", {
      metadata: { name: "default-deny", namespace: namespace.metadata.name, labels },
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    });

    new NetworkPolicyV1(this, "NetworkPolicy", {
      metadata: metadata(APP),
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ["Ingress", "Egress"],
        // In: only from where the load balancer connects, only the application port; nothing
        // when the load balancer sends the pods no requests.
        ingress: entry
          ? [{ from: entry.sourceCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ port: String(s.containerPort), protocol: "TCP" }] }]
          : [],
        // Out: the data stores, the cloud's credential and secret endpoints, and DNS inside the cluster.
        egress: [
          ...props.dataStores.map((store) => ({ to: store.cidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ port: String(store.port), protocol: "TCP" }] })),
          ...(identity?.egress ?? []).map((rule) => ({
            to: rule.cidrs.map((cidr) => ({ ipBlock: { cidr } })),
            ports: rule.tcpPorts.map((port) => ({ port: String(port), protocol: "TCP" })),
          })),
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [
              { port: "53", protocol: "UDP" },
              { port: "53", protocol: "TCP" },
            ],
          },
        ],
      },
    });
  }
}
