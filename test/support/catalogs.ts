// From the registry module, not the package index: suites of pure modules (and
// `npm run mutation`) then load the catalogs without any construct or adapter.
import { CLOUD_REGISTRATIONS } from "../../lib/clouds";
import { CloudCatalog } from "../../lib/core/catalog";

/** Every implemented cloud's catalog, for `test.each`. */
export const IMPLEMENTED_CATALOGS: [string, CloudCatalog][] = CLOUD_REGISTRATIONS.map(({ name, catalog }) => [name, catalog]);
