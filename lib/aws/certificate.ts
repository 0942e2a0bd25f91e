import { Construct } from "constructs";
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput } from "../core/cdktf";
import { CertificateSource } from "../core/cloud";
import { ValidationError } from "../core/validation";

const ACM_ARN = /^arn:aws:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;

/**
 * The ARN of the certificate to serve `domain` with: the existing one, checked to be an
 * ACM ARN in `region`, or a new one issued with DNS validation.
 *
 * An issued certificate is used only once AWS has validated it; the DNS records to
 * create are in the `...ValidationRecords` output. Until they exist, apply waits.
 */
export function certificateArn(
  scope: Construct,
  field: string,
  source: CertificateSource,
  domain: string,
  region: string,
  provider?: AwsProvider,
): string {
  if (source.existingCertificateId !== undefined) {
    const match = ACM_ARN.exec(source.existingCertificateId);
    if (!match || match[1] !== region) {
      throw new ValidationError(scope, field, source.existingCertificateId, `the ARN of an ACM certificate in ${region}`);
    }
    return source.existingCertificateId;
  }
  const certificate = new AcmCertificate(scope, "Certificate", {
    provider,
    domainName: domain,
    validationMethod: "DNS",
    keyAlgorithm: "EC_prime256v1",
    // A replacement must be issued before the old one is detached (CKV_AWS_233).
    lifecycle: { createBeforeDestroy: true },
  });
  new TerraformOutput(scope, "CertificateValidationRecords", {
    description: `DNS records that prove ownership of ${domain} to ACM`,
    value: certificate.domainValidationOptions,
  });
  const validation = new AcmCertificateValidation(scope, "CertificateValidation", {
    provider,
    certificateArn: certificate.arn,
  });
  return validation.certificateArn;
}
