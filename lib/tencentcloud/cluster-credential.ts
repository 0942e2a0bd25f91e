import type { KubernetesExecCredential } from "../core/cluster-access";

/** The client authentication API the command's ExecCredential speaks; the kubernetes and helm providers run it interactively-if-available. */
export const EXEC_API_VERSION = "client.authentication.k8s.io/v1";

/**
 * The program `python3` runs: asks TKE, through TCCLI, for the caller's own intranet
 * kubeconfig of the cluster (`DescribeClusterKubeconfig` without `IsExtranet`), and prints
 * its client certificate and key as an ExecCredential. TCCLI reads the same
 * `TENCENTCLOUD_SECRET_ID` and `TENCENTCLOUD_SECRET_KEY` as the Terraform provider; a
 * temporary key's token it reads from `TENCENTCLOUD_TOKEN`, which the program fills from
 * the provider's `TENCENTCLOUD_SECURITY_TOKEN` when only that is set. Arguments: region,
 * cluster ID. It holds neither `${` nor `%{`, which Terraform would read as a template.
 * ref: https://www.tencentcloud.com/document/api/457/38510 (DescribeClusterKubeconfig: ClusterId, IsExtranet default false; the caller's own certificate, valid 20 years)
 * ref: https://github.com/TencentCloud/tencentcloud-cli/blob/3.1.155.1/tccli/options_define.py (TENCENTCLOUD_SECRET_ID, _SECRET_KEY, _TOKEN; --region, --output)
 * ref: https://kubernetes.io/docs/reference/config-api/client-authentication.v1/ (ExecCredential status: clientCertificateData, clientKeyData, PEM)
 */
export const TKE_CREDENTIAL_PROGRAM = String.raw`
import base64, json, os, re, subprocess, sys
region, cluster = sys.argv[1], sys.argv[2]
env = dict(os.environ)
if env.get("TENCENTCLOUD_SECURITY_TOKEN") and not env.get("TENCENTCLOUD_TOKEN"):
    env["TENCENTCLOUD_TOKEN"] = env["TENCENTCLOUD_SECURITY_TOKEN"]
command = ["tccli", "tke", "DescribeClusterKubeconfig", "--region", region, "--output", "json", "--ClusterId", cluster]
try:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
except FileNotFoundError:
    sys.exit("bookstore: tccli is not on the PATH; install TCCLI (pip install tccli) on the machine that runs Terraform")
if done.returncode != 0:
    sys.exit("bookstore: tccli tke DescribeClusterKubeconfig failed for " + cluster + ": " + (done.stderr or done.stdout).strip())
kubeconfig = json.loads(done.stdout)["Kubeconfig"]
def field(name):
    found = re.search(r"^\s*" + name + r":\s*(\S+)\s*$", kubeconfig, re.M)
    if found is None:
        sys.exit("bookstore: the kubeconfig TKE returned for " + cluster + " has no " + name)
    return base64.b64decode(found.group(1).strip("'\"")).decode()
credential = {"clientCertificateData": field("client-certificate-data"), "clientKeyData": field("client-key-data")}
print(json.dumps({"apiVersion": "${EXEC_API_VERSION}", "kind": "ExecCredential", "status": credential}))
`.trimStart();

/**
 * How the kubernetes and helm providers of the workloads (and add-ons) stack get TKE's
 * client certificate: at plan and apply, by running a command, so the certificate and its
 * key are in no stack's configuration, outputs or state. TKE offers no credential plugin of
 * its own (its kubeconfig is an X.509 certificate per CAM identity, valid 20 years), and
 * the provider none that keeps it out of the state: `tencentcloud_kubernetes_clusters`
 * would store the kubeconfigs and the cluster's password in the workloads state, and
 * 1.83.25's only ephemeral resource reads SSM. The certificate is the one TKE issues to
 * the CAM identity that runs Terraform, which needs `tke:admin` on the cluster
 * (`kubernetes.administrators`) and `tke:DescribeClusterKubeconfig`.
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/tke/data_source_tc_kubernetes_clusters_extension.go (password, kube_config, kube_config_intranet)
 * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/framework/registry.go (ephemeral resources: tencentcloud_ssm_secret_version only)
 * ref: https://registry.terraform.io/providers/hashicorp/kubernetes/2.38.0/docs#exec-plugins
 */
export function tkeClusterCredential(props: { readonly region: string; readonly clusterId: string }): KubernetesExecCredential {
  return { apiVersion: EXEC_API_VERSION, command: "python3", args: ["-c", TKE_CREDENTIAL_PROGRAM, props.region, props.clusterId] };
}
