import { Construct, IConstruct } from "constructs";
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput } from "../core/cdktf";
import type { CertificateValidationRecord } from "../core/cdn";
import { CertificateSource } from "../core/cloud";
import { ValidationError } from "../core/validation";

const ACM_ARN = /^arn:aws:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;

const issuedValidations = new WeakMap<IConstruct, CertificateValidationRecord>();

/**
 * The DNS validation record of the certificate `certificateArn` issued in `scope`, in
 * `scope`'s stack; undefined where `scope` serves an existing certificate.
 */
export function issuedCertificateValidation(scope: IConstruct): CertificateValidationRecord | undefined {
  return issuedValidations.get(scope);
}

/**
 * The ARN of the certificate to serve `domain` with: the existing one, checked to be an
 * ACM ARN in `region`, or a new one issued with DNS validation.
 *
 * An issued certificate is used only once AWS has validated it; the DNS record to create is
 * in the `...ValidationRecords` output (and, for a CDN's, published by `publishCdnHostName`
 * for the global domain's stack to write). Until it resolves, apply waits. The record is
 * ACM's for the domain and the account, the same in every region and for every later
 * certificate of the domain: the load balancer's and the CDN's certificates share it, and
 * it must stay for renewals.
 * ref: https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html
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
  // One domain, so one record.
  const option = certificate.domainValidationOptions.get(0);
  issuedValidations.set(scope, { name: option.resourceRecordName, value: option.resourceRecordValue });
  const validation = new AcmCertificateValidation(scope, "CertificateValidation", {
    provider,
    certificateArn: certificate.arn,
  });
  return validation.certificateArn;
}
