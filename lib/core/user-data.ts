import { IConstruct } from "constructs";
import { Token } from "./cdktf";
import type { CloudLimits } from "./catalog";
import { ValidationError } from "./validation";

/** Room kept for a value known only at apply time (a database host, a secret's ARN). */
const UNRESOLVED_VALUE_BYTES = 256;

/**
 * The boot script's Docker installation unless a cloud's adapter names its own: the
 * distribution's `docker` package (dnf, yum or apt), which holds Docker itself on Amazon
 * Linux 2023 and Debian/Ubuntu. A distribution whose `docker` package is something else
 * (Alibaba Cloud Linux 3 has no Docker in its own repositories) needs its cloud's lines.
 */
export const DISTRIBUTION_DOCKER_INSTALL: readonly string[] = [
  "if command -v dnf >/dev/null; then dnf install -y docker; elif command -v yum >/dev/null; then yum install -y docker; else apt-get update && apt-get install -y docker.io; fi",
];

/**
 * A boot script that installs Docker and runs one container with the host's network.
 *
 * The environment goes into an env file written from a quoted heredoc, so no value is
 * ever interpreted by the shell; values may be Terraform references, resolved at apply.
 *
 * @param beforeRun shell lines a cloud adapter runs once Docker is up and before the
 *   container starts, e.g. a login to the cloud's own registry with the VM's role
 * @param installDocker shell lines that install Docker (its service is then enabled and
 *   started), from the cloud's catalog where the image needs its own; they run under
 *   `set -euo pipefail`, so a failed step stops the boot
 */
export function containerUserData(
  image: string,
  environment: Readonly<Record<string, string>>,
  beforeRun: readonly string[] = [],
  installDocker: readonly string[] = DISTRIBUTION_DOCKER_INSTALL,
): string {
  const envLines = Object.entries(environment)
    // A plain code-point order: localeCompare would load ICU collation data for nothing.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`);
  return [
    "#!/bin/bash",
    "set -euo pipefail",
    ...installDocker,
    "systemctl enable --now docker",
    "install -m 0600 /dev/null /etc/bookstore.env",
    "cat > /etc/bookstore.env <<'BOOKSTORE_ENV'",
    ...envLines,
    "BOOKSTORE_ENV",
    ...beforeRun,
    `docker run --detach --name bookstore --restart always --network host --env-file /etc/bookstore.env ${image}`,
    "",
  ].join("\n");
}

/** Where the boot script keeps a private registry's Docker config while it pulls: root's alone, in memory. */
export const REGISTRY_CONFIG_DIR = "/run/bookstore-registry";

/**
 * Boot-script lines that pull the image with a private registry's Docker config, which
 * `printConfig` (a shell pipeline run with the VM's role) prints from the secret store. The
 * config is written with umask 077 into a directory of /run, a tmpfs (never on disk), only
 * the pull reads it (`DOCKER_CONFIG`), and it is removed after the pull, or when the script
 * stops on an error; `docker run` then finds the image locally. The lines hold no double
 * quote or backslash, which the user data's Terraform string would read as syntax.
 * ref: https://docs.docker.com/reference/cli/docker/#environment-variables (DOCKER_CONFIG: the client's config directory)
 * ref: https://docs.docker.com/reference/cli/docker/container/run/#pull (docker run pulls only a missing image by default)
 * ref: https://www.freedesktop.org/software/systemd/man/latest/file-hierarchy.html (/run: a tmpfs for runtime data)
 */
export function privateRegistryPullLines(image: string, printConfig: string): string[] {
  const dir = REGISTRY_CONFIG_DIR;
  return [
    `trap 'rm -rf ${dir}' EXIT`,
    `(umask 077 && mkdir ${dir} && ${printConfig} > ${dir}/config.json)`,
    `DOCKER_CONFIG=${dir} docker pull ${image}`,
    `rm -rf ${dir}`,
  ];
}

/** True when a value can go on one env-file line: no newline, unless it is a reference. */
export function isSingleLine(value: string): boolean {
  return Token.isUnresolved(value) || !/[\r\n]/.test(value);
}

/** True when a literal holds `${` or `%{`, which Terraform would read as its own template syntax. */
export function hasTerraformTemplateSequence(value: string): boolean {
  return !Token.isUnresolved(value) && /[$%]\{/.test(value);
}

/**
 * True when a value can go into the user data as written: one line, and nothing the
 * Terraform string around the script would read as syntax (a double quote, a backslash,
 * `${` or `%{`). A reference is always fine.
 */
export function isUserDataValue(value: string): boolean {
  return Token.isUnresolved(value) || (isSingleLine(value) && !/["\\]/.test(value) && !hasTerraformTemplateSequence(value));
}

/**
 * Refuses an environment that makes the boot script larger than the cloud takes (EC2: 16
 * KB), which would otherwise fail only at apply time. A value known only at apply time
 * counts as 256 bytes (a line of `beforeRun` holding one, as itself plus 256).
 */
export function requireUserDataFits(
  scope: IConstruct,
  field: string,
  image: string,
  environment: Readonly<Record<string, string>>,
  limit: CloudLimits["userData"],
  beforeRun: readonly string[] = [],
  installDocker: readonly string[] = DISTRIBUTION_DOCKER_INSTALL,
): void {
  const estimate = (value: string) => (Token.isUnresolved(value) ? "x".repeat(UNRESOLVED_VALUE_BYTES) : value);
  const script = containerUserData(
    estimate(image),
    Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, estimate(value)])),
    beforeRun.map((line) => (Token.isUnresolved(line) ? line + "x".repeat(UNRESOLVED_VALUE_BYTES) : line)),
    installDocker,
  );
  const rawBytes = Buffer.byteLength(script, "utf8");
  const bytes = limit.measuredAfterBase64 ? 4 * Math.ceil(rawBytes / 3) : rawBytes;
  if (bytes > limit.maxBytes) {
    const measured = limit.measuredAfterBase64 ? "Base64-encoded " : "";
    throw new ValidationError(
      scope,
      field,
      `${Object.keys(environment).length} variables making ${bytes} bytes of ${measured}user data`,
      `an environment whose boot script fits the cloud's ${limit.maxBytes} bytes of ${measured}user data; keep large settings out of it (a config file in the image, a parameter store)`,
    );
  }
}
