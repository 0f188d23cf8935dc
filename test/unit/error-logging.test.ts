// What the server logs for an error: one line for an unknown address, the whole error otherwise.
import { afterEach, describe, expect, it, vi } from "vitest";
import { UNSAFE_ErrorResponseImpl as ErrorResponse } from "@remix-run/router";
import { handleError } from "~/entry.server";

const args = (path: string, init: RequestInit = {}) => ({ request: new Request(`http://localhost${path}`, init), params: {}, context: {} as never });

afterEach(() => vi.restoreAllMocks());

describe("handleError", () => {
  it("logs an address that matches no page as one line without a stack", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    // The shape Remix passes for an address no route matches.
    handleError(new ErrorResponse(404, "Not Found", new Error('No route matches URL "/no/such/page"'), true), args("/no/such/page"));
    expect(warn.mock.calls).toEqual([["404 GET /no/such/page"]]);
    expect(error).not.toHaveBeenCalled();
  });

  it("logs any other error whole, and nothing for a request the browser abandoned", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("database went away");
    handleError(failure, args("/questions"));
    expect(error).toHaveBeenCalledWith(failure);
    const controller = new AbortController();
    controller.abort();
    handleError(failure, args("/questions", { signal: controller.signal }));
    expect(error).toHaveBeenCalledTimes(1);
  });
});
