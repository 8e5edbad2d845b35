// Module resolution hook registered by server-only-preload.mjs: `server-only` resolves with the
// `react-server` condition (its empty module), as inside Next.js's server bundles.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
