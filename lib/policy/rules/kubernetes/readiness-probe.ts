import { containerRule } from "./selectors";

export const ReadinessProbe = containerRule("BKS-K8S-READINESS-PROBE", ["CKV_K8S_9"], "Every container needs a readiness probe.", (c) => c.readiness_probe !== undefined);
