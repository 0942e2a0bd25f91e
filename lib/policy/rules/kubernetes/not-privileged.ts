import { isTrue } from "../../rule";
import { containerRule, securityValue } from "./selectors";

export const NotPrivileged = containerRule("BKS-K8S-PRIVILEGED", ["CKV_K8S_16", "KSV017"], "No container may run privileged.", (c, spec) => !isTrue(securityValue(c, spec, "privileged")));
