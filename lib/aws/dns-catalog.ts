import type { DnsLine, DnsServiceCatalog } from "../core/dns-catalog";
import { ServiceArea } from "../core/service-area";

// ref: https://docs.aws.amazon.com/Route53/latest/APIReference/API_GeoLocation.html
// (continent codes; countries by ISO 3166-1 alpha-2, "*" for the default location)
const CONTINENTS: Readonly<Record<string, string>> = {
  AF: "Africa",
  AN: "Antarctica",
  AS: "Asia",
  EU: "Europe",
  NA: "North America",
  OC: "Oceania",
  SA: "South America",
};

// The 249 officially assigned ISO 3166-1 alpha-2 codes.
// ref: https://www.iso.org/iso-3166-country-codes.html
const COUNTRIES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS " +
  "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE " +
  "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM " +
  "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC " +
  "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA " +
  "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO " +
  "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

/** The mainland China country code: Route 53 counts Hong Kong, Macao and Taiwan as countries of their own. */
const MAINLAND_CHINA_COUNTRY = "CN";

/**
 * Route 53's lines as this library names them: `*` (the default location), `continent:<code>`
 * and `country:<code>`. Asia holds mainland China, so its resolvers are on both sides.
 */
function route53Lines(): Record<string, DnsLine> {
  const lines: Record<string, DnsLine> = {
    "*": { id: "default", description: "the default location: every resolver no other record matches", side: ServiceArea.GLOBAL },
  };
  for (const [code, name] of Object.entries(CONTINENTS)) {
    lines[`continent:${code}`] = { id: `continent-${code.toLowerCase()}`, description: name, side: code === "AS" ? ServiceArea.GLOBAL : ServiceArea.OUTSIDE_MAINLAND_CHINA };
  }
  for (const code of COUNTRIES) {
    const mainland = code === MAINLAND_CHINA_COUNTRY;
    lines[`country:${code}`] = { id: `country-${code.toLowerCase()}`, description: mainland ? "mainland China" : `country ${code}`, side: mainland ? ServiceArea.MAINLAND_CHINA : ServiceArea.OUTSIDE_MAINLAND_CHINA };
  }
  return lines;
}

/** Route 53, as data. */
export const AWS_DNS_CATALOG: DnsServiceCatalog = {
  service: "Route 53",
  // Route 53 has one edition; a hosted zone's name servers are a delegation set assigned
  // when the zone is created.
  // ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zones-working-with.html
  editions: { standard: { title: "Route 53 public hosted zone", minimumTtlSeconds: 0, weightedRecords: true, nameServers: [] } },
  defaultEdition: "standard",
  // ref: https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html (TTL 0 to 2147483647, Weight 0 to 255)
  maximumTtlSeconds: 2147483647,
  weights: { min: 0, max: 255 },
  lines: route53Lines(),
  // A geo split: mainland China by country, everyone else by the default location, which
  // must exist or queries from unmatched locations get no answer.
  // ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-geo.html
  locations: { catchAll: "*", mainlandChina: `country:${MAINLAND_CHINA_COUNTRY}`, outsideMainlandChina: "*" },
  // A name without a default record is valid: a query from a location no record matches
  // gets no answer.
  // ref: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-geo.html
  catchAllRequired: false,
  // Health checkers run in eight regions, none of them in mainland China; a check every 10
  // or 30 seconds, 1 to 10 failures in a row.
  // ref: https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (Regions, RequestInterval, FailureThreshold)
  healthChecks: { probesFrom: ServiceArea.OUTSIDE_MAINLAND_CHINA, intervalsSeconds: [10, 30], failureThreshold: { min: 1, max: 10 } },
};
