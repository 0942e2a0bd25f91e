import { Cloud } from "../../lib";
import { synthBookstore } from "../support/bookstore";
import { forSnapshot } from "../support/normalize";

// One snapshot of the whole example bookstore on Tencent Cloud: a pull request shows
// every change to what Terraform would plan, and nothing else.
test("the whole Tencent Cloud bookstore", () => {
  const { json } = synthBookstore(Cloud.tencentcloud({ region: "ap-guangzhou" }));
  expect(forSnapshot(json)).toMatchSnapshot();
});
