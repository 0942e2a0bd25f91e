import { AWS_CATALOG, CloudCatalog } from "../../lib";

/** Every implemented cloud's catalog, for `test.each`. */
export const IMPLEMENTED_CATALOGS: [string, CloudCatalog][] = [["aws", AWS_CATALOG]];
