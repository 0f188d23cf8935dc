// The only targets a sign-in may send someone to: paths on this site. Each refused case below
// was, or is one normalisation away from, a Location that leaves the site.
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/http/safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/", "/"],
    ["/questions/12/how-do-i-void", "/questions/12/how-do-i-void"],
    ["/questions?sort=top&q=void%20invoice#answer-3", "/questions?sort=top&q=void%20invoice#answer-3"],
    ["/tags/c%23", "/tags/c%23"],
    ["/questions?q=%2F%2Fnot-a-host", "/questions?q=%2F%2Fnot-a-host"],
    ["/a/./b/../c", "/a/c"],
  ])("keeps the site path %s as %s", (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it.each([
    ["dot segment then double slash", "/.//evil.example"],
    ["dot segment then double slash and a path", "/.//evil.example/x"],
    ["parent segment then double slash", "/..//evil.example"],
    ["encoded parent segment", "/%2e%2e//evil.example"],
    ["upper-case encoded parent segment", "/%2E%2E//evil.example"],
    ["encoded dot segment", "/%2e//evil.example"],
    ["double-encoded parent segment", "/%252e%252e//evil.example"],
    ["encoded slashes", "/%2f%2fevil.example"],
    ["encoded slash after a slash", "/%2fevil.example"],
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["encoded backslash", "/%5cevil.example"],
    ["encoded backslash, upper case", "/%5Cevil.example"],
    ["absolute https", "https://evil.example"],
    ["absolute, no slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["tab inside", "/\t/evil.example"],
    ["newline inside", "/\n/evil.example"],
    ["carriage return inside", "/\r/evil.example"],
    ["encoded tab inside", "/%09/evil.example"],
    ["leading space", " //evil.example"],
    ["relative path", "questions"],
    ["empty", ""],
    ["malformed escape", "/%E0%A4%A"],
    ["very long", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_name, target) => {
    expect(safeRedirect(target)).toBe("/");
  });

  it.each([null, undefined, 42, {}, ["/x"]])("refuses a non-string (%s)", (target) => {
    expect(safeRedirect(target, "/home")).toBe("/home");
  });

  it("never emits a path starting with two slashes or a slash and a backslash", () => {
    const pieces = ["/", "\\", ".", "..", "%2e", "%2f", "%5c", "evil.example", "%09", "%00", "?", "#", "%252f"];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const result = safeRedirect(`/${a}${b}${c}`);
      expect(result, `/${a}${b}${c}`).toMatch(/^\/(?![/\\])/);
    }
  });
});
