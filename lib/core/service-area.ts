/**
 * Which side of the mainland China border something serves or stands on. Mainland China
 * is its own network for the clouds here: a CDN serves it only from edges inside it,
 * which the law admits only for a domain with an ICP filing, and probes from outside it
 * say little about what viewers inside it reach (and the reverse).
 */
export enum ServiceArea {
  /** Mainland China only (Alibaba Cloud CDN's `domestic` scope, Tencent Cloud CDN's `mainland` area). */
  MAINLAND_CHINA = "mainland-china",
  /** Everywhere but mainland China (CloudFront; Alibaba Cloud's `overseas` scope, Tencent Cloud's `overseas` area). */
  OUTSIDE_MAINLAND_CHINA = "outside-mainland-china",
  /** Both sides (Alibaba Cloud's and Tencent Cloud's `global`): the mainland half needs the ICP filing too. */
  GLOBAL = "global",
}

/** True where the area includes mainland China, so serving the domain there needs an ICP filing. */
export function includesMainlandChina(area: ServiceArea): boolean {
  return area === ServiceArea.MAINLAND_CHINA || area === ServiceArea.GLOBAL;
}

/** True where the area includes some of the world outside mainland China. */
export function includesOutsideMainlandChina(area: ServiceArea): boolean {
  return area === ServiceArea.OUTSIDE_MAINLAND_CHINA || area === ServiceArea.GLOBAL;
}
