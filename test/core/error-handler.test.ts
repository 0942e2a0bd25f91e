import { EventEmitter } from "events";
import { errorReport, handleValidationErrors, isValidationError, ValidationError } from "../../lib";

/** A process whose uncaught errors the test raises itself, recording what the handler writes and the exit code. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const written: string[] = [];
  const exits: number[] = [];
  const target = {
    on: (event: "uncaughtException", listener: (error: unknown) => void) => emitter.on(event, listener),
    stderr: { write: (text: string) => written.push(text) },
    exit: ((code: number) => {
      exits.push(code);
    }) as (code: number) => never,
  };
  return { target, emitter, written, exits };
}

describe("handleValidationErrors", () => {
  test("a ValidationError that reaches the top ends the program with one line and exit code 1", () => {
    const { target, emitter, written, exits } = fakeProcess();
    handleValidationErrors(target);
    emitter.emit("uncaughtException", new ValidationError("bookstore-aws/Bookstore", "web.port", 70000, "a port from 1 to 65535"));
    expect(written).toEqual(['error: bookstore-aws/Bookstore: invalid web.port 70000; allowed: a port from 1 to 65535\n']);
    expect(exits).toEqual([1]);
  });

  test("any other error keeps its stack trace", () => {
    const { target, emitter, written, exits } = fakeProcess();
    handleValidationErrors(target);
    const bug = new TypeError("x is undefined");
    emitter.emit("uncaughtException", bug);
    expect(written).toEqual([`${bug.stack}\n`]);
    expect(written[0]).toMatch(/\n\s+at /);
    expect(exits).toEqual([1]);
  });

  test("a second call adds no second handler", () => {
    const { target, emitter, written } = fakeProcess();
    handleValidationErrors(target);
    handleValidationErrors(target);
    emitter.emit("uncaughtException", new ValidationError("<root>", "name", "", "a name"));
    expect(written).toHaveLength(1);
  });

  test("recognizes a ValidationError of another copy of the library by its name and fields, not a look-alike", () => {
    const copy = Object.assign(new Error("<root>: invalid name; allowed: a name"), { name: "ValidationError", field: "name", allowed: "a name" });
    expect(isValidationError(copy)).toBe(true);
    expect(errorReport(copy)).toBe("error: <root>: invalid name; allowed: a name");
    expect(isValidationError(Object.assign(new Error("boom"), { name: "ValidationError" }))).toBe(false);
    expect(errorReport("a string")).toBe("a string");
  });
});
