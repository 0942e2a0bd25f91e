/**
 * What the workloads need from a cloud, as the cluster contract: how to reach the
 * cluster's API server, how the pods join the one load balancer, and how they get the
 * cloud identity that reads their secrets at run time.
 * Each cloud adapter implements it (ICloud.kubernetesAccess); the workloads code has no
 * cloud branches.
 */
import { Construct } from "constructs";
import type { ITerraformDependable } from "./cdktf";
import type { ChartSource } from "./chart-source";
import type { PodBackend } from "./load-balancer";
import type { RegistryCredentials } from "./registry-credentials";

/**
 * A command the kubernetes and helm providers run when they connect, at plan and at apply,
 * which prints an ExecCredential (`client.authentication.k8s.io`): what it prints is kept
 * in no configuration, output or state.
 * ref: https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins
 */
export interface KubernetesExecCredential {
  /** E.g. `client.authentication.k8s.io/v1`. */
  readonly apiVersion: string;
  /** The executable to run. */
  readonly command: string;
  /** Its arguments. */
  readonly args: readonly string[];
}

/** The kubernetes provider's connection settings. */
export interface KubernetesConnection {
  /** The API server's URL. */
  readonly host: string;
  /** PEM of the API server's CA. */
  readonly clusterCaCertificate: string;
  /** A bearer token, or... */
  readonly token?: string;
  /** ...a client certificate and key (PEM), or... */
  readonly clientCertificate?: string;
  /** ...with its private key (PEM), or... */
  readonly clientKey?: string;
  /** ...a command that prints either when the provider connects. */
  readonly exec?: KubernetesExecCredential;
}

/** The folder a projected token for the cloud's STS is mounted in; the token file is `PodIdentity.projectedToken.path` inside it. */
export const PROJECTED_TOKEN_DIR = "/var/run/secrets/bookstore/cloud-token";

/** The Kubernetes Service that the load balancer's binding registers the pods of. */
export type KubernetesServiceType = "ClusterIP" | "NodePort" | "LoadBalancer";

/**
 * How the pods join the one load balancer Terraform owns (`ILoadBalancer.podBackend`):
 * the cloud's native binding, never a new load balancer.
 */
export interface PodEntry {
  /** The Service's type. A `LoadBalancer` Service must name the existing load balancer in its annotations. */
  readonly serviceType: KubernetesServiceType;
  /** Annotations the cloud's controller reads on the Service. */
  readonly serviceAnnotations: Readonly<Record<string, string>>;
  /**
   * A custom resource that registers the Service's pods into the load balancer (AWS's
   * TargetGroupBinding), created next to the Service with its own metadata.
   * @default none: the Service's annotations are the binding
   */
  readonly binding?: {
    /** The custom resource's API version. */
    readonly apiVersion: string;
    /** The custom resource's kind. */
    readonly kind: string;
    /**
     * The object's name. A binding whose target cannot change in place (AWS: the target
     * group ARN is immutable) is named after its target, so that a new target replaces it.
     * @default the Service's name
     */
    readonly name?: string;
    /** The object's spec. */
    readonly spec: Readonly<Record<string, unknown>>;
  };
  /**
   * Labels on the namespace the cloud's controller reads (e.g. one that makes it hold a
   * rolling update until each new pod is healthy in the load balancer).
   * @default none
   */
  readonly namespaceLabels?: Readonly<Record<string, string>>;
  /** Address ranges the load balancer connects from: the only pod ingress the NetworkPolicy allows. */
  readonly sourceCidrs: readonly string[];
  /**
   * The Service's port, where the cloud's controller makes a listener of that port on the
   * existing load balancer (TKE: the HTTPS listener on 443).
   * @default the port the workloads asked for (`PodEntryProps.servicePort`)
   */
  readonly servicePort?: number;
  /**
   * A Secret the cloud's controller reads next to the Service: the identifier of a
   * certificate the cloud already holds (TKE's `qcloud_cert_id`), never a key, a password
   * or any other credential.
   * @default none
   */
  readonly certificateReference?: {
    /** The Secret's name. */
    readonly secretName: string;
    /** The Secret's entries: identifiers, never credentials. */
    readonly data: Readonly<Record<string, string>>;
  };
}

/** What the workloads know when they ask for their entry. */
export interface PodEntryProps {
  /** Where the load balancer expects the pods. */
  readonly backend: PodBackend;
  /** The Service the binding points at. */
  readonly serviceName: string;
  /** The Service's port, which forwards to `backend.targetPort` on the pods. */
  readonly servicePort: number;
}

/**
 * How the pods of one service account get the cloud identity that reads their secrets at
 * run time (EKS Pod Identity, ACK RRSA, TKE's OIDC-based roles).
 */
export interface PodIdentity {
  /** Annotations on the service account. */
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
  /** Labels on the namespace (e.g. one that switches a credentials webhook on). */
  readonly namespaceLabels: Readonly<Record<string, string>>;
  /** Variables the cloud's SDK reads its credentials from, added to the application environment. */
  readonly environment: Readonly<Record<string, string>>;
  /**
   * A service-account token for the cloud's STS, projected into the pods (the API token
   * itself stays unmounted).
   * @default none: the cloud's agent or webhook provides the credentials
   */
  readonly projectedToken?: {
    /** The audience the token carries. */
    readonly audience: string;
    /** The token file's path inside `PROJECTED_TOKEN_DIR`. */
    readonly path: string;
    /** How long the token lasts, in seconds. */
    readonly expirationSeconds: number;
  };
  /** Where the pods must connect to get credentials and read secrets: each rule a set of ranges and TCP ports. */
  readonly egress: readonly {
    /** Address ranges the pods may connect to. */
    readonly cidrs: readonly string[];
    /** TCP ports the pods may connect to on them. */
    readonly tcpPorts: readonly number[];
  }[];
  /**
   * Image pull secrets that the cloud's registry helper creates in the namespace and keeps
   * fresh, and binds to the service account itself. The pods name them too, so that pods
   * created before the helper bound them to the service account pull once they exist; and
   * Terraform leaves the service account's own list to the helper. Names only, never a
   * credential: the workloads stack creates no such secret.
   * @default none: the nodes pull with their own permissions, or the image is public
   */
  readonly imagePullSecretNames?: readonly string[];
}

