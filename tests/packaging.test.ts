import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './testing/tempStore';
import { ROOT } from './testing/runCli';

// electron-builder's own loader and schema validator (the ones `electron-builder` runs before it packs).
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };

async function loadAndValidate(configFile: string) {
  const config = await getConfig(ROOT, configFile, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const CONFIG = path.join(ROOT, 'electron-builder.yml');

describe('packaging: electron-builder.yml', () => {
  it('validates against electron-builder’s own schema', async () => {
    await expect(loadAndValidate(CONFIG)).resolves.toMatchObject({ appId: 'cn.gov.shanxi.patentdesk' });
  });

  it('is refused by that same validator when an option is misspelt (the check can fail)', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const broken = path.join(dir, 'electron-builder.yml');
      fs.writeFileSync(broken, fs.readFileSync(CONFIG, 'utf8').replace('npmRebuild: false', 'npmRebuilt: false'));
      await expect(loadAndValidate(broken)).rejects.toThrow(/npmRebuilt/);
    } finally {
      cleanup();
    }
  });

  it('builds NSIS for Windows and deb + AppImage for Linux x64 and arm64 (UOS, Kylin)', async () => {
    const config = await loadAndValidate(CONFIG);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('rebuilds better-sqlite3 for Electron in beforePack instead of npm rebuild, and unpacks *.node from the asar', async () => {
    const config = await loadAndValidate(CONFIG);
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    const hook = (await import(path.join(ROOT, config.beforePack))) as { default: unknown; NATIVE_MODULES: string[] };
    expect(typeof hook.default).toBe('function');
    expect(hook.NATIVE_MODULES).toEqual(['better-sqlite3']);
  });

  it('unpacks the word segmenter of matching (@node-rs/jieba, napi) and its dictionary from the asar, and keeps it out of the bundle', async () => {
    const config = await loadAndValidate(CONFIG);
    expect(config.asarUnpack).toContain('node_modules/@node-rs/**');
    const bundler = fs.readFileSync(path.join(ROOT, 'scripts/build-electron.mjs'), 'utf8');
    expect(bundler).toMatch(/external: \[[^\]]*'@node-rs\/jieba'/);
  });

  it('flips the fuses after packing: RunAsNode off, cookie encryption on, ASAR integrity, app only from ASAR', async () => {
    const config = await loadAndValidate(CONFIG);
    const hook = (await import(path.join(ROOT, config.afterPack))) as { FUSES: Record<number, boolean> };
    expect(hook.FUSES[FuseV1Options.RunAsNode!]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableCookieEncryption!]).toBe(true);
    expect(hook.FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]).toBe(true);
    expect(hook.FUSES[FuseV1Options.OnlyLoadAppFromAsar!]).toBe(true);
    expect(hook.FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable!]).toBe(false);
  });

  it('opens .pdbatch files with the app, and carries an app id and a 512×512 PNG icon in build/', async () => {
    const config = await loadAndValidate(CONFIG);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'pdbatch' })]);
    // Windows registers file associations only for per-machine installs.
    expect(config.nsis.perMachine).toBe(true);
    const png = fs.readFileSync(path.join(ROOT, config.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
