import { Access, CloudSignIn, PinnedAction, roleVariable, usesPinned, variableExpression } from "./cloud-sign-in";

/** The repository variable holding the ARN of the RAM OIDC identity provider that trusts GitHub. */
export const ALICLOUD_OIDC_PROVIDER_VARIABLE = "ALICLOUD_OIDC_PROVIDER_ARN";

/**
 * aliyun/configure-aliyun-credentials-action: with `role-to-assume` and `oidc-provider-arn`
 * it asks GitHub for an OIDC token (audience `sts.aliyuncs.com`, its default), exchanges it
 * with STS AssumeRoleWithOIDC and exports ALICLOUD_ACCESS_KEY, ALICLOUD_SECRET_KEY and
 * ALICLOUD_SECURITY_TOKEN (and the ALIBABA_CLOUD_* names), which the alicloud provider and
 * Terraform's OSS backend read. Its session lasts 1800 s unless `role-session-expiration`
 * says otherwise (at most the role's maximum session duration). It declares `node20`; GitHub's
 * runners run such actions on Node 24 since June 2026.
 * ref: https://github.com/aliyun/configure-aliyun-credentials-action/blob/b347e60e64028a4d567a8f31ca42e1b0706c3c99/action.yml
 *   and index.js (the exported variables)
 * ref: https://github.com/hashicorp/terraform/blob/v1.15.9/internal/backend/remote-state/oss/backend.go (ALICLOUD_* defaults)
 */
export const CONFIGURE_ALIYUN_CREDENTIALS: PinnedAction = Object.freeze({
  repository: "aliyun/configure-aliyun-credentials-action",
  version: "v1.0.7",
  commit: "b347e60e64028a4d567a8f31ca42e1b0706c3c99",
  released: "2025-06-04",
  ref: "https://github.com/aliyun/configure-aliyun-credentials-action/blob/v1.0.7/action.yml",
  inputs: ["role-to-assume", "oidc-provider-arn", "role-session-name", "role-session-expiration"],
  requiredInputs: [],
});

/** Alibaba Cloud: a RAM role trusting a RAM OIDC identity provider for GitHub, assumed by Alibaba Cloud's action. */
export const ALICLOUD_SIGN_IN: CloudSignIn = Object.freeze<CloudSignIn>({
  cloud: "alicloud",
  title: "Alibaba Cloud",
  providers: ["alicloud"],
  actions: [CONFIGURE_ALIYUN_CREDENTIALS],
  variables: (access: Access) => [
    { name: roleVariable("alicloud", access), holds: `the ARN of the RAM role for ${access} (acs:ram::<account>:role/<name>)` },
    { name: ALICLOUD_OIDC_PROVIDER_VARIABLE, holds: "the ARN of the RAM OIDC identity provider for https://token.actions.githubusercontent.com (acs:ram::<account>:oidc-provider/<name>)" },
  ],
  steps: ({ access, sessionName, sessionSeconds }) => [
    {
      name: `Alibaba Cloud credentials (RAM OIDC, ${access} role)`,
      uses: usesPinned(CONFIGURE_ALIYUN_CREDENTIALS),
      with: {
        "role-to-assume": variableExpression(roleVariable("alicloud", access)),
        "oidc-provider-arn": variableExpression(ALICLOUD_OIDC_PROVIDER_VARIABLE),
        "role-session-name": sessionName,
        "role-session-expiration": sessionSeconds,
      },
    },
  ],
});
