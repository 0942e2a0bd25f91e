import { AlicloudCloud, AlicloudCloudProps } from "./alicloud/cloud";
import { AwsCloud, AwsCloudProps } from "./aws/cloud";
import { ICloud } from "./core/cloud";
import { TencentcloudCloud, TencentcloudCloudProps } from "./tencentcloud/cloud";

/**
 * The entry point to every cloud: `Cloud.aws({ region: "eu-central-1" })`. The only
 * place that names the cloud folders, so the composition and the core never do.
 */
export class Cloud {
  /** Amazon Web Services. */
  public static aws(props: AwsCloudProps): AwsCloud {
    return new AwsCloud(props);
  }

  /** Tencent Cloud. */
  public static tencentcloud(props: TencentcloudCloudProps): TencentcloudCloud {
    return new TencentcloudCloud(props);
  }

  /** Alibaba Cloud. */
  public static alicloud(props: AlicloudCloudProps): AlicloudCloud {
    return new AlicloudCloud(props);
  }

  /** The names of the clouds this version implements, in the order they were added. */
  public static readonly implemented: readonly string[] = ["aws", "tencentcloud", "alicloud"];

  /** A cloud by name with its region, e.g. from configuration. Throws for an unknown name. */
  public static byName(name: string, region: string): ICloud {
    switch (name) {
      case "aws":
        return Cloud.aws({ region });
      case "tencentcloud":
        return Cloud.tencentcloud({ region });
      case "alicloud":
        return Cloud.alicloud({ region });
      default:
        throw new Error(`unknown cloud "${name}"; implemented: ${Cloud.implemented.join(", ")}`);
    }
  }

  private constructor() {}
}
