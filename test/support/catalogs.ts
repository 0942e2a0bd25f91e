import { ALICLOUD_CATALOG, AWS_CATALOG, CloudCatalog, TENCENTCLOUD_CATALOG } from "../../lib";

/** Every implemented cloud's catalog, for `test.each`. */
export const IMPLEMENTED_CATALOGS: [string, CloudCatalog][] = [["aws", AWS_CATALOG], ["tencentcloud", TENCENTCLOUD_CATALOG], ["alicloud", ALICLOUD_CATALOG]];
