import { describe, expect, it } from "vitest";
import { describeUserAgent, formerMemberName, looksLikeFormerMemberName, scrubbedEmail } from "~/domain/accounts";

describe("describeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Chrome on Linux"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/139.0.0.0 Safari/537.36", "Chrome on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge on Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0", "Firefox on macOS"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iOS"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36", "Chrome on Android"],
    ["Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Samsung Internet on Android"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0", "Opera on Windows"],
    ["curl/8.5.0", "curl"],
    ["SomeBot (Windows)", "A browser on Windows"],
    ["", "Unknown browser"],
    [null, "Unknown browser"],
  ])("%s is %s", (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected);
  });
});

describe("deleted members", () => {
  it("get a placeholder name and an undeliverable, unique email", () => {
    expect(formerMemberName(12)).toBe("Former member 12");
    expect(scrubbedEmail(12)).toBe("deleted-12@invalid");
    expect(scrubbedEmail(12)).not.toBe(scrubbedEmail(13));
  });

  it("nobody else's name can pass for a placeholder", () => {
    expect(looksLikeFormerMemberName("Former member 3")).toBe(true);
    expect(looksLikeFormerMemberName("  FORMER MEMBER")).toBe(true);
    expect(looksLikeFormerMemberName("Formerly known")).toBe(false);
    expect(looksLikeFormerMemberName("A former member")).toBe(false);
  });
});
