import { DeliveryPlanError } from "./errors";
import { Access, CloudSignIn, PinnedAction, roleVariable, usesPinned, variableExpression } from "./cloud-sign-in";

/**
 * aws-actions/configure-aws-credentials: with `role-to-assume` and the job's `id-token: write`
 * permission it calls STS AssumeRoleWithWebIdentity with GitHub's OIDC token (audience
 * `sts.amazonaws.com`, its default) and exports AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN, which the AWS provider and the S3 backend read. `role-duration-seconds`
 * above 3600 needs the role's maximum session duration raised to match.
 * ref: https://github.com/aws-actions/configure-aws-credentials/blob/e6de054238d6b7531b4efff3b6587d9aade6a06c/action.yml
 *   (inputs aws-region (required), role-to-assume, role-session-name, role-duration-seconds, audience)
 */
export const CONFIGURE_AWS_CREDENTIALS: PinnedAction = Object.freeze({
  repository: "aws-actions/configure-aws-credentials",
  version: "v6.2.3",
  commit: "e6de054238d6b7531b4efff3b6587d9aade6a06c",
  released: "2026-07-22",
  ref: "https://github.com/aws-actions/configure-aws-credentials/blob/v6.2.3/action.yml",
  inputs: ["role-to-assume", "aws-region", "role-session-name", "role-duration-seconds"],
  requiredInputs: ["aws-region"],
});

/** AWS: an IAM role trusting GitHub's OIDC provider, assumed by the official action. */
export const AWS_SIGN_IN: CloudSignIn = Object.freeze<CloudSignIn>({
  cloud: "aws",
  title: "AWS",
  providers: ["aws"],
  // The add-ons and workloads stacks' providers take their token from `aws eks get-token` (lib/aws/kubernetes-access.ts).
  clusterTools: [
    {
      name: "AWS CLI v2, for the cluster's token",
      run: 'aws --version 2>&1 | grep -q "^aws-cli/2" || { echo "::error::the runner needs AWS CLI v2 on its PATH: the cluster\'s providers run aws eks get-token"; exit 1; }',
    },
  ],
  actions: [CONFIGURE_AWS_CREDENTIALS],
  variables: (access: Access) => [{ name: roleVariable("aws", access), holds: `the ARN of the IAM role for ${access}` }],
  steps: ({ access, region, sessionName, sessionSeconds }) => {
    if (region === undefined) throw new DeliveryPlanError("AWS sign-in needs the region of the lane's aws provider, which the synthesized stack does not hold as a literal");
    return [
      {
        name: `AWS credentials (OIDC, ${access} role)`,
        uses: usesPinned(CONFIGURE_AWS_CREDENTIALS),
        with: {
          "role-to-assume": variableExpression(roleVariable("aws", access)),
          "aws-region": region,
          "role-session-name": sessionName,
          "role-duration-seconds": sessionSeconds,
        },
      },
    ];
  },
});
