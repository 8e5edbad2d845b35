import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "~/features/auth/callback-url";
import { authOptions } from "~/server/auth";

// What /signin?callbackUrl=... may send a signed-in user to. searchParams.get() has already decoded the value,
// so "%09" arrives as a tab: browsers drop tabs and newlines from URLs, turning "/\t/evil.example/" into
// "//evil.example/", another site.

const fromQuery = (query: string) => new URLSearchParams(query).get("callbackUrl");

describe("safeCallbackUrl", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeCallbackUrl("/s/demo-studio/plan")).toBe("/s/demo-studio/plan");
    expect(safeCallbackUrl("/invite/abc?email=a%40b.test#top")).toBe("/invite/abc?email=a%40b.test#top");
    expect(safeCallbackUrl(fromQuery("callbackUrl=%2Fs%2Fdemo-studio"))).toBe("/s/demo-studio");
  });

  it.each([
    "callbackUrl=/%09/evil.example/",
    "callbackUrl=/%0a/evil.example/",
    "callbackUrl=/%0d/evil.example/",
    "callbackUrl=/%0d%0a/evil.example/",
    "callbackUrl=%09//evil.example/",
    "callbackUrl=//evil.example/",
    "callbackUrl=/%5Cevil.example/",
    "callbackUrl=/%20/evil.example/",
    "callbackUrl=https://evil.example/",
    "callbackUrl=javascript:alert(1)",
    "callbackUrl=",
  ])("refuses %s", (query) => {
    expect(safeCallbackUrl(fromQuery(query))).toBeNull();
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" });

  it("stays on this site", async () => {
    expect(await redirect("/studios")).toBe("http://localhost:3000/studios");
    expect(await redirect("http://localhost:3000/s/demo-studio")).toBe("http://localhost:3000/s/demo-studio");
    expect(await redirect("/\t/evil.example/")).toBe("http://localhost:3000");
    expect(await redirect("https://evil.example/")).toBe("http://localhost:3000");
    expect(await redirect("http://localhost:3000.evil.example/")).toBe("http://localhost:3000");
  });
});
