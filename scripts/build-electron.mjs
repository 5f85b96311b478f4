// Bundles the desktop shell (main, preload, core host) into dist/electron as CommonJS for Electron.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts', coreHost: 'electron/coreHost.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  // Native and Electron-provided modules stay outside the bundle; better-sqlite3 is rebuilt for Electron at pack time.
  external: ['electron', 'better-sqlite3'],
  logLevel: 'info',
});
