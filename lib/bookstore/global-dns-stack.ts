import { Construct } from "constructs";
import { Annotations, LocalBackend, TerraformBackend, TerraformOutput, TerraformStack } from "../core/cdktf";
import { GlobalDomain, GlobalDomainProps } from "../core/global-domain";
import { PropShape, propKeys, requireKnownProps } from "../core/known-props";
import { REMOTE_STATE_PROP_SHAPE, RemoteStateProps, remoteStateFromEnvironment } from "../core/remote-state";
import { Tags } from "../core/tags";
import { requireBoolean, ValidationError } from "../core/validation";
import { CheckedStack, PolicyChecks } from "../policy/policy-checks";
import { Cloud } from "../clouds";
import { requireValidBookstoreName } from "./bookstore";

export interface GlobalDnsStackProps extends GlobalDomainProps {
  /**
   * The shop's name; the stack is `<name>-global-dns`.
   * @default "bookstore"
   */
  readonly name?: string;
  /**
   * Check the stack at synth with the authority's cloud's policy pack.
   * @default true
   */
  readonly policyChecks?: boolean;
  /**
   * Keep the stack's state in the authority's cloud (S3, OSS or COS), as `BookstoreStacks` does.
   * @default from the environment of the authority's cloud (BOOKSTORE_STATE_BUCKET_<CLOUD>
   * and friends), else a local state file
   */
  readonly remoteState?: RemoteStateProps;
}

/** Every prop of `GlobalDnsStackProps`, for `requireKnownProps`. */
const GLOBAL_DNS_STACK_PROP_SHAPE: PropShape = {
  what: "the global DNS stack",
  keys: propKeys<GlobalDnsStackProps>()(["authority", "domain", "zone", "routing", "ttlSeconds", "name", "policyChecks", "remoteState"]),
  nested: { remoteState: REMOTE_STATE_PROP_SHAPE },
};

/** True when the stack keeps its state anywhere but a local file. */
function hasRemoteState(stack: TerraformStack): boolean {
  return stack.node.children.some((child) => child instanceof TerraformBackend && !(child instanceof LocalBackend));
}

/**
 * One domain across the clouds' bookstores, in a stack of its own, `<name>-global-dns`,
 * whose state lives in the authoritative cloud. It reads each target's CDN host name from
 * that bookstore's stack: CDKTF turns the reference into a `terraform_remote_state` of the
 * origin stack's backend (S3, OSS, COS or a local file), so plan needs read access to
 * every origin's state, and the origins are deployed first.
 */
export class GlobalDnsStack {
  public readonly stack: TerraformStack;
  public readonly globalDomain: GlobalDomain;

  constructor(app: Construct, props: GlobalDnsStackProps) {
    requireKnownProps("GlobalDnsStack", "", props, GLOBAL_DNS_STACK_PROP_SHAPE);
    const cloud = props.authority?.cloud;
    if (cloud === undefined) {
      throw new ValidationError(app, "authority", props.authority, "DnsAuthority.of(<the deployment whose cloud's DNS holds the zone>)");
    }
    const name = requireValidBookstoreName(app, props.name ?? "bookstore", cloud);
    const stackName = `${name}-global-dns`;
    if (app.node.tryFindChild(stackName) !== undefined) {
      throw new ValidationError(app, "name", name, `a name not yet used for a global domain in this app: the stack ${stackName} exists already`);
    }
    const { policyChecks = true, remoteState = remoteStateFromEnvironment(cloud.name), name: _name, ...domainProps } = props;
    requireBoolean(app, "policyChecks", policyChecks);
    this.stack = new CheckedStack(app, stackName);
    // First, so bad state settings are refused before any resource is built.
    if (remoteState !== undefined) cloud.useRemoteState(this.stack, remoteState);
    this.globalDomain = new GlobalDomain(this.stack, "GlobalDomain", domainProps);
    Tags.of(this.stack).add("app", name);
    if (policyChecks) PolicyChecks.of(this.stack).apply(...Cloud.registrationOf(cloud).policyPacks);

    const domain = this.globalDomain;
    if (domain.nameServers !== undefined) {
      new TerraformOutput(this.stack, "NameServers", { value: domain.nameServers, description: `The NS records of ${domain.zone} at its registrar` });
    }
    new TerraformOutput(this.stack, "RegistrarStep", { value: domain.registrarStep, description: "What to do at the registrar, once" });
    this.warnOfLocalOrigins(props);
  }

  /**
   * A remote stack that reads a local origin's state reads a file on the machine that
   * synthesized it: that works nowhere else (a CI runner), so say so at synth.
   */
  private warnOfLocalOrigins(props: GlobalDnsStackProps): void {
    if (!hasRemoteState(this.stack)) return;
    const origins = new Set<TerraformStack>();
    for (const route of props.routing.routes) {
      for (const entry of route.answer?.entries ?? []) {
        const cdn = entry.target?.frontDoor?.cdn;
        if (cdn !== undefined) origins.add(TerraformStack.of(cdn));
      }
    }
    for (const origin of origins) {
      if (!hasRemoteState(origin)) {
        Annotations.of(this.stack).addWarning(
          `${this.stack.node.id} keeps its state remotely but reads ${origin.node.id}'s local state file (terraform.${origin.node.id}.tfstate in the directory synth ran in): give ${origin.node.id} remote state too, or deploy every stack from that one working directory`,
        );
      }
    }
  }
}
