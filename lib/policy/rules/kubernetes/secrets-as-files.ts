import { blocksOf } from "../../rule";
import { containerRule } from "./selectors";

export const SecretsAsFiles = containerRule(
  "BKS-K8S-SECRETS-AS-FILES",
  ["CKV_K8S_35"],
  "Secrets must reach containers as mounted files, not environment variables.",
  (c) => blocksOf(c.env).every((e) => blocksOf(e.value_from).every((v) => v.secret_key_ref === undefined)) && blocksOf(c.env_from).every((e) => e.secret_ref === undefined),
);
