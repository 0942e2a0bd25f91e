import { compliantIf, PolicyLevel, PolicyRule } from "../../rule";

const onArgs = (config: Record<string, any>, name: string): Record<string, string> | undefined =>
  config.function_name === name ? Object.fromEntries((config.function_args ?? []).map((a: any) => [a.arg_name, String(a.arg_value)])) : undefined;

export const CdnHttpsOnly: PolicyRule = {
  id: "BKS-ALI-CDN-HTTPS",
  mirrors: [],
  explanation: "A CDN domain must serve HTTPS with a certificate, redirect HTTP to HTTPS, refuse TLS 1.0/1.1 and fetch from its origin over HTTPS.",
  level: PolicyLevel.ERROR,
  resourceTypes: ["alicloud_cdn_domain_new"],
  check: (r, stack) => {
    const certificate = [r.config.certificate_config ?? []].flat()[0];
    const configs = stack.referencing("alicloud_cdn_domain_config", r).map((c) => c.config);
    const found = (name: string, holds: (args: Record<string, string>) => boolean) => configs.some((c) => {
      const args = onArgs(c, name);
      return args !== undefined && holds(args);
    });
    return compliantIf(
      certificate?.server_certificate_status === "on" &&
        found("https_force", (a) => a.enable === "on") &&
        found("https_tls_version", (a) => a.tls10 === "off" && a.tls11 === "off") &&
        found("forward_scheme", (a) => a.enable === "on" && a.scheme_origin === "https"),
    );
  },
};
