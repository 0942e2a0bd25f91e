import { CLOUD_REGISTRATIONS, CloudCatalog } from "../../lib";

/** Every implemented cloud's catalog, for `test.each`. */
export const IMPLEMENTED_CATALOGS: [string, CloudCatalog][] = CLOUD_REGISTRATIONS.map(({ name, catalog }) => [name, catalog]);
