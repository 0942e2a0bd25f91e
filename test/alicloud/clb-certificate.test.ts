import { TerraformResource, Testing } from "cdktf";
import { BookstoreStacks, Cloud } from "../../lib";
import { bookstoreProps } from "../support/bookstore";
import { onlyResource, TerraformJson } from "../support/synth";

// The way docs/alicloud.md gives for an account of Alibaba Cloud's international site, where the provider documents
// alicloud_certificate_id as unsupported: the CLB's copy of the certificate made from its PEM files.
describe("Alibaba Cloud: the CLB's certificate on the international site (docs/alicloud.md)", () => {
  test("overriding the CLB's server certificate with the PEM files leaves no CAS argument on it", () => {
    // GIVEN the example bookstore in Singapore
    const cloud = Cloud.alicloud({ region: "ap-southeast-1", kmsInstanceId: "kst-sgp00000000000000000" });
    const stacks = new BookstoreStacks(Testing.app(), `bookstore-${cloud.name}`, { ...bookstoreProps(cloud), cloud });
    // WHEN the CLB's copy is overridden as docs/alicloud.md shows
    const certificate = stacks.bookstore.loadBalancer.node.findChild("Certificate") as TerraformResource;
    for (const argument of ["alicloud_certificate_id", "alicloud_certificate_name", "alicloud_certificate_region_id", "lifecycle"]) {
      certificate.addOverride(argument, null);
    }
    certificate.addOverride("server_certificate", '${file("certs/shop.example.com.pem")}');
    certificate.addOverride("private_key", '${file("certs/shop.example.com.key")}');
    const json = JSON.parse(Testing.synth(stacks.infrastructure)) as TerraformJson;
    // THEN the resource at the same address uploads the PEM files and names no CAS certificate
    const uploaded = onlyResource(json, "alicloud_slb_server_certificate");
    expect(uploaded).toEqual(
      expect.objectContaining({
        alicloud_certificate_id: null,
        alicloud_certificate_name: null,
        alicloud_certificate_region_id: null,
        server_certificate: '${file("certs/shop.example.com.pem")}',
        private_key: '${file("certs/shop.example.com.key")}',
      }),
    );
    expect(Object.keys(json.resource!.alicloud_slb_server_certificate)).toEqual([expect.stringMatching(/^Bookstore_LoadBalancer_Certificate_[0-9A-F]{8}$/)]);
  });
});
