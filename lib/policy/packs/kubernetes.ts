import { PolicyPack } from "../policy-checks";
import { CpuRequestsAndLimits } from "../rules/kubernetes/cpu-requests-and-limits";
import { DropAllCapabilities } from "../rules/kubernetes/drop-all-capabilities";
import { ImagePullAlways } from "../rules/kubernetes/image-pull-always";
import { LivenessProbe } from "../rules/kubernetes/liveness-probe";
import { MemoryRequestsAndLimits } from "../rules/kubernetes/memory-requests-and-limits";
import { NoHostNamespaces } from "../rules/kubernetes/no-host-namespaces";
import { NoHostPorts } from "../rules/kubernetes/no-host-ports";
import { NoPrivilegeEscalation } from "../rules/kubernetes/no-privilege-escalation";
import { NoServiceAccountToken } from "../rules/kubernetes/no-service-account-token";
import { NonDefaultNamespace } from "../rules/kubernetes/non-default-namespace";
import { NonRootUser } from "../rules/kubernetes/non-root-user";
import { NotPrivileged } from "../rules/kubernetes/not-privileged";
import { PinnedImage } from "../rules/kubernetes/pinned-image";
import { ReadOnlyRootFilesystem } from "../rules/kubernetes/read-only-root-filesystem";
import { ReadinessProbe } from "../rules/kubernetes/readiness-probe";
import { RuntimeDefaultSeccomp } from "../rules/kubernetes/runtime-default-seccomp";
import { SecretsAsFiles } from "../rules/kubernetes/secrets-as-files";

/** Every Kubernetes rule; mirrors checkov CKV_K8S_* and trivy KSV* for the kubernetes_* resources. */
export const KUBERNETES_POLICY_PACK: PolicyPack = {
  name: "kubernetes",
  rules: [
    CpuRequestsAndLimits,
    DropAllCapabilities,
    ImagePullAlways,
    LivenessProbe,
    MemoryRequestsAndLimits,
    NoHostNamespaces,
    NoHostPorts,
    NoPrivilegeEscalation,
    NoServiceAccountToken,
    NonDefaultNamespace,
    NonRootUser,
    NotPrivileged,
    PinnedImage,
    ReadOnlyRootFilesystem,
    ReadinessProbe,
    RuntimeDefaultSeccomp,
    SecretsAsFiles,
  ],
};
