import { App, TerraformStack } from "cdktf";
import { BookstoreProps, BookstoreStacks, Cloud, ICloud } from "../../lib";
import { exampleProps } from "../../examples/bookstore-app";
import { newStack, synthJson, TerraformJson } from "./synth";

/** The clouds the cross-cloud tests run over, each in a region its catalog has. */
export const TEST_CLOUDS: readonly { name: string; make: () => ICloud }[] = [{ name: "aws", make: () => Cloud.aws({ region: "eu-central-1" }) }];

/** The example bookstore's props with some replaced. */
export function bookstoreProps(cloud: ICloud, overrides: Partial<Omit<BookstoreProps, "cloud">> = {}): BookstoreProps {
  return { ...exampleProps(cloud), ...overrides, cloud };
}

/** The example bookstore on one cloud, synthesized. */
export function synthBookstore(cloud: ICloud, overrides: Partial<Omit<BookstoreProps, "cloud">> = {}): { json: TerraformJson; stack: TerraformStack; app: App } {
  const app = newStack().app;
  const stacks = new BookstoreStacks(app, cloud, { ...exampleProps(cloud), ...overrides });
  return { json: synthJson(stacks.infrastructure), stack: stacks.infrastructure, app };
}
