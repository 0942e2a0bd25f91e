import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";

// AWS managed rule groups: common exploits, and known-bad inputs such as Log4Shell.
// ref: https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html
const MANAGED_RULE_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"];

/** A WAF web ACL that allows by default and applies AWS's managed rule groups. */
export function managedRulesWebAcl(scope: Construct, id: string, props: { name: string; scope: "CLOUDFRONT" | "REGIONAL"; provider?: AwsProvider }): Wafv2WebAcl {
  return new Wafv2WebAcl(scope, id, {
    provider: props.provider,
    name: props.name,
    scope: props.scope,
    defaultAction: { allow: {} },
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: props.name, sampledRequestsEnabled: true },
    rule: MANAGED_RULE_GROUPS.map((group, priority) => ({
      name: group,
      priority,
      overrideAction: { none: {} },
      // `statement` is untyped in the binding (too deeply nested to generate); its keys
      // are the provider's own. ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl
      statement: { managed_rule_group_statement: { name: group, vendor_name: "AWS" } },
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: group, sampledRequestsEnabled: true },
    })),
  });
}
