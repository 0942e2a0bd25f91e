import { Construct, IConstruct } from "constructs";
import { ClsLogset } from "../generated/tencentcloud/cls-logset";
import { ClsTopic } from "../generated/tencentcloud/cls-topic";
import { TerraformStack } from "../core/cdktf";
import { TencentcloudCatalog } from "./catalog";

const ID = "TencentcloudLogs";

/**
 * The stack's CLS log set, with one topic per log source (VPC flow logs, load balancer
 * access logs). One per stack, created by the first construct that needs it.
 * ref: https://www.tencentcloud.com/document/product/614/35713
 */
export class TencentcloudLogs extends Construct {
  public static of(scope: IConstruct, catalog: TencentcloudCatalog): TencentcloudLogs {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(ID);
    if (existing instanceof TencentcloudLogs) return existing;
    return new TencentcloudLogs(stack, ID, catalog);
  }

  public readonly logset: ClsLogset;
  private readonly catalog: TencentcloudCatalog;

  private constructor(scope: Construct, id: string, catalog: TencentcloudCatalog) {
    super(scope, id);
    this.catalog = catalog;
    this.logset = new ClsLogset(this, "Logset", { logsetName: `${TerraformStack.of(scope).node.id}-logs` });
  }

  /** The topic for one log source, created once. */
  public topic(id: string, name: string): ClsTopic {
    const existing = this.node.tryFindChild(id);
    if (existing instanceof ClsTopic) return existing;
    return new ClsTopic(this, id, {
      logsetId: this.logset.id,
      topicName: name,
      period: this.catalog.tencentcloud.logRetentionDays,
      storageType: "hot",
    });
  }
}
