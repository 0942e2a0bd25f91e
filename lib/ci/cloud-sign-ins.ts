import { ALICLOUD_SIGN_IN } from "./alicloud-sign-in";
import { AWS_SIGN_IN } from "./aws-sign-in";
import type { CloudSignIn } from "./cloud-sign-in";
import { TENCENTCLOUD_SIGN_IN } from "./tencentcloud-sign-in";

/**
 * Every cloud a generated workflow can sign in to, once: the one list outside the cloud
 * folders that names clouds, because each cloud federates with GitHub its own way. A test
 * holds it to the cloud registry (`CLOUD_REGISTRATIONS`).
 */
export const CLOUD_SIGN_INS: readonly CloudSignIn[] = Object.freeze([AWS_SIGN_IN, TENCENTCLOUD_SIGN_IN, ALICLOUD_SIGN_IN]);

/**
 * Terraform providers that need no cloud credentials of their own: a stack that uses only
 * these and clouds' providers can be planned and deployed by the generated workflow.
 * (kubernetes and helm are configured from the cloud's cluster, not from the environment.)
 */
export const CREDENTIAL_FREE_PROVIDERS: readonly string[] = Object.freeze(["kubernetes", "helm", "random", "null", "time", "tls", "local", "archive", "http", "external", "terraform"]);

/** Providers that talk to a Kubernetes API: a job applying them must reach the cluster's (private) endpoint. */
export const CLUSTER_PROVIDERS: readonly string[] = Object.freeze(["kubernetes", "helm"]);
