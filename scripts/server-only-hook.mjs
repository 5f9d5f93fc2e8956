/**
 * `server-only` throws unless it is resolved under React's "react-server" condition, which only Next.js
 * sets. The node scripts (launcher, seed, scheduler, operator commands, bench) import server/db and the
 * services too, so they load this hook with `node --import tsx --import ./scripts/server-only-hook.mjs`:
 * it resolves `server-only` as React server code does, to its empty module. See
 * docs/architecture.md#layers.
 */
import module from "node:module";

const withServerCondition = (context) => ({
  ...context,
  conditions: [...new Set([...(context.conditions ?? []), "react-server"])],
});

export function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, specifier === "server-only" ? withServerCondition(context) : context);
}

if (typeof module.registerHooks === "function") {
  // in-thread hooks also cover require() (tsx loads some files as CommonJS)
  module.registerHooks({ resolve });
} else {
  module.register(import.meta.url);
}
