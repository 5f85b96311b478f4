// Bundles the desktop shell (main, preload, core host) into dist/electron as CommonJS for Electron.
// `node scripts/build-electron.mjs [outdir]`: the folder defaults to dist/electron (tests bundle into a temp folder).
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

// The preload needs only the contract's method names: electron/methodNames.ts is bundled as their literal list,
// derived from the contract now, so it is never stale and the preload does not carry zod and every schema.
const { methodNames } = await tsImport('../shared/contract/index.ts', import.meta.url);
const methodNamesAsLiteral = {
  name: 'method-names-as-literal',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]electron[\\/]methodNames\.ts$/ }, () => ({
      contents: `export const methodNames = ${JSON.stringify(methodNames)};`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts', coreHost: 'electron/coreHost.ts' },
  outdir: process.argv[2] ?? 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  // Native and Electron-provided modules stay outside the bundle; better-sqlite3 is rebuilt for Electron at pack time,
  // @node-rs/jieba is napi (one binary serves Node and Electron) and reads its dictionary from beside it.
  external: ['electron', 'better-sqlite3', '@node-rs/jieba'],
  plugins: [methodNamesAsLiteral],
  logLevel: 'info',
});
