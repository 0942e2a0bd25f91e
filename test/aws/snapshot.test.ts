import { Cloud } from "../../lib";
import { synthBookstore } from "../support/bookstore";
import { forSnapshot } from "../support/normalize";

// One snapshot of the whole example bookstore on AWS: a pull request shows every change
// to what Terraform would plan, and nothing else.
test("the whole AWS bookstore", () => {
  const { json } = synthBookstore(Cloud.aws({ region: "eu-central-1" }));
  expect(forSnapshot(json)).toMatchSnapshot();
});
