import { containerRule } from "./selectors";

export const LivenessProbe = containerRule("BKS-K8S-LIVENESS-PROBE", ["CKV_K8S_8"], "Every container needs a liveness probe.", (c) => c.liveness_probe !== undefined);
