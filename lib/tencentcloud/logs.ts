import { Construct, IConstruct } from "constructs";
import { ClbLogSet } from "../generated/tencentcloud/clb-log-set";
import { ClbLogTopic } from "../generated/tencentcloud/clb-log-topic";
import { ClsLogset } from "../generated/tencentcloud/cls-logset";
import { ClsTopic } from "../generated/tencentcloud/cls-topic";
import { TerraformStack } from "../core/cdktf";
import { TencentcloudCatalog } from "./catalog";

const ID = "TencentcloudLogs";

/**
 * The stack's CLS log set, with one topic per log source (VPC flow logs), and CLB's own
 * log set for load balancer access logs. One per stack, created by the first construct
 * that needs it.
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

  /**
   * The topic for one load balancer's access logs. CLB delivers access logs only to its
   * own log set (one per region, named `clb_logset`) and to topics made through the CLB
   * API, hence `tencentcloud_clb_log_set` / `tencentcloud_clb_log_topic` rather than the
   * general CLS resources. The log set is created with the first topic.
   * ref: https://www.tencentcloud.com/document/product/214/43003
   * ref: https://github.com/tencentcloudstack/terraform-provider-tencentcloud/blob/v1.83.25/tencentcloud/services/clb/resource_tc_clb_log_set.md
   */
  public clbAccessLogTopic(id: string, name: string): ClbLogTopic {
    const existing = this.node.tryFindChild(id);
    if (existing instanceof ClbLogTopic) return existing;
    const found = this.node.tryFindChild("ClbLogSet");
    const logSet = found instanceof ClbLogSet ? found : new ClbLogSet(this, "ClbLogSet", { period: this.catalog.tencentcloud.clbAccessLogRetentionDays });
    return new ClbLogTopic(this, id, { logSetId: logSet.id, topicName: name });
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
