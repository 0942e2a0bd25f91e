/**
 * What the workloads need from a cloud, as the cluster contract: how to reach the
 * cluster's API server, how to read the database's credentials, and how traffic enters.
 * Each cloud adapter implements it (ICloud.kubernetesAccess); the workloads code has no
 * cloud branches.
 */
import { Construct } from "constructs";
import type { DatabaseConnection } from "./database";

/** The kubernetes provider's connection settings. */
export interface KubernetesConnection {
  readonly host: string;
  /** PEM of the API server's CA. */
  readonly clusterCaCertificate: string;
  /** A bearer token, or... */
  readonly token?: string;
  /** ...a client certificate and key (PEM). */
  readonly clientCertificate?: string;
  readonly clientKey?: string;
}

/** The database's credentials as references, resolved at apply time and marked sensitive. */
export interface DatabaseCredentials {
  readonly username: string;
  readonly password: string;
}

/** How traffic from the internet reaches the bookstore's Service. */
export interface IngressEntry {
  /** IngressClass of the cloud's load-balancer controller. */
  readonly ingressClassName: string;
  /** Annotations that controller reads (scheme, TLS policy, health check...). */
  readonly annotations: Readonly<Record<string, string>>;
  /** Address ranges the load balancer sends from: the only pod ingress the NetworkPolicy allows. */
  readonly sourceCidrs: readonly string[];
  /**
   * A Secret the controller reads the certificate from (e.g. TKE's `qcloud_cert_id`),
   * created next to the Ingress and named in its `tls.secretName`.
   * @default none: the controller finds the certificate for the domain by itself
   */
  readonly tlsSecret?: { readonly name: string; readonly data: Readonly<Record<string, string>> };
}

/** What a cloud needs to know to build the entry point of the shop. */
export interface IngressProps {
  readonly domain: string;
  readonly healthCheckPath: string;
  /** The network's public subnets, where the load balancers live. */
  readonly publicSubnetCidrs: readonly string[];
  /**
   * The cloud's ID of an existing certificate for `domain`: the one the bookstore's
   * load balancer uses (`BookstoreProps.certificate`), undefined when the cloud issues it.
   */
  readonly certificateId?: string;
}

/** The cluster contract one cloud implements for the workloads stack. */
export interface IKubernetesAccess {
  /**
   * Connection settings for the kubernetes provider, built only from data sources or
   * the infrastructure stack's outputs: never from resources of the same stack, which
   * do not exist yet when Terraform configures providers.
   */
  connect(scope: Construct, cluster: { readonly name: string; readonly clusterId: string }): KubernetesConnection;
  /** Reads the database credentials from the cloud's secret store, in the workloads stack. */
  databaseCredentials(scope: Construct, connection: DatabaseConnection): DatabaseCredentials;
  /** The entry point for `domain`, whose load balancer lives in the given public subnets. */
  ingress(props: IngressProps): IngressEntry;
}
