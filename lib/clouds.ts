import type { AlicloudCloud, AlicloudCloudProps } from "./alicloud/cloud";
import type { AwsCloud, AwsCloudProps } from "./aws/cloud";
import { ICloud } from "./core/cloud";
import type { TencentcloudCloud, TencentcloudCloudProps } from "./tencentcloud/cloud";

// Each cloud's adapters are loaded on first use: a program that builds only one cloud
// does not pay for loading the others' provider bindings (~0.13 s of a 1 s synth).

/**
 * The entry point to every cloud: `Cloud.aws({ region: "eu-central-1" })`. The only
 * place that names the cloud folders, so the composition and the core never do.
 */
export class Cloud {
  /** Amazon Web Services. */
  public static aws(props: AwsCloudProps): AwsCloud {
    const { AwsCloud: Aws } = require("./aws/cloud") as typeof import("./aws/cloud");
    return new Aws(props);
  }

  /** Tencent Cloud. */
  public static tencentcloud(props: TencentcloudCloudProps): TencentcloudCloud {
    const { TencentcloudCloud: Tencent } = require("./tencentcloud/cloud") as typeof import("./tencentcloud/cloud");
    return new Tencent(props);
  }

  /** Alibaba Cloud. */
  public static alicloud(props: AlicloudCloudProps): AlicloudCloud {
    const { AlicloudCloud: Alibaba } = require("./alicloud/cloud") as typeof import("./alicloud/cloud");
    return new Alibaba(props);
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
