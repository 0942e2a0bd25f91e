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

/** UID and GID the container runs as unless told otherwise: the pods' default too (`kubernetes.workloads.runAsUser`). */
export const DEFAULT_CONTAINER_USER = 10001;

/** Lowest UID a container may run as other than root: clear of the host's own users, as on the pods. */
export const MIN_CONTAINER_USER = 10000;

/** Size of the container's writable /tmp, the same as the pods' `/tmp` emptyDir. */
export const CONTAINER_TMP_MIB = 64;

/**
 * How the container runs on a VM, resolved by `ComputeGroup` from its props: the Docker
 * counterpart of the pods' security context (lib/kubernetes/bookstore-workloads.ts), so
 * the one image meets the same rules on both.
 */
export interface ContainerRunSettings {
  /** UID and GID of the container's process; 0 (root) only with `bindsPortBelow1024`. */
  readonly user: number;
  /** Let the process write to the container's root filesystem; /tmp is writable either way. */
  readonly writableRootFilesystem: boolean;
  /** Keep one capability, NET_BIND_SERVICE, so that root in the container can listen on a port below 1024. */
  readonly bindsPortBelow1024: boolean;
}

/** The hardened default: UID 10001, read-only root filesystem, no capability. */
export const HARDENED_CONTAINER: ContainerRunSettings = Object.freeze({ user: DEFAULT_CONTAINER_USER, writableRootFilesystem: false, bindsPortBelow1024: false });

/**
 * The `docker run` options of the bookstore container. It shares the host's network (the
 * load balancer reaches the VM's port directly), so what else it may do is cut down:
 * - `--user`: never root unless a port below 1024 needs it; a numeric UID and GID work
 *   whether or not the image names them.
 * - `--read-only` with a tmpfs on /tmp, 64 MiB in memory, as the pods' read-only root and
 *   `/tmp` emptyDir; `exec` because Docker's tmpfs default is `noexec` and the pods' /tmp
 *   is not, so an image that runs on the pods runs here.
 * - `--cap-drop ALL`: the default set includes NET_RAW, CHOWN, SETUID and more; a process
 *   on the host's network with NET_RAW could forge packets on the VM's interfaces.
 * - `--security-opt no-new-privileges=true`: no setuid binary or file capability raises a
 *   process later.
 * A port below 1024 needs NET_BIND_SERVICE, which Docker gives only to root: a non-root
 * process gets no added capability in effect (no ambient capabilities), no-new-privileges
 * ignores file capabilities, and the host network's `net.ipv4.ip_unprivileged_port_start`
 * cannot be set per container (Docker refuses `--sysctl net.*` with `--network host`).
 * ref: https://docs.docker.com/reference/cli/docker/container/run/#security-opt (no-new-privileges)
 * ref: https://docs.docker.com/reference/cli/docker/container/run/#read-only
 * ref: https://docs.docker.com/engine/storage/tmpfs/ (options for --tmpfs; noexec, nosuid, nodev by default)
 * ref: https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities (the default capability set)
 * ref: https://docs.docker.com/reference/cli/docker/container/run/#sysctl (network sysctls not allowed with --network=host)
 * ref: https://man7.org/linux/man-pages/man7/capabilities.7.html (capabilities across execve; no_new_privs)
 */
export function dockerRunOptions(settings: ContainerRunSettings): string[] {
  return [
    "--detach",
    "--name bookstore",
    "--restart always",
    "--network host",
    `--user ${settings.user}:${settings.user}`,
    ...(settings.writableRootFilesystem ? [] : ["--read-only"]),
    `--tmpfs /tmp:rw,exec,nosuid,nodev,size=${CONTAINER_TMP_MIB}m,mode=1777`,
    "--cap-drop ALL",
    ...(settings.bindsPortBelow1024 ? ["--cap-add NET_BIND_SERVICE"] : []),
    "--security-opt no-new-privileges=true",
    "--env-file /etc/bookstore.env",
  ];
}

/**
 * A boot script that installs Docker and runs one container with the host's network,
 * hardened as `dockerRunOptions` says.
 *
 * The environment goes into an env file written from a quoted heredoc, so no value is
 * ever interpreted by the shell; values may be Terraform references, resolved at apply.
 *
 * @param container how the container runs (`ComputeGroupSpec.container`)
 * @param beforeRun shell lines a cloud adapter runs once Docker is up and before the
 *   container starts, e.g. a login to the cloud's own registry with the VM's role
 * @param installDocker shell lines that install Docker (its service is then enabled and
 *   started), from the cloud's catalog where the image needs its own; they run under
 *   `set -euo pipefail`, so a failed step stops the boot
 */
export function containerUserData(
  image: string,
  environment: Readonly<Record<string, string>>,
  container: ContainerRunSettings,
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
    `docker run ${dockerRunOptions(container).join(" ")} ${image}`,
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
  container: ContainerRunSettings,
  beforeRun: readonly string[] = [],
  installDocker: readonly string[] = DISTRIBUTION_DOCKER_INSTALL,
): void {
  const estimate = (value: string) => (Token.isUnresolved(value) ? "x".repeat(UNRESOLVED_VALUE_BYTES) : value);
  const script = containerUserData(
    estimate(image),
    Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, estimate(value)])),
    container,
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
