import { ALICLOUD_REGISTRATION } from "./alicloud/registration";
import { AWS_REGISTRATION } from "./aws/registration";
import type { CloudRegistration } from "./cloud-registration";
import type { ICloud } from "./core/cloud";
import { TENCENTCLOUD_REGISTRATION } from "./tencentcloud/registration";

/**
 * The cloud registry: every implemented cloud, once, in the order they were added.
 * Adding a cloud is a folder with its `registration.ts` and one line here; everything
 * that spans clouds reads this list.
 */
const REGISTRATIONS = [AWS_REGISTRATION, TENCENTCLOUD_REGISTRATION, ALICLOUD_REGISTRATION] as const;

/** Every implemented cloud's registration, in the order they were added. */
export const CLOUD_REGISTRATIONS: readonly CloudRegistration[] = REGISTRATIONS;

type Registered = (typeof REGISTRATIONS)[number];

/** One typed entry point per cloud: `Cloud.aws({ region: "eu-central-1" })`. */
type CloudEntryPoints = { readonly [R in Registered as R["name"]]: R["create"] };

/** The registration of a cloud by its name; throws for a name the registry lacks. */
function registrationNamed(name: string): CloudRegistration {
  const registration = CLOUD_REGISTRATIONS.find((candidate) => candidate.name === name);
  if (registration === undefined) throw new Error(`unknown cloud "${name}"; implemented: ${CLOUD_REGISTRATIONS.map((r) => r.name).join(", ")}`);
  return registration;
}

/**
 * The entry point to every cloud: `Cloud.aws({ region: "eu-central-1" })`,
 * `Cloud.alicloud(...)`, `Cloud.tencentcloud(...)`.
 */
export const Cloud: CloudEntryPoints & {
  /** The names of the clouds this version implements, in the order they were added. */
  readonly implemented: readonly string[];
  /** A cloud by name with its region, e.g. from configuration. Throws for an unknown name. */
  byName(name: string, region: string): ICloud;
  /** The registration of a cloud by its name. Throws for an unknown name. */
  registrationNamed(name: string): CloudRegistration;
  /** The registration of a cloud built by one of the entry points. */
  registrationOf(cloud: ICloud): CloudRegistration;
} = Object.freeze({
  ...(Object.fromEntries(REGISTRATIONS.map((registration) => [registration.name, registration.create])) as CloudEntryPoints),
  implemented: REGISTRATIONS.map((registration) => registration.name),
  byName(name: string, region: string): ICloud {
    return registrationNamed(name).create({ region });
  },
  registrationNamed,
  registrationOf(cloud: ICloud): CloudRegistration {
    return registrationNamed(cloud.name);
  },
});

/** Every registered cloud's stateful resource types (see `CloudRegistration.statefulResourceTypes`). */
export const STATEFUL_RESOURCE_TYPES: ReadonlySet<string> = new Set(CLOUD_REGISTRATIONS.flatMap((registration) => registration.statefulResourceTypes));
