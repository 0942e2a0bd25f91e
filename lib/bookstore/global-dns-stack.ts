import { Construct } from "constructs";
import { Annotations, TerraformOutput, TerraformStack } from "../core/cdktf";
import { GlobalDomain, GlobalDomainProps } from "../core/global-domain";
import { PropShape, propKeys, requireKnownProps } from "../core/known-props";
import { REMOTE_STATE_PROP_SHAPE, RemoteStateProps, remoteStateFromEnvironment } from "../core/remote-state";
import { Tags } from "../core/tags";
import { requireBoolean, ValidationError } from "../core/validation";
import { CheckedStack, PolicyChecks } from "../policy/policy-checks";
import { Cloud } from "../clouds";
import { requireValidBookstoreName } from "./bookstore";
import { requireFreeStackId } from "./stack-id";

/** Props of `GlobalDnsStack`: the global domain's props, and the stack's own settings. */
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

/**
 * One domain across the clouds' bookstores, in a stack of its own, `<name>-global-dns`,
 * whose state lives in the authoritative cloud. It reads each target's CDN host name with
 * that cloud's provider, from what the bookstore's stack publishes (an SSM parameter, an
 * OOS parameter) or from the CDN itself (Tencent Cloud): never from the bookstore's state,
 * which holds its secrets, so plan needs read access to those records, not to any state.
 * It depends on the bookstores' infrastructure stacks, so they are deployed first. The same
 * way it reads their asset CDNs' host names (`static.<domain>`) and, for AWS, the record
 * that validates CloudFront's certificate, which it writes into its zone (a first deploy
 * into a zone it creates: docs/global-domain.md, "Certificate validation on AWS").
 */
export class GlobalDnsStack {
  /** The stack that holds the zone and its records. */
  public readonly stack: TerraformStack;
  /** The global domain in that stack. */
  public readonly globalDomain: GlobalDomain;

  /**
   * The global domain in a stack of its own.
   * @param scope The app.
   * @param id The stack's construct ID, e.g. `bookstore-global-dns`. It names the stack's
   * Terraform state: a stack made with the deprecated `(app, props)` form has the ID
   * `<name>-global-dns` (`bookstore-global-dns` by default), which keeps it.
   * @param props The global domain's props and the stack's own.
   */
  constructor(scope: Construct, id: string, props: GlobalDnsStackProps);
  /**
   * The deprecated form, kept for one minor version: the ID is `<name>-global-dns`.
   * @deprecated Use `new GlobalDnsStack(scope, id, props)`; it warns at synth.
   */
  constructor(scope: Construct, props: GlobalDnsStackProps);
  constructor(scope: Construct, idOrProps: string | GlobalDnsStackProps, givenProps?: GlobalDnsStackProps) {
    const app = scope;
    const legacy = typeof idOrProps !== "string";
    // Before the stack exists, an error names the call.
    const called = legacy ? "GlobalDnsStack" : `GlobalDnsStack ${JSON.stringify(idOrProps)}`;
    const props = (legacy ? idOrProps : givenProps) as GlobalDnsStackProps;
    if (props === null || typeof props !== "object") {
      throw new ValidationError(called, legacy ? "id" : "props", legacy ? idOrProps : props, "new GlobalDnsStack(app, <a construct ID such as \"bookstore-global-dns\">, <the global domain's props>)");
    }
    requireKnownProps("GlobalDnsStack", "", props, GLOBAL_DNS_STACK_PROP_SHAPE);
    const cloud = props.authority?.cloud;
    if (cloud === undefined) {
      throw new ValidationError(called, "authority", props.authority, "DnsAuthority.of(<the deployment whose cloud's DNS holds the zone>)");
    }
    const name = requireValidBookstoreName(called, props.name ?? "bookstore", cloud);
    const stackName = legacy ? `${name}-global-dns` : idOrProps;
    requireFreeStackId(app, called, stackName, { legacy, name, nameUse: "for a global domain", exampleId: "bookstore-global-dns" });
    const { policyChecks = true, remoteState = remoteStateFromEnvironment(cloud.name), name: _name, ...domainProps } = props;
    requireBoolean(called, "policyChecks", policyChecks);
    this.stack = new CheckedStack(app, stackName);
    if (legacy) {
      Annotations.of(this.stack).addWarning(
        `new GlobalDnsStack(app, props) is deprecated and kept for one minor version: write new GlobalDnsStack(app, "${stackName}", props), which keeps this stack`,
      );
    }
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
  }
}
