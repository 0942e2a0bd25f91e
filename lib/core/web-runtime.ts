import { IConstruct } from "constructs";
import { requireNumberInRange, ValidationError } from "./validation";

/**
 * Where the web tier runs behind the one load balancer: on autoscaled VMs, on the
 * Kubernetes cluster's pods, or on both with a share of the requests each, for moving a
 * shop from one to the other without touching the load balancer, the CDN or the database.
 */
export class WebRuntime {
  /** Autoscaled VMs only, registered with the load balancer by instance. */
  public static vms(): WebRuntime {
    return new WebRuntime(100, 0);
  }

  /** The cluster's pods only, registered with the load balancer by the cloud's controller. */
  public static kubernetes(): WebRuntime {
    return new WebRuntime(0, 100);
  }

  /**
   * Both, each receiving a percentage of the requests (together 100), e.g.
   * `{ vmsPercent: 90, kubernetesPercent: 10 }` for the first step of a move.
   */
  public static weighted(shares: { readonly vmsPercent: number; readonly kubernetesPercent: number }): WebRuntime {
    return new WebRuntime(shares?.vmsPercent, shares?.kubernetesPercent);
  }

  private constructor(
    /** Percent of requests the VMs receive. */
    public readonly vmsPercent: number,
    /** Percent of requests the pods receive. */
    public readonly kubernetesPercent: number,
  ) {}

  /** True when the VMs receive requests. */
  public get usesVms(): boolean {
    return this.vmsPercent > 0;
  }

  /** True when the pods receive requests. */
  public get usesKubernetes(): boolean {
    return this.kubernetesPercent > 0;
  }

  /** True when both receive requests. */
  public get isWeighted(): boolean {
    return this.usesVms && this.usesKubernetes;
  }

  /**
   * Refuses shares that are not whole percentages adding up to 100, or a weighted split on
   * a load balancer that cannot split.
   */
  public validate(scope: IConstruct, field: string, cloud: { readonly name: string; readonly catalog: { readonly capabilities: { readonly weightedWebRuntimes: boolean } } }): void {
    requireNumberInRange(scope, `${field}.vmsPercent`, this.vmsPercent, { min: 0, max: 100, unit: "percent" });
    requireNumberInRange(scope, `${field}.kubernetesPercent`, this.kubernetesPercent, { min: 0, max: 100, unit: "percent" });
    if (!Number.isInteger(this.vmsPercent) || !Number.isInteger(this.kubernetesPercent) || this.vmsPercent + this.kubernetesPercent !== 100) {
      throw new ValidationError(scope, field, `{ vmsPercent: ${this.vmsPercent}, kubernetesPercent: ${this.kubernetesPercent} }`, "whole percentages that add up to 100, e.g. WebRuntime.weighted({ vmsPercent: 90, kubernetesPercent: 10 })");
    }
    if (this.isWeighted && !cloud.catalog.capabilities.weightedWebRuntimes) {
      throw new ValidationError(scope, field, `{ vmsPercent: ${this.vmsPercent}, kubernetesPercent: ${this.kubernetesPercent} }`, `WebRuntime.vms() or WebRuntime.kubernetes(): ${cloud.name}'s load balancer cannot split requests by weight between VMs and pods here`);
    }
  }
}
