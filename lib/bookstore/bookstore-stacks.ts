import { Construct } from "constructs";
import { TerraformStack } from "../core/cdktf";
import { ICloud } from "../core/cloud";
import { PolicyChecks } from "../policy/policy-checks";
import { policyPacksFor } from "../policy/packs";
import { Bookstore, BookstoreProps } from "./bookstore";

export interface BookstoreStacksProps extends Omit<BookstoreProps, "cloud"> {
  /**
   * Check each stack at synth with the cloud's policy pack (lib/policy): an ERROR
   * finding that no suppression covers fails synth with a report.
   * @default true
   */
  readonly policyChecks?: boolean;
}

/**
 * The bookstore's stacks on one cloud: `<name>-<cloud>` (e.g. `bookstore-aws`), one
 * Terraform state per cloud, so one cloud's failed deploy never blocks another's.
 */
export class BookstoreStacks {
  public readonly cloud: ICloud;
  /** The stack holding the cloud infrastructure. */
  public readonly infrastructure: TerraformStack;
  public readonly bookstore: Bookstore;

  constructor(app: Construct, cloud: ICloud, props: BookstoreStacksProps) {
    const name = props.name ?? "bookstore";
    this.cloud = cloud;
    const { policyChecks = true, ...bookstoreProps } = props;
    this.infrastructure = new TerraformStack(app, `${name}-${cloud.name}`);
    this.bookstore = new Bookstore(this.infrastructure, "Bookstore", { ...bookstoreProps, cloud });
    if (policyChecks) PolicyChecks.of(this.infrastructure).apply(...policyPacksFor(cloud.name));
  }

  /** Every stack of this cloud, in deployment order. */
  public get stacks(): TerraformStack[] {
    return [this.infrastructure];
  }
}