/** A reference to the cluster from another stack. */
export interface ClusterReference {
  /** The cluster's name. */
  readonly name: string;
  /** The cloud's identifier of the cluster. */
  readonly clusterId: string;
}

/**
 * What the add-ons of a cluster that the cloud did not make (reached through a kubeconfig)
 * are told instead of reading it from the cloud's cluster.
 */
export interface ClusterFacts {
  /** The cluster's Kubernetes minor version, `1.34`, as its API server reports it. */
  readonly kubernetesVersion: string;
  /** The network the cluster's pods are in (`INetwork.networkId`): the bookstore's. */
  readonly networkId: string;
}

/** What the add-ons stack installs besides the catalog's add-ons, and how. */
export interface AddOnOptions {
  /**
   * A registry login the cluster turns into an image pull secret
   * (`IKubernetesAccess.registryPullSecret`): install the operator that does it.
   */
  readonly registryCredentials?: RegistryCredentials;
  /**
   * Where the Helm releases take their charts from.
   * @default each chart from the public repository its catalog names
   */
  readonly charts?: ChartSource;
  /**
   * The cluster's version and network, for a cluster the cloud did not make: given, the
   * add-ons read nothing of the cloud's cluster.
   * @default read from the cloud's cluster by the add-ons stack's data sources
   */
  readonly clusterFacts?: ClusterFacts;
}

/** What the workloads ask for when they need an image pull secret from the secret store. */
export interface RegistryPullSecretProps {
  /** The namespace of the pods, and of the pull secret. */
  readonly namespace: string;
  /** The pull secret's name, which the pods name in `imagePullSecrets`. */
  readonly name: string;
  /** The secret of the secret store that holds the Docker config. */
  readonly credentials: RegistryCredentials;
  /** The cluster the secret is kept in. */
  readonly cluster: ClusterReference;
}

/** The cluster contract one cloud implements for the workloads stack. */
export interface IKubernetesAccess {
  /**
   * Connection settings for the kubernetes (and helm) provider, built only from data
   * sources or the infrastructure stack's outputs: never from resources of the same stack,
   * which do not exist yet when Terraform configures providers. A credential (token,
   * client key) is read in `scope`'s stack, never taken from an output of another stack:
   * an output would put it in every state that reads it.
   */
  connect(scope: Construct, cluster: ClusterReference): KubernetesConnection;
  /** How the pods are registered into the load balancer's pod backend. */
  podEntry(props: PodEntryProps): PodEntry;
  /** How pods get the cluster's workload role (`IKubernetesCluster.workloadRoleId`). */
  podIdentity(props: { readonly roleId: string }): PodIdentity;
  /**
   * Installs the add-ons that need the cluster's API (Helm charts), into `scope`: a stack
   * of their own, deployed after the infrastructure and before the workloads, whose custom
   * resources need the add-ons' CRDs at plan time. Absent where the cloud installs every
   * add-on through its own API in the infrastructure stack.
   */
  installAddOns?(scope: Construct, cluster: ClusterReference, versions: Readonly<Record<string, string>>, options: AddOnOptions): void;
  /**
   * Whether `installAddOns` has anything to install with these options: the add-ons stack
   * is made only then.
   * @default true when `installAddOns` exists
   */
  needsAddOns?(options: AddOnOptions): boolean;
  /**
   * Creates, in the workloads stack, the objects that have an operator in the cluster
   * (installed by `installAddOns`, or by the cloud's API in the infrastructure stack) keep
   * an image pull secret named `props.name` in the namespace, made from the secret store's
   * Docker config and refreshed from it: custom resources that name the secret, never its
   * value, so neither the configuration nor the state holds the password. The operator reads
   * the secret with the identity the infrastructure stack granted for
   * `workloadIdentity.registryCredentials`.
   * Absent where the cloud's cluster has no such operator: registry credentials for pods
   * are then refused at synth.
   * @returns what the pods wait for: the object whose apply ends when the pull secret
   *   exists, where the cloud's operator reports it, so that no pod starts without it
   */
  registryPullSecret?(scope: Construct, props: RegistryPullSecretProps): readonly ITerraformDependable[];
  /**
   * Creates, in the workloads stack, a cluster-wide policy that no pod outside
   * `props.namespace` may open a connection to the data stores, enforced before any
   * namespace's NetworkPolicy; called only for a cluster the cloud built. Absent where the
   * cloud's policy engine has no cluster-wide policy: there the data stores admit every pod
   * of the cluster at the network level (docs/security.md, "Who reaches the database and
   * the cache").
   */
  fenceDataStores?(scope: Construct, props: DataStoreFenceProps): void;
}

/** Where a data store (the database, the cache) is reached from the cluster. */
export interface DataStoreAddress {
  /** The data store's address ranges. */
  readonly cidrs: readonly string[];
  /** The data store's port. */
  readonly port: number;
}

/** What `IKubernetesAccess.fenceDataStores` keeps every other namespace away from. */
export interface DataStoreFenceProps {
  /** The one namespace whose pods may connect to the data stores. */
  readonly namespace: string;
  /** The data stores' address ranges and ports. */
  readonly dataStores: readonly DataStoreAddress[];
}
