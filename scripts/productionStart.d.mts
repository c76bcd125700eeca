/** How production runs server/dist/main.js: `node <nodeArgs> server/dist/main.js` with `env`. */
export interface ProductionStart {
  nodeArgs: string[];
  env: Record<string, string>;
}

/** Parses the node command that runs server/dist/main.js out of a start script. */
export declare function parseStartCommand(script: string): ProductionStart;

/** `pnpm start`'s environment and Node flags, from the root package.json. */
export declare function productionStart(): ProductionStart;
