/** The cdktf output folder cannot be read as a synthesized app. */
export class SynthesizedAppError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SynthesizedAppError";
  }
}

/** The synthesized app cannot be delivered lane by lane as it stands, or a workflow cannot be written for it. */
export class DeliveryPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeliveryPlanError";
  }
}

/** A step of a sign-in failed; the message says which and why, never a secret. */
export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignInError";
  }
}
