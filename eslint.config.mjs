import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "src/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Layers point one way: features build on src/server, not the other way round. Only the composition points
  // (the tRPC root router, the job handler list, the auth config that plugs the auth feature into next-auth, demo
  // seeding) may import features.
  {
    files: ["src/server/**/*.{ts,tsx}"],
    ignores: ["src/server/trpc/root.ts", "src/server/jobs/handlers.ts", "src/server/auth.ts", "src/server/demo/**", "src/server/scheduling/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: [{ target: "./src/server", from: "./src/features", message: "src/server must not depend on features: register the feature at a composition point (trpc/root.ts, jobs/handlers.ts)." }] },
      ],
    },
  },
  // The scheduling engine is a pure library: nothing from the app (features, the rest of src/server, Prisma's
  // generated client) and no framework or database packages.
  {
    files: ["src/server/scheduling/**/*.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: [{ target: "./src/server/scheduling", from: "./src", except: ["./server/scheduling"], message: "The scheduling engine imports nothing from the app." }] },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react-dom", "@prisma/*", "pg", "@trpc/*"], message: "The scheduling engine is framework- and database-free." }] },
      ],
    },
  },
];

export default config;
