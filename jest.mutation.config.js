// Jest for `npm run mutation` (stryker.config.mjs): the repository's Jest settings
// without the global setup that synthesizes the whole example app, and only the suites
// of the pure modules. A mutant then counts as killed only when an assertion about the
// rule fails, never because building the bookstore crashed.
const { globalSetup, globalTeardown, ...base } = require("./package.json").jest;

module.exports = {
  ...base,
  // lib/ in the module map too, so --findRelatedTests (stryker.config.mjs) follows imports through it.
  roots: ["<rootDir>/test", "<rootDir>/lib"],
  testMatch: [
    "<rootDir>/test/core/cidr.test.ts",
    "<rootDir>/test/core/names.test.ts",
    "<rootDir>/test/core/validation.test.ts",
    "<rootDir>/test/core/placement.test.ts",
    "<rootDir>/test/core/container-image.test.ts",
    "<rootDir>/test/core/support-window.test.ts",
    "<rootDir>/test/policy/evaluate.test.ts",
    "<rootDir>/test/policy/stack-view.test.ts",
    "<rootDir>/test/policy/rule.test.ts",
    "<rootDir>/test/policy/schema-validator.test.ts",
    "<rootDir>/test/policy/kubernetes-rules.test.ts",
  ],
};
