import { isTrue } from "../../rule";
import { podRule } from "./selectors";

export const NoHostNamespaces = podRule(
  "BKS-K8S-HOST-NAMESPACES",
  ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19", "KSV009", "KSV010"],
  "Pods must not share the host's PID, IPC or network namespace.",
  (spec) => !isTrue(spec.host_pid) && !isTrue(spec.host_ipc) && !isTrue(spec.host_network),
);
