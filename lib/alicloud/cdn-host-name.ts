import { Construct } from "constructs";
import { DataAlicloudOosParameters } from "../generated/alicloud/data-alicloud-oos-parameters";
import { OosParameter } from "../generated/alicloud/oos-parameter";
import { AlicloudProvider } from "../generated/alicloud/provider";
import type { CloudCatalog } from "../core/catalog";
import { hostNameRecordPath, ICdnHostNameSource } from "../core/cdn";
import { readingProvider } from "../core/stack-provider";
import { ValidationError } from "../core/validation";

/** OOS's limit on a parameter's name. */
const MAX_NAME_LENGTH = 180;

/**
 * Alibaba Cloud CDN's host name (its CNAME), published for other stacks as an OOS common
 * parameter of the CDN stack's region, `front-doors/<stack>/<construct path>/host-name`: a plain
 * `String` holding the host name and nothing else, so a reader needs
 * `oos:GetParameter`/`oos:ListParameters`, never the CDN stack's state. Provider 1.289.0
 * has no data source that reads a CDN domain's CNAME. The reader looks the parameter up by
 * its exact name (`ids`), and a plan stops, saying why, when it does not exist yet.
 * ref: https://developer.hashicorp.com/terraform/language/state/remote-state-data#alternative-ways-to-share-data-between-configurations
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/website/docs/r/oos_parameter.html.markdown (name: 2 to 180 letters, digits, - / _; not beginning with ALIYUN, ACS, ALIBABA, ALICLOUD or OOS)
 * ref: https://github.com/aliyun/terraform-provider-alicloud/blob/v1.289.0/alicloud/data_source_alicloud_oos_parameters.go (ids filter exactly; value with enable_details)
 */
export function publishCdnHostName(scope: Construct, hostName: string, cloud: { readonly name: string; readonly region: string; readonly catalog: CloudCatalog }): ICdnHostNameSource {
  const name = `front-doors/${hostNameRecordPath(scope).join("/")}/host-name`;
  if (name.length > MAX_NAME_LENGTH) {
    throw new ValidationError(scope, "id", scope.node.path, `a stack name and construct path short enough for the OOS parameter that publishes the CDN's host name, ${name} (${name.length} characters, at most ${MAX_NAME_LENGTH})`);
  }
  new OosParameter(scope, "HostNameParameter", {
    parameterName: name,
    type: "String",
    value: hostName,
    description: "The CDN's host name, for the stacks that point DNS at it",
  });
  return {
    readIn(reader: Construct): string {
      const provider = readingProvider(reader, cloud, {
        isInstance: (node): node is AlicloudProvider => node instanceof AlicloudProvider,
        create: (stack, id, alias) => new AlicloudProvider(stack, id, { region: cloud.region, alias }),
      });
      const found = new DataAlicloudOosParameters(reader, "HostName", {
        ids: [name],
        parameterName: name,
        enableDetails: true,
        provider,
        lifecycle: {
          postcondition: [{ condition: "${length(self.parameters) == 1}", errorMessage: `OOS in ${cloud.region} has no parameter ${name}: deploy the stack that creates its CDN first` }],
        },
      });
      return found.parameters.get(0).value;
    },
  };
}
