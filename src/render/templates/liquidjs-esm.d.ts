/** The types of LiquidJS's ES module build (engine.ts imports it): the package's own, which its `types` field gives for the entry only. */
declare module 'liquidjs/dist/liquid.node.mjs' {
  export * from 'liquidjs';
}
