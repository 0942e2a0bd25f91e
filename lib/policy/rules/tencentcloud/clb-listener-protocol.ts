import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

const ENCRYPTED = ["HTTPS", "TCP_SSL", "QUIC"];

// As the scanners do, an HTTP listener fails even when it only redirects to HTTPS; the
// load balancer adapter documents the suppression of its redirect listener.
export const ClbListenerProtocol: PolicyRule = {
  id: "BKS-TC-CLB-LISTENER-PROTOCOL",
  mirrors: ["CKV_TC_12", "KICS fe08b81c-12e9-4b5e-9006-4218fca750fd"],
  explanation: "A CLB listener must use an encrypted protocol (HTTPS, TCP_SSL or QUIC), not TCP, UDP or HTTP.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["tencentcloud_clb_listener"],
  check: (r) => compliantIf(ENCRYPTED.includes(String(r.config.protocol).toUpperCase())),
};
