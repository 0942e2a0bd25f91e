import { Construct } from "constructs";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Fn, TerraformStack } from "../core/cdktf";
import { CertificateValidationRecord, hostNameRecordPath, ICdnHostNameSource } from "../core/cdn";
import { issuedCertificateValidation } from "./certificate";

/**
 * CloudFront's host name, published for other stacks in an SSM parameter of the CDN's
 * region, `/front-doors/<stack>/<construct path>/host-name`: a plain `String` holding the host name
 * and nothing else, so a reader needs `ssm:GetParameter` on that one parameter, never the
 * CDN stack's state. Where the CDN's certificate was issued (`certificateArn`), its DNS
 * validation record is published beside it, `.../certificate-validation`, as JSON
 * `{"name": ..., "value": ...}`: the parameter depends on the certificate only, so it
 * exists while a first apply waits for the validation. The `aws_cloudfront_distribution`
 * data source would need the distribution's ID, which is as unknown to another stack as its
 * host name. The reader sets
 * the parameter's region on the data source (provider 6's `region` argument), so one stack
 * reads CDNs of several regions with one provider.
 * ref: https://developer.hashicorp.com/terraform/language/state/remote-state-data#alternative-ways-to-share-data-between-configurations (aws_ssm_parameter)
 * ref: https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/data-sources/cloudfront_distribution (id required)
 * ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html (names: letters, digits, . - _ /; not beginning with aws or ssm)
 */
export function publishCdnHostName(scope: Construct, hostName: string, region: string): ICdnHostNameSource {
  const name = `/front-doors/${hostNameRecordPath(scope).join("/")}/host-name`;
  new SsmParameter(scope, "HostNameParameter", {
    name,
    type: "String",
    // A host name is no secret: `insecure_value` keeps it readable in plans.
    insecureValue: hostName,
    description: "The CDN's host name, for the stacks that point DNS at it",
  });
  const validation = issuedCertificateValidation(scope);
  const validationName = `/front-doors/${hostNameRecordPath(scope).join("/")}/certificate-validation`;
  if (validation !== undefined) {
    new SsmParameter(scope, "CertificateValidationParameter", {
      name: validationName,
      type: "String",
      // Public DNS data, no secret: readable in plans.
      insecureValue: Fn.jsonencode(validation),
      description: "The DNS record that validates the CDN's certificate, for the stack that writes the domain's records",
    });
  }
  const useProvider = (reader: Construct) => {
    const stack = TerraformStack.of(reader);
    if (!stack.node.children.some((child) => child instanceof AwsProvider && child.alias === undefined)) new AwsProvider(stack, "aws", { region });
  };
  return {
    readIn(reader: Construct): string {
      useProvider(reader);
      return new DataAwsSsmParameter(reader, "HostName", { name, region }).insecureValue;
    },
    // The record of CloudFront's certificate, where the CDN issued it: ACM's record for the
    // domain and the account, which also validates the load balancer's certificate of the
    // same domain (a record works in every region).
    ...(validation === undefined
      ? {}
      : {
          readCertificateValidationIn(reader: Construct): CertificateValidationRecord {
            if (TerraformStack.of(reader) === TerraformStack.of(scope)) return validation;
            useProvider(reader);
            const published = new DataAwsSsmParameter(reader, "Record", { name: validationName, region });
            const record = Fn.jsondecode(published.insecureValue);
            return { name: Fn.lookup(record, "name"), value: Fn.lookup(record, "value") };
          },
        }),
  };
}
