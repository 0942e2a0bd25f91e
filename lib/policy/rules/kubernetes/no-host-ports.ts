import { blocksOf } from "../../rule";
import { containerRule } from "./selectors";

export const NoHostPorts = containerRule("BKS-K8S-HOST-PORT", ["CKV_K8S_26", "KSV024"], "Containers must not bind host ports.", (c) =>
  blocksOf(c.port).every((p) => p.host_port === undefined),
);
