import { Construct } from "constructs";
import { Id } from "@cdktf/provider-random/lib/id";
import { LogProject } from "../generated/alicloud/log-project";
import { LogStore } from "../generated/alicloud/log-store";
import { VpcFlowLog } from "../generated/alicloud/vpc-flow-log";
import { useRandomProvider } from "../core/generated-password";
import { AlicloudCatalog } from "./catalog";

/** Longest Simple Log Service project name. ref: website/docs/r/log_project.html.markdown (project_name: 3 to 63 characters) */
const PROJECT_NAME_MAX_LENGTH = 63;
/** Hexadecimal characters of the project name's random end. */
const PROJECT_SUFFIX_LENGTH = 8;
const PROJECT_INFIX = "-flow-";

/**
 * The start of the flow logs' project name from the network's name: SLS takes only
 * lowercase letters, digits and hyphens, starting and ending with a letter or digit, so
 * anything else becomes a hyphen, and the name is cut to leave room for `-flow-` and the
 * random end.
 */
export function flowLogProjectPrefix(networkName: string): string {
  const room = PROJECT_NAME_MAX_LENGTH - PROJECT_INFIX.length - PROJECT_SUFFIX_LENGTH;
  const cleaned = networkName.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, room).replace(/^-+|-+$/g, "");
  return cleaned === "" ? "vpc" : cleaned;
}

/**
 * The VPC's flow logs, every accepted and rejected flow of every ENI, in a Simple Log
 * Service logstore kept `flowLogRetentionDays` and encrypted at rest (SLS's own AES key;
 * a key of one's own in KMS would need a RAM role SLS assumes, which the account grants).
 * The project is the network's own: an SLS project name is unique across all of Alibaba
 * Cloud, hence its random end, drawn once and kept in the state.
 *
 * Needs the account's Simple Log Service and VPC flow logs activated (the catalog's
 * `sls-activation` and `vpc-flow-log-activation` prerequisites).
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/r/vpc_flow_log.html.markdown
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/r/log_store.html.markdown (encrypt_conf: "default" is AES)
 * ref: https://www.alibabacloud.com/help/en/vpc/user-guide/flow-logs-overview
 */
export function recordAlicloudFlowLogs(scope: Construct, networkName: string, vpcId: string, catalog: AlicloudCatalog): VpcFlowLog {
  useRandomProvider(scope);
  const suffix = new Id(scope, "FlowLogsNameSuffix", { byteLength: PROJECT_SUFFIX_LENGTH / 2 }).hex;
  const project = new LogProject(scope, "FlowLogsProject", {
    projectName: `${flowLogProjectPrefix(networkName)}${PROJECT_INFIX}${suffix}`,
    description: `Flow logs of the VPC ${networkName}`,
  });
  const store = new LogStore(scope, "FlowLogsStore", {
    projectName: project.projectName,
    logstoreName: "flow-logs",
    retentionPeriod: catalog.alicloud.flowLogRetentionDays,
    autoSplit: true,
    // SLS's range is 1 to 256; a VPC's flows split past the two first shards only under heavy traffic.
    maxSplitShardCount: 64,
    encryptConf: { enable: true, encryptType: "default" },
  });
  return new VpcFlowLog(scope, "FlowLogs", {
    flowLogName: `${networkName}-flow-logs`,
    description: `Every flow of the VPC ${networkName}, accepted or rejected`,
    resourceType: "VPC",
    resourceId: vpcId,
    trafficType: "All",
    trafficPath: ["all"],
    projectName: project.projectName,
    logStoreName: store.logstoreName,
  });
}
