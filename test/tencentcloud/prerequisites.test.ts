import { prerequisitesFor } from "../../lib";
import { TENCENTCLOUD_CATALOG } from "../../lib/tencentcloud/catalog";
import { tcrEnterpriseImage } from "../../lib/tencentcloud/registry";

const prerequisite = (id: string) => {
  const found = TENCENTCLOUD_CATALOG.prerequisites.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no prerequisite ${id}`);
  return found;
};

describe("Tencent Cloud's account prerequisites", () => {
  test("the ICP filing applies in the regions whose CDN area is mainland, and only there", () => {
    const mainland = Object.entries(TENCENTCLOUD_CATALOG.tencentcloud.cdnAreaByRegion).filter(([, area]) => area === "mainland").map(([region]) => region);
    expect([...prerequisite("icp-filing").regions!].sort()).toEqual(mainland.sort());
  });

  test.each([
    "shop-registry.tencentcloudcr.com",
    "shop.tencentcloudcr.com",
    "-shop.tencentcloudcr.com",
    "shop.tencentcloudcr.com.evil.example",
    "shop.evil.tencentcloudcr.com",
    "ccr.ccs.tencentyun.com",
    "registry.example.com",
  ])("the registry entries count an image on %s as in TCR Enterprise exactly when the adapters do", (host) => {
    const image = `${host}/shop/bookstore:1.4.2`;
    const adapters = tcrEnterpriseImage(image) !== undefined;
    for (const id of ["tcr-private-network-access", "tcr-tke-addon"]) {
      const selected = prerequisitesFor([prerequisite(id)], { region: "ap-guangzhou", features: [], vmImage: image, podImage: image });
      expect({ id, selected: selected.length === 1 }).toEqual({ id, selected: adapters });
    }
  });
});
