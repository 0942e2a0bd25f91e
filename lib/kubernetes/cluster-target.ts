import type { KubernetesExecCredential } from "../core/cluster-access";
import { Construct } from "constructs";
import { DataKubernetesServerVersion } from "@cdktf/provider-kubernetes/lib/data-kubernetes-server-version";
import { Fn } from "../core/cdktf";
import type { ClusterFacts, ClusterReference, IKubernetesAccess } from "../core/cluster-access";
import { isUnresolved, ValidationError, type ValidationScope } from "../core/validation";

/** A kubeconfig file and the context in it that the add-ons and workloads stacks deploy through. */
export interface KubeconfigTargetProps {
  /**
   * The kubeconfig file: an absolute path, or one in the deployer's home written `~/...`
   * (the kubernetes and helm providers expand `~`). Read by Terraform at plan and apply, on
   * the machine that deploys; the file's content never enters the configuration or the state.
   */
  readonly path: string;
  /**
   * The context of the kubeconfig to use. Required, so that a deploy never goes to whatever
   * context happens to be current on the deploying machine.
   */
  readonly context: string;
}

/**
 * The provider settings of the add-ons and workloads stacks: the kubernetes provider's, and
 * the helm provider's `kubernetes` block (the same names in both).
 */
export interface ClusterProviderSettings {
  /** The API server's URL. */
  readonly host?: string;
  /** PEM of the API server's CA. */
  readonly clusterCaCertificate?: string;
  /** A bearer token. */
  readonly token?: string;
  /** A client certificate (PEM). */
  readonly clientCertificate?: string;
  /** The client certificate's private key (PEM). */
  readonly clientKey?: string;
  /** The cloud's credential plugin, where its cluster gives no static credential (`KubernetesConnection.exec`). */
  readonly exec?: KubernetesExecCredential;
  /** A kubeconfig file's path. */
  readonly configPath?: string;
  /** The kubeconfig's context to use. */
  readonly configContext?: string;
}

/**
 * Which cluster the add-ons and workloads stacks deploy to.
 *
 * - `ClusterTarget.cloud()` (the default): the cluster the infrastructure stack created,
 *   reached through the cloud's data sources and the infrastructure stack's outputs (the
 *   docs/kubernetes.md, "The workloads stack", says per cloud how).
 * - `ClusterTarget.kubeconfig({ path, context })`: bring your own cluster. Both stacks'
 *   providers connect through the named kubeconfig context instead, and read nothing of the
 *   cloud's cluster: the add-ons learn the cluster's Kubernetes version from its API server
 *   (`kubernetes_server_version`) and take the bookstore's network as the cluster's. For a
 *   cluster that another team or tool made, a deploy that reaches the API server only
 *   through a tunnel or an exec plugin of its own, and the local rehearsal (`npm run rehearse`).
 *   The infrastructure stack is unchanged: it still creates the cloud's cluster, its node
 *   pools and the pods' cloud identities (turn the cluster off with `kubernetes.enabled: false`
 *   and there is no workloads stack at all). The workloads still register into the
 *   infrastructure stack's load balancer and read its data stores, so the cluster must be
 *   one whose pods that load balancer can reach, with the cloud's controllers installed
 *   (the add-ons stack installs those it owns).
 */
export class ClusterTarget {
  /** The cluster the infrastructure stack created, through the cloud's data sources. */
  public static cloud(): ClusterTarget {
    return new ClusterTarget(undefined);
  }

  /** An existing cluster, through a kubeconfig file's context. */
  public static kubeconfig(props: KubeconfigTargetProps): ClusterTarget {
    return new ClusterTarget(props ?? ({} as KubeconfigTargetProps));
  }

  private constructor(
    /** The kubeconfig and context; undefined for the cloud's own cluster. */
    public readonly kubeconfig: KubeconfigTargetProps | undefined,
  ) {}

  /**
   * Refuses a kubeconfig path that is empty or relative (Terraform would read it relative
   * to the stack's folder under cdktf.out, not where the user wrote it), and an empty
   * context or one with control characters.
   */
  public validate(scope: ValidationScope, field: string): void {
    if (this.kubeconfig === undefined) return;
    const { path, context } = this.kubeconfig;
    if (!isUnresolved(path) && (typeof path !== "string" || !/^(\/|~\/)/.test(path) || /[\u0000-\u001f]/.test(path))) {
      throw new ValidationError(scope, `${field}.path`, path, "an absolute path to a kubeconfig file, or one under the deployer's home written ~/...");
    }
    if (!isUnresolved(context) && (typeof context !== "string" || context.trim() === "" || /[\u0000-\u001f]/.test(context))) {
      throw new ValidationError(scope, `${field}.context`, context, "the name of a context in the kubeconfig (non-empty, no control characters)");
    }
  }

  /**
   * The providers' settings for a stack: the kubeconfig's, or the cloud's connection built
   * in `scope` from data sources and the infrastructure stack's outputs.
   */
  public connect(scope: Construct, access: IKubernetesAccess, cluster: ClusterReference): ClusterProviderSettings {
    if (this.kubeconfig === undefined) return access.connect(scope, cluster);
    return { configPath: this.kubeconfig.path, configContext: this.kubeconfig.context };
  }

  /**
   * What the add-ons would otherwise read from the cloud's cluster, for a cluster the cloud
   * did not make: its Kubernetes version (`1.34`) from its own API server, and the
   * bookstore's network as the one its pods are in. Undefined for the cloud's own cluster.
   */
  public clusterFacts(scope: Construct, network: { readonly networkId: string }): ClusterFacts | undefined {
    if (this.kubeconfig === undefined) return undefined;
    const server = new DataKubernetesServerVersion(scope, "ServerVersion", {});
    // A managed cluster may report its minor version with a suffix ("34+"): digits only.
    return { kubernetesVersion: Fn.format("%s.%s", [server.major, Fn.replace(server.minor, "/[^0-9]/", "")]), networkId: network.networkId };
  }
}
