import { Construct } from "constructs";
import { ICloud, ICloudScoped, requireSameCloud } from "./cloud";
import { nameFromId, requireValidName } from "./names";

/** What every named neutral construct takes first. */
export interface CloudResourceProps {
  /** The cloud to create the resource in. */
  readonly cloud: ICloud;
  /** @default the construct ID in kebab case */
  readonly name?: string;
  /** The network it lives in, when it lives in one. */
  readonly network?: ICloudScoped;
}

/**
 * The base of the neutral constructs that become one named cloud resource (the AWS
 * CDK's `Resource`): it keeps the cloud, checks the name against the cloud's name rule
 * and refuses a network of another cloud, before the subclass validates the rest.
 */
export abstract class CloudResource extends Construct implements ICloudScoped {
  /** The cloud the resource is in. */
  public readonly cloud: ICloud;
  /** The resource's name, valid on its cloud. */
  public readonly name: string;

  protected constructor(scope: Construct, id: string, props: CloudResourceProps) {
    super(scope, id);
    this.cloud = props.cloud;
    this.name = requireValidName(this, "name", props.name ?? nameFromId(id), props.cloud.catalog.names);
    requireSameCloud(this, "network", props.cloud, props.network);
  }
}
