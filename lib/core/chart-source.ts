import { isUnresolved, ValidationError, type ValidationScope } from "./validation";

/** A Helm chart as a catalog names it: the public repository it is published in, its name and the pinned version. */
export interface ChartReference {
  /** The chart repository's URL. */
  readonly repository: string;
  /** The chart's name in that repository. */
  readonly chart: string;
  /** The chart's version. */
  readonly version: string;
}

/** What a `helm_release` is given to find its chart: a repository and a name, or a local file. */
export interface ChartLocation {
  /** The repository's URL; absent for a local chart. */
  readonly repository?: string;
  /** The chart's name in the repository, or the path of a packaged chart (`.tgz`). */
  readonly chart: string;
  /** The chart's pinned version, the same whether it comes from the repository or a local file. */
  readonly version: string;
}

/**
 * Where the add-ons stack's Helm releases take their charts from.
 *
 * - `ChartSource.repositories()` (the default): each chart from the public repository
 *   its catalog names (e.g. `https://aws.github.io/eks-charts`).
 * - `ChartSource.localDirectory(dir)`: every chart from a directory of packaged charts,
 *   `<dir>/<chart>-<version>.tgz` as `helm pull <repo>/<chart> --version <version>` writes
 *   them, for teams whose deploy has no way to the public repositories (and for the local
 *   rehearsal). The same versions are pinned either way: a file of another version is not
 *   the one the release names, and Helm fails the plan naming the missing file.
 *   The charts' images still come from their registries (the chart's values name them).
 */
export class ChartSource {
  /** Each chart from the public repository its catalog names. */
  public static repositories(): ChartSource {
    return new ChartSource(undefined);
  }

  /**
   * Every chart from `directory`, an absolute path on the machine that deploys, holding
   * `<chart>-<version>.tgz` for each release.
   */
  public static localDirectory(directory: string): ChartSource {
    return new ChartSource(directory);
  }

  private constructor(
    /** The directory of packaged charts; undefined for the public repositories. */
    public readonly directory: string | undefined,
  ) {}

  /** Refuses a directory that is empty or relative (Terraform would resolve it from the stack's folder under cdktf.out). */
  public validate(scope: ValidationScope, field: string): void {
    const directory = this.directory;
    if (directory === undefined || isUnresolved(directory)) return;
    if (typeof directory !== "string" || !directory.startsWith("/") || /[\u0000-\u001f]/.test(directory)) {
      throw new ValidationError(scope, field, directory, "an absolute path to a directory of packaged charts (<chart>-<version>.tgz)");
    }
  }

  /** Where a release finds the chart: its repository, or the packaged file in the directory. */
  public locate(chart: ChartReference): ChartLocation {
    if (this.directory === undefined) return { repository: chart.repository, chart: chart.chart, version: chart.version };
    return { chart: `${this.directory.replace(/\/+$/, "")}/${chart.chart}-${chart.version}.tgz`, version: chart.version };
  }
}
