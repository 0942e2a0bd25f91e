#!/usr/bin/env node
/*
 * A stand-in for the terraform binary, for test/deploy-commands.test.ts: the cdktf CLI
 * runs it instead of terraform when TERRAFORM_BINARY_NAME names this file. It touches
 * no cloud, registry or state: it appends one line per invocation to the file named by
 * TERRAFORM_STAND_IN_LOG, `<stack folder> <arguments>` as JSON, e.g.
 * ["bookstore-aws","apply","-auto-approve"], and prints the least the CLI needs to take
 * each step as done (exit code 0 everywhere):
 *
 *   version -json   {"terraform_version":"1.11.0",...}  (the CLI's version probe, at start)
 *   -v, version     Terraform v1.11.0
 *   init            "Terraform has been successfully initialized!"
 *   plan            "No changes. ..."
 *   apply, destroy  "Apply complete! ..." / "Destroy complete! ..."
 *   output -json    {}  (no outputs)
 *   anything else   nothing
 */
"use strict";

const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
const log = process.env.TERRAFORM_STAND_IN_LOG;
if (log) fs.appendFileSync(log, `${JSON.stringify([path.basename(process.cwd()), ...args])}\n`);

const command = args.find((arg) => !arg.startsWith("-")) ?? args[0];
const VERSION = "1.11.0";

switch (command) {
  case "version":
    if (args.includes("-json")) {
      console.log(JSON.stringify({ terraform_version: VERSION, platform: "linux_amd64", provider_selections: {}, terraform_outdated: false }));
    } else {
      console.log(`Terraform v${VERSION}`);
    }
    break;
  case "-v":
  case "-version":
    console.log(`Terraform v${VERSION}`);
    break;
  case "init":
    console.log("Terraform has been successfully initialized!");
    break;
  case "plan":
    console.log("No changes. Your infrastructure matches the configuration.");
    break;
  case "apply":
    console.log("Apply complete! Resources: 0 added, 0 changed, 0 destroyed.");
    break;
  case "destroy":
    console.log("Destroy complete! Resources: 0 destroyed.");
    break;
  case "output":
    console.log("{}");
    break;
  default:
    break;
}
