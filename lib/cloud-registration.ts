import type { CatalogOverrides, CloudCatalog } from "./core/catalog";
import type { ICloud } from "./core/cloud";
import type { PolicyPack } from "./policy/policy-checks";

/** What every cloud's entry point takes. */
export interface CloudProps {
  /** The cloud's region, e.g. `eu-central-1`; one of the catalog's regions. */
  readonly region: string;
  /**
   * Replacements for catalog entries (instance types, engine versions, zones).
   * @default the catalog as shipped
   */
  readonly catalogOverrides?: CatalogOverrides;
}

/**
 * Everything the library knows about one cloud outside that cloud's folder. Each cloud
 * folder exports one (`lib/<cloud>/registration.ts`); `lib/clouds.ts` lists them once,
 * and every cross-cloud list (entry points, policy packs, the stateful-resource guard,
 * the example app, the tests) is read from that list.
 */
export interface CloudRegistration<Name extends string = string, Props extends CloudProps = CloudProps, Instance extends ICloud = ICloud> {
  /** Stable short name: stack names, `BOOKSTORE_CLOUDS`, `BOOKSTORE_STATE_*_<NAME>`. Equals the cloud's `ICloud.name`. */
  readonly name: Name;
  /** The cloud's own name, for people. */
  readonly title: string;
  /**
   * The cloud in one region. Loads the cloud's adapters on first use: a program that
   * builds only one cloud does not pay for loading the others' provider bindings.
   */
  readonly create: (props: Props) => Instance;
  /** The catalog as shipped, before any `catalogOverrides`. */
  readonly catalog: CloudCatalog;
  /** The policy packs the cloud's infrastructure stacks are checked with at synth. */
  readonly policyPacks: readonly PolicyPack[];
  /**
   * Terraform resource types whose replacement loses data or breaks everything that
   * trusts them (databases, clusters, keys, buckets): the stateful-resource guard keeps
   * their addresses per stack.
   */
  readonly statefulResourceTypes: readonly string[];
  /** Where the example app and the cross-cloud tests build this cloud's bookstore. */
  readonly example: {
    /** The region the example builds in. */
    readonly region: string;
    /**
     * A placeholder in the format of the cloud's certificate IDs, for a cloud that cannot
     * issue certificates through Terraform; replace it with your own.
     * @default none: the cloud issues the certificate
     */
    readonly certificateId?: string;
    /**
     * Settings of the cloud's entry point besides its region that a bookstore needs there
     * (e.g. Alibaba Cloud's KMS instance), as placeholders in their real format; use your own.
     * @default none: the region is all the cloud needs
     */
    readonly cloudProps?: Omit<Props, "region">;
  };
}

/** Declares a cloud, keeping its name as a literal type so `Cloud.<name>(...)` is typed. */
export function registerCloud<const Name extends string, Props extends CloudProps, Instance extends ICloud>(
  registration: CloudRegistration<Name, Props, Instance>,
): CloudRegistration<Name, Props, Instance> {
  return Object.freeze(registration);
}
