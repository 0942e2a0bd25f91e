import { isTrue } from "../../rule";
import { containerRule, securityValue } from "./selectors";

export const ReadOnlyRootFilesystem = containerRule(
  "BKS-K8S-READ-ONLY-ROOT",
  ["CKV_K8S_22", "KSV014"],
  "Containers must have a read-only root filesystem.",
  (c) => isTrue(securityValue(c, {}, "read_only_root_filesystem")),
);
