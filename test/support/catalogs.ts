// Straight from the catalog modules, not the package index: suites of pure modules
// (and `npm run mutation`) then load no constructs they do not use.
import { ALICLOUD_CATALOG } from "../../lib/alicloud/catalog";
import { AWS_CATALOG } from "../../lib/aws/catalog";
import { CloudCatalog } from "../../lib/core/catalog";
import { TENCENTCLOUD_CATALOG } from "../../lib/tencentcloud/catalog";

/** Every implemented cloud's catalog, for `test.each`. */
export const IMPLEMENTED_CATALOGS: [string, CloudCatalog][] = [["aws", AWS_CATALOG], ["tencentcloud", TENCENTCLOUD_CATALOG], ["alicloud", ALICLOUD_CATALOG]];
