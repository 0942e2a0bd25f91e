// Runs before every test file (package.json, jest.setupFiles): with FULL=1, properties
// that state no budget draw ten times fast-check's default too (./property-budget.ts).
import { configurePropertyDefaults } from "./property-budget";

configurePropertyDefaults();
