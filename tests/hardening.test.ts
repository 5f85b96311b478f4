import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { tempDir } from './testing/tempStore';
import { ROOT } from './testing/runCli';

// DESIGN §5: contextIsolation, sandbox, no nodeIntegration, strict CSP. These checks fail as soon as one regresses,
// in the source (electron/windowOptions.ts, shared/security.ts) or in the bundle Electron actually loads.

const REQUIRED_PREFERENCES: Record<string, boolean> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
};

/** Every required web preference that is missing or has the wrong value. */
function weakPreferences(prefs: Record<string, unknown> | undefined): string[] {
  return Object.entries(REQUIRED_PREFERENCES)
    .filter(([key, wanted]) => prefs?.[key] !== wanted)
    .map(([key, wanted]) => `${key} must be ${wanted}`);
}

/** What makes a CSP weaker than DESIGN §5's: inline or eval'd scripts, remote sources, plugins, framing. */
function weakCsp(csp: string): string[] {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
  const problems: string[] = [];
  const need = (name: string, values: string[]) => {
    const actual = directives.get(name);
    if (!actual || actual.join(' ') !== values.join(' ')) problems.push(`${name} must be ${values.join(' ')}`);
  };
  need('default-src', ["'self'"]);
  need('script-src', ["'self'"]);
  need('connect-src', ["'self'"]);
  need('object-src', ["'none'"]);
  need('base-uri', ["'none'"]);
  need('frame-ancestors', ["'none'"]);
  for (const [name, values] of directives) {
    for (const v of values) {
      if (v === '*' || /^(https?|wss?):/.test(v) || v === "'unsafe-eval'") problems.push(`${name} allows ${v}`);
      if (v === "'unsafe-inline'" && name !== 'style-src') problems.push(`${name} allows 'unsafe-inline'`);
    }
  }
  return problems;
}

/** The literal web preferences as they appear in a bundle (esbuild keeps `true`, minifiers write `!0`). */
function bundledPreferences(bundle: string): Record<string, boolean | undefined> {
  const found: Record<string, boolean | undefined> = {};
  for (const key of Object.keys(REQUIRED_PREFERENCES)) {
    const m = new RegExp(`\\b${key}\\s*:\\s*(true|false|!0|!1)`).exec(bundle);
    found[key] = m ? m[1] === 'true' || m[1] === '!0' : undefined;
  }
  return found;
}

/** electron/windowOptions.ts, loaded from a folder by path (tests do not import electron/ directly: lint rule). */
async function windowPreferencesIn(electronDir: string): Promise<Record<string, unknown> | undefined> {
  const module = (await import(pathToFileURL(path.join(electronDir, 'windowOptions.ts')).href)) as {
    mainWindowOptions(preloadPath: string): { webPreferences?: Record<string, unknown> };
  };
  return module.mainWindowOptions('/preload.cjs').webPreferences;
}

const scratch = tempDir('patent-desk-hardening-');
afterAll(() => scratch.cleanup());

/** Bundles electron/main.ts the way scripts/build-electron.mjs does, from the given source folder. */
async function bundleMain(electronDir: string): Promise<string> {
  const outfile = path.join(scratch.dir, `main-${path.basename(electronDir)}-${Date.now()}.cjs`);
  await build({
    entryPoints: [path.join(electronDir, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    logLevel: 'silent',
  });
  return fs.readFileSync(outfile, 'utf8');
}

/** A copy of electron/ with one edit in windowOptions.ts, as a careless change would make it. */
function electronCopyWith(edit: (source: string) => string): string {
  const dir = path.join(scratch.dir, `electron-${Math.random().toString(36).slice(2)}`);
  fs.cpSync(path.join(ROOT, 'electron'), dir, { recursive: true });
  // The copy sits outside the tree: point its imports of core/ and shared/ back at the real folders.
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const full = path.join(dir, file);
    fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replaceAll("from '../", `from '${ROOT}/`));
  }
  const options = path.join(dir, 'windowOptions.ts');
  fs.writeFileSync(options, edit(fs.readFileSync(options, 'utf8')));
  return dir;
}

describe('Electron hardening', () => {
  it('the main window runs with contextIsolation, sandbox and without nodeIntegration', async () => {
    expect(weakPreferences(await windowPreferencesIn(path.join(ROOT, 'electron')))).toEqual([]);
  });

  it('the CSP allows only our own scripts and connections, no eval, no plugins, no framing', () => {
    expect(weakCsp(CONTENT_SECURITY_POLICY)).toEqual([]);
  });

  it('the built main bundle carries the same hardened preferences and the CSP', async () => {
    // A fresh bundle of the current source, and the one `npm run build:electron` left in dist/ if there is one.
    const built = path.join(ROOT, 'dist', 'electron', 'main.cjs');
    const bundles = [
      await bundleMain(path.join(ROOT, 'electron')),
      ...(fs.existsSync(built) ? [fs.readFileSync(built, 'utf8')] : []),
    ];
    for (const bundle of bundles) {
      expect(weakPreferences(bundledPreferences(bundle))).toEqual([]);
      for (const directive of CONTENT_SECURITY_POLICY.split('; ')) expect(bundle).toContain(directive);
      // Windows that the page tries to open are denied; navigation away from app:// is prevented.
      expect(bundle).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: "deny" \}\)\)/);
      expect(bundle).toMatch(/"will-navigate"[\s\S]{0,200}preventDefault\(\)/);
      // Every browser permission is refused, and our own pages are told apart by parsed origin, not by prefix.
      expect(bundle).toMatch(/denyAllPermissions\(import_electron\d*\.session\.defaultSession\)/);
      expect(bundle).not.toMatch(/startsWith\(APP_ORIGIN\)/);
    }
  });

  it('catches a change that turns the sandbox off — in the source and in the bundle', async () => {
    const weakened = electronCopyWith((s) => s.replace('sandbox: true', 'sandbox: false'));
    expect(weakPreferences(await windowPreferencesIn(weakened))).toEqual(['sandbox must be true']);
    expect(weakPreferences(bundledPreferences(await bundleMain(weakened)))).toEqual(['sandbox must be true']);
  });

  it('catches nodeIntegration turned on, contextIsolation turned off, and a loosened CSP', async () => {
    const prefs = {
      ...(await windowPreferencesIn(path.join(ROOT, 'electron'))),
      nodeIntegration: true,
      contextIsolation: false,
    };
    expect(weakPreferences(prefs)).toEqual(['contextIsolation must be true', 'nodeIntegration must be false']);
    expect(weakCsp(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"))).toEqual([
      "script-src must be 'self'",
      "script-src allows 'unsafe-eval'",
    ]);
    expect(
      weakCsp(CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' https://example.com")),
    ).toContain('connect-src allows https://example.com');
  });
});
