import { ValidationError } from "./validation";

/** Marks a process whose handler is installed, so that a second call adds none. */
const INSTALLED = Symbol.for("multicloud-bookstore.handleValidationErrors");

/** What the handler needs of a process: Node's `process` has it. */
export interface ErrorReportingProcess {
  /** Registers the `uncaughtException` listener. */
  on(event: "uncaughtException", listener: (error: unknown) => void): unknown;
  /** Where the line goes. */
  readonly stderr: {
    /** Writes the report. */
    write(text: string): unknown;
  };
  /** Ends the program. */
  exit(code: number): never;
}

/** True for a `ValidationError`, also one thrown by another copy of this library (a bundle's). */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError || (error instanceof Error && error.name === "ValidationError" && "field" in error && "allowed" in error);
}

/** The one line a `ValidationError` is reported by; any other error's stack trace, as Node prints it. */
export function errorReport(error: unknown): string {
  if (isValidationError(error)) return `error: ${error.message}`;
  return error instanceof Error && typeof error.stack === "string" ? error.stack : String(error);
}

/**
 * Ends the program with one line, `error: <construct path>: invalid <prop> <value>; allowed:
 * ...`, and exit code 1, when a `ValidationError` reaches the top of your app, instead of
 * Node's stack trace of the library's internals. Other errors still print their stack trace
 * and exit with 1. Call it first in your `main.ts`, which the cdktf CLI runs (`cdktf.json`'s
 * `app`); the CLI then shows that one line:
 *
 *   import { handleValidationErrors } from "multicloud-bookstore";
 *   handleValidationErrors();
 *
 * @param target the process whose uncaught errors to report
 * @default target: the current process
 */
export function handleValidationErrors(target: ErrorReportingProcess = process): void {
  const marked = target as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  target.on("uncaughtException", (error: unknown) => {
    target.stderr.write(`${errorReport(error)}\n`);
    target.exit(1);
  });
}
