import { Construct } from "constructs";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { DatabaseConnection } from "../core/database";
import { DatabaseCredentials, IngressEntry } from "../core/cluster-access";
import { ResolvedWorkloadSettings } from "./workloads-props";

const APP = "bookstore";
const SERVICE_PORT = 80;
/** Where the database credentials appear as files (CKV_K8S_35: secrets as files, not env). */
const CREDENTIALS_DIR = "/etc/bookstore/database";

export interface BookstoreWorkloadsProps {
  readonly settings: ResolvedWorkloadSettings;
  readonly domain: string;
  readonly database: DatabaseConnection;
  readonly credentials: DatabaseCredentials;
  readonly ingress: IngressEntry;
  /** Where the database lives: the only egress the pods get besides DNS. */
  readonly databaseCidrs: readonly string[];
}

/**
 * The bookstore on Kubernetes, written once for every cloud: a namespace of its own, a
 * Deployment of hardened pods (non-root UID >= 10000, read-only root filesystem, no
 * privilege escalation, no capabilities, RuntimeDefault seccomp, no API token, CPU and
 * memory requests and limits, probes), a Service and an Ingress, an autoscaler, a
 * disruption budget, a NetworkPolicy, a ConfigMap and a Secret with the database
 * connection. The cloud only supplies the Ingress class and the credentials' source.
 */
export class BookstoreWorkloads extends Construct {
  public readonly namespace: string;

  constructor(scope: Construct, id: string, props: BookstoreWorkloadsProps) {
    super(scope, id);
    const s = props.settings;
    const labels = { app: APP };
    const namespace = new NamespaceV1(this, "Namespace", {
      metadata: { name: s.namespace, labels: { ...labels, "pod-security.kubernetes.io/enforce": "restricted" } },
    });
    this.namespace = s.namespace;
    const metadata = (name: string) => ({ name, namespace: namespace.metadata.name, labels });

    const serviceAccount = new ServiceAccountV1(this, "ServiceAccount", { metadata: metadata(APP), automountServiceAccountToken: s.mountServiceAccountToken });
    const config = new ConfigMapV1(this, "Config", {
      metadata: metadata(`${APP}-config`),
      data: {
        ...s.environment,
        DB_HOST: props.database.host,
        DB_PORT: String(props.database.port),
        DB_NAME: props.database.databaseName,
        DB_CREDENTIALS_DIR: CREDENTIALS_DIR,
        PORT: String(s.containerPort),
      },
    });
    const secret = new SecretV1(this, "DatabaseCredentials", {
      metadata: metadata(`${APP}-database`),
      type: "Opaque",
      data: { username: props.credentials.username, password: props.credentials.password },
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
                  { name: "database-credentials", mountPath: CREDENTIALS_DIR, readOnly: true },
                  { name: "tmp", mountPath: "/tmp" },
                ],
              },
            ],
            volume: [
              { name: "database-credentials", secret: { secretName: secret.metadata.name, defaultMode: "0400" } },
              { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
            ],
          },
        },
      },
      // The autoscaler owns the replica count once the Deployment exists.
      lifecycle: { ignoreChanges: ["spec[0].replicas"] },
    });

    const service = new ServiceV1(this, "Service", {
      metadata: metadata(APP),
      spec: { type: "ClusterIP", selector: labels, port: [{ name: "http", port: SERVICE_PORT, targetPort: String(s.containerPort) }] },
    });

    const tlsSecret = props.ingress.tlsSecret
      ? new SecretV1(this, "IngressTls", { metadata: metadata(props.ingress.tlsSecret.name), type: "Opaque", data: { ...props.ingress.tlsSecret.data } })
      : undefined;
    new IngressV1(this, "Ingress", {
      metadata: { ...metadata(APP), annotations: { ...props.ingress.annotations } },
      spec: {
        ingressClassName: props.ingress.ingressClassName,
        tls: [{ hosts: [props.domain], secretName: tlsSecret?.metadata.name }],
        rule: [
          {
            host: props.domain,
            http: { path: [{ path: "/", pathType: "Prefix", backend: { service: { name: service.metadata.name, port: { number: SERVICE_PORT } } } }] },
          },
        ],
      },
    });

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

    new NetworkPolicyV1(this, "NetworkPolicy", {
      metadata: metadata(APP),
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ["Ingress", "Egress"],
        // In: only the load balancer's subnets, only the application port.
        ingress: [
          {
            from: props.ingress.sourceCidrs.map((cidr) => ({ ipBlock: { cidr } })),
            ports: [{ port: String(s.containerPort), protocol: "TCP" }],
          },
        ],
        // Out: the database, and DNS inside the cluster.
        egress: [
          {
            to: props.databaseCidrs.map((cidr) => ({ ipBlock: { cidr } })),
            ports: [{ port: String(props.database.port), protocol: "TCP" }],
          },
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
