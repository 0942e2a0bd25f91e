// Scaling benchmark: N bookstores in one app, `node scale.js N` (default 1), each with its
// own name (shop1..shopN), domain, network and stacks (`shopK-<cloud>`), on every cloud
// named by BOOKSTORE_CLOUDS (default: every implemented cloud).
import { App } from "../lib/core/cdktf";
import { BookstoreStacks } from "../lib";
import { exampleProps, selectedClouds } from "../examples/bookstore-app";

const count = Number(process.argv[2] ?? "1");
if (!Number.isInteger(count) || count < 1) throw new Error(`usage: scale.js N (N a whole number >= 1), got ${process.argv[2]}`);

const app = new App();
const clouds = selectedClouds(process.env.BOOKSTORE_CLOUDS);
for (let k = 1; k <= count; k++) {
  for (const cloud of clouds) {
    const props = exampleProps(cloud);
    new BookstoreStacks(app, `shop${k}-${cloud.name}`, { ...props, cloud, name: `shop${k}`, domain: `shop${k}.example.com` });
  }
}
app.synth();
