import { Cloud } from "../../lib";
import { synthBookstore } from "../support/bookstore";
import { forSnapshot } from "../support/normalize";

// One snapshot of the whole example bookstore on Alibaba Cloud: a pull request shows
// every change to what Terraform would plan, and nothing else.
test("the whole Alibaba Cloud bookstore", () => {
  const { json } = synthBookstore(Cloud.alicloud({ region: "cn-hangzhou", kmsInstanceId: "kst-hzz00000000000000000" }));
  expect(forSnapshot(json)).toMatchSnapshot();
});
