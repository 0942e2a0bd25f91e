import { Construct } from "constructs";
import { CloudResource } from "./cloud-resource";
import { ICloud, ICloudScoped } from "./cloud";
import { formatCidr, isPrivate, parseCidr, planSubnets } from "./cidr";
import { resolveZones } from "./placement";
import { ValidationError } from "./validation";
import { PropShape, propKeys, requireKnownProps } from "./known-props";

/** Props of `Network`. */
export interface NetworkProps {
  /** The cloud to create the network in. */
  readonly cloud: ICloud;
  /**
   * Name of the network, also the prefix of its subnets' names.
   * @default the construct ID in kebab case
   */
  readonly name?: string;
  /**
   * Private IPv4 range of the whole network (RFC 1918), e.g. `10.20.0.0/16`. Split into
   * one private and one public subnet per zone.
   * @default "10.0.0.0/16"
   */
  readonly cidr?: string;
  /**
   * How many zones to spread over, at least 2.
   * @default 2, or the number of `zoneNames`
   */
  readonly zones?: number;
  /**
   * The zones to use, by the cloud's names.
   * @default the first `zones` zones of the region, in catalog order
   */
  readonly zoneNames?: string[];
}

/** Every prop of `NetworkProps`, for `requireKnownProps` (a misspelled prop is refused by name). */
export const NETWORK_PROP_SHAPE: PropShape = {
  what: "the network",
  keys: propKeys<NetworkProps>()(["cloud", "name", "cidr", "zones", "zoneNames"]),
};

/** A private network with public and private subnets in two or more zones. */
export interface INetwork extends ICloudScoped {
  /** The network's name. */
  readonly name: string;
  /** The network's private IPv4 range. */
  readonly cidr: string;
  /** Zone names, one per subnet pair, in order. */
  readonly zones: readonly string[];
  /** The cloud's identifier of the network. */
  readonly networkId: string;
  /** Subnets for load balancers and NAT, one per zone. */
  readonly publicSubnetIds: readonly string[];
  /** Subnets for servers, databases and Kubernetes nodes, one per zone. */
  readonly privateSubnetIds: readonly string[];
  /** Ranges of the public subnets, one per zone. */
  readonly publicSubnetCidrs: readonly string[];
  /** Ranges of the private subnets, one per zone. */
  readonly privateSubnetCidrs: readonly string[];
}

/** What a cloud's network factory receives: validated and planned. */
export interface NetworkSpec {
  /** The network's name, valid on the cloud. */
  readonly name: string;
  /** The network's private IPv4 range. */
  readonly cidr: string;
  /** The zones, one subnet pair each. */
  readonly zones: readonly string[];
  /** Ranges of the public subnets, one per zone. */
  readonly publicSubnetCidrs: readonly string[];
  /** Ranges of the private subnets, one per zone. */
  readonly privateSubnetCidrs: readonly string[];
}

/** What a cloud's network factory returns. */
export interface NetworkAttributes {
  /** The cloud's identifier of the network. */
  readonly networkId: string;
  /** The public subnets, one per zone. */
  readonly publicSubnetIds: readonly string[];
  /** The private subnets, one per zone. */
  readonly privateSubnetIds: readonly string[];
}

/** The neutral network: validates and plans, then lets the cloud create it. */
export class Network extends CloudResource implements INetwork {
  /** The network's private IPv4 range. */
  public readonly cidr: string;
  public readonly zones: readonly string[];
  /** The cloud's identifier of the network. */
  public readonly networkId: string;
  public readonly publicSubnetIds: readonly string[];
  public readonly privateSubnetIds: readonly string[];
  /** Ranges of the public subnets, one per zone. */
  public readonly publicSubnetCidrs: readonly string[];
  /** Ranges of the private subnets, one per zone. */
  public readonly privateSubnetCidrs: readonly string[];

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id, props);
    requireKnownProps(this, "", props, NETWORK_PROP_SHAPE);
    const { cloud } = props;
    const catalog = cloud.catalog;
    this.cidr = props.cidr ?? "10.0.0.0/16";

    const parsed = parseCidr(this.cidr);
    if (!parsed) {
      throw new ValidationError(this, "cidr", this.cidr, "an IPv4 network in CIDR notation with no host bits set, e.g. 10.0.0.0/16");
    }
    if (!isPrivate(parsed)) {
      throw new ValidationError(this, "cidr", this.cidr, "a range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
    }
    const { min, max } = catalog.network.prefixLength;
    if (parsed.prefixLength < min || parsed.prefixLength > max) {
      throw new ValidationError(this, "cidr", this.cidr, `a prefix length from /${min} to /${max} on ${catalog.cloud}`);
    }
    this.zones = resolveZones(this, catalog, cloud.region, props.zones, props.zoneNames);

    const plan = planSubnets(parsed, this.zones.length, catalog.network.smallestSubnetPrefixLength);
    if (!plan) {
      throw new ValidationError(
        this,
        "cidr",
        this.cidr,
        `a network large enough for ${2 * this.zones.length} subnets of at least /${catalog.network.smallestSubnetPrefixLength}`,
      );
    }
    this.publicSubnetCidrs = plan.publicSubnets;
    this.privateSubnetCidrs = plan.privateSubnets;
    this.cidr = formatCidr(parsed);

    cloud.useProvidersIn(this);
    const created = cloud.createNetwork(this, {
      name: this.name,
      cidr: this.cidr,
      zones: this.zones,
      publicSubnetCidrs: this.publicSubnetCidrs,
      privateSubnetCidrs: this.privateSubnetCidrs,
    });
    this.networkId = created.networkId;
    this.publicSubnetIds = created.publicSubnetIds;
    this.privateSubnetIds = created.privateSubnetIds;
  }
}
