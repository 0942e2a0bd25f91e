import { Construct } from "constructs";
import { TerraformStack } from "../core/cdktf";
import { ICloud } from "../core/cloud";
import { Bookstore, BookstoreProps } from "./bookstore";

export type BookstoreStacksProps = Omit<BookstoreProps, "cloud">;

/**
 * The bookstore's stacks on one cloud: `<name>-<cloud>` (e.g. `bookstore-aws`), one
 * Terraform state per cloud, so one cloud's failed deploy never blocks another's.
 */
export class BookstoreStacks {
  /** The stack holding the cloud infrastructure. */
  public readonly infrastructure: TerraformStack;
  public readonly bookstore: Bookstore;

  constructor(app: Construct, cloud: ICloud, props: BookstoreStacksProps) {
    const name = props.name ?? "bookstore";
    this.infrastructure = new TerraformStack(app, `${name}-${cloud.name}`);
    this.bookstore = new Bookstore(this.infrastructure, "Bookstore", { ...props, cloud });
  }
}
