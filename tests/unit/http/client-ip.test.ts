import { describe, expect, it } from "vitest";
import { clientIp, normalizeAddress, runWithPeerAddress } from "~/server/http/client-ip";

const headers = (forwardedFor?: string) => new Headers(forwardedFor ? { "x-forwarded-for": forwardedFor } : {});

describe("clientIp", () => {
  it("is the socket's peer with no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientIp(headers("198.51.100.7"), { peer: "203.0.113.9", hops: 0 })).toBe("203.0.113.9");
    expect(clientIp(headers(), { peer: "::ffff:203.0.113.9", hops: 0 })).toBe("203.0.113.9");
  });

  it("behind N trusted proxies, takes the N-th address from the right and ignores what the client wrote", () => {
    // client -> proxy (appends the client) -> app
    expect(clientIp(headers("192.0.2.44"), { peer: "10.0.0.2", hops: 1 })).toBe("192.0.2.44");
    expect(clientIp(headers("6.6.6.6, 192.0.2.44"), { peer: "10.0.0.2", hops: 1 })).toBe("192.0.2.44");
    // client -> CDN -> load balancer -> app
    expect(clientIp(headers("6.6.6.6, 192.0.2.44, 10.0.0.9"), { peer: "10.0.0.2", hops: 2 })).toBe("192.0.2.44");
    // fewer entries than proxies: the furthest one known
    expect(clientIp(headers(), { peer: "10.0.0.2", hops: 1 })).toBe("10.0.0.2");
  });

  it("groups IPv6 clients by /64 and drops what is not an address", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("not-an-address")).toBeNull();
    expect(clientIp(headers("evil"), { peer: "10.0.0.2", hops: 1 })).toBeNull();
  });

  it("reads the peer the server runner saw for this request", async () => {
    expect(clientIp(headers("198.51.100.7"), { hops: 0 })).toBeNull();
    const seen = await runWithPeerAddress("203.0.113.50", async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return clientIp(headers("198.51.100.7"), { hops: 0 });
    });
    expect(seen).toBe("203.0.113.50");
  });
});
