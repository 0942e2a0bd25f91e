import { Access, CloudSignIn, roleVariable, variableExpression } from "./cloud-sign-in";
import { signInToTencentcloud } from "./tencentcloud-web-identity";

// The catalog's TCCLI (lib/tencentcloud/catalog.ts, tencentcloud.tccli), which lib/ci may not
// import: test/tencentcloud/cluster-credential.test.ts holds the generated workflow to it.
const TCCLI_VERSION = "3.1.189.1";
const TCCLI_SDK_VERSION = "3.1.189";

/** The repository variable holding the name of the CAM OIDC identity provider that trusts GitHub. */
export const TENCENTCLOUD_OIDC_PROVIDER_VARIABLE = "TENCENTCLOUD_OIDC_PROVIDER_ID";

/**
 * Tencent Cloud: a CAM role trusting a CAM OIDC identity provider for GitHub, assumed by
 * this package's own command (`lib/ci/tencentcloud-web-identity.ts`: Tencent Cloud publishes
 * no GitHub Action), run from the project's node_modules after `npm ci`. The step's values
 * reach the command through its environment, never through `${{ }}` in the script.
 */
export const TENCENTCLOUD_SIGN_IN: CloudSignIn = Object.freeze<CloudSignIn>({
  cloud: "tencentcloud",
  title: "Tencent Cloud",
  providers: ["tencentcloud"],
  actions: [],
  // The workloads stack's providers get TKE's client certificate from TCCLI (lib/tencentcloud/cluster-credential.ts).
  clusterTools: [{ name: "TCCLI, for the cluster's credential", run: `python3 -m pip install --quiet tccli==${TCCLI_VERSION} tencentcloud-sdk-python==${TCCLI_SDK_VERSION}` }],
  variables: (access: Access) => [
    { name: roleVariable("tencentcloud", access), holds: `the ARN of the CAM role for ${access} (qcs::cam::uin/<account>:roleName/<name>)` },
    { name: TENCENTCLOUD_OIDC_PROVIDER_VARIABLE, holds: "the name of the CAM OIDC identity provider for https://token.actions.githubusercontent.com (CreateOIDCConfig's Name)" },
  ],
  command: {
    options: ["role-arn", "provider-id", "session-name", "region", "duration-seconds"],
    optional: ["duration-seconds"],
    run: async (options, env, log) => {
      await signInToTencentcloud({
        roleArn: options["role-arn"],
        providerId: options["provider-id"],
        sessionName: options["session-name"],
        region: options.region,
        durationSeconds: options["duration-seconds"] === undefined ? undefined : Number(options["duration-seconds"]),
        env,
        log,
      });
    },
  },
  steps: ({ access, region, sessionName, sessionSeconds }) => [
    {
      name: `Tencent Cloud credentials (CAM OIDC, STS AssumeRoleWithWebIdentity, ${access} role)`,
      env: {
        ROLE_ARN: variableExpression(roleVariable("tencentcloud", access)),
        PROVIDER_ID: variableExpression(TENCENTCLOUD_OIDC_PROVIDER_VARIABLE),
        SESSION_NAME: sessionName,
      },
      run: [
        "npx --no-install multicloud-bookstore-ci sign-in tencentcloud",
        '--role-arn "$ROLE_ARN" --provider-id "$PROVIDER_ID" --session-name "$SESSION_NAME"',
        `--region ${region ?? "ap-guangzhou"} --duration-seconds ${sessionSeconds}`,
      ].join(" "),
    },
  ],
});
