import type { BuildOptions } from 'esbuild';

/** Packages left out of the bundle and imported from node_modules at run time. */
export declare const serverExternal: string[];

/** esbuild options for bundling `entryPoints` (name → path relative to server/) into `outdir`. */
export declare function serverBuildOptions(target: {
  entryPoints: Record<string, string>;
  outdir: string;
}): BuildOptions;
