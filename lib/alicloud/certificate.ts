import { Construct } from "constructs";
import { CertificateSource } from "../core/cloud";
import { isUnresolved, ValidationError } from "../core/validation";

// Certificate Management Service (CAS) IDs are numbers, e.g. 14368012.
const CAS_CERTIFICATE_ID = /^[1-9]\d{0,19}$/;

/**
 * The Certificate Management Service ID of an existing certificate. Issued certificates
 * never reach here: the catalog says Alibaba Cloud cannot issue one, and the neutral
 * constructs refuse them first.
 * ref: https://www.alibabacloud.com/help/en/ssl-certificate/developer-reference/api-cas-2020-04-07-listusercertificateorder
 */
export function casCertificateId(scope: Construct, field: string, source: CertificateSource): string {
  const id = source.existingCertificateId;
  if (id === undefined || (!isUnresolved(id) && !CAS_CERTIFICATE_ID.test(id))) {
    throw new ValidationError(scope, field, id, "the numeric ID of a certificate in Alibaba Cloud Certificate Management Service, e.g. 14368012");
  }
  return id;
}
