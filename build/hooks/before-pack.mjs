// electron-builder beforePack hook (npmRebuild is off): rebuilds better-sqlite3 for the Electron version and the
// target platform/arch being packed. @electron/rebuild fetches better-sqlite3's prebuilt Electron binary for that
// platform and arch (native modules cannot be cross-compiled), so Windows and arm64 packages can be made on Linux x64.
// It rebuilds in place in node_modules: run `npm rebuild better-sqlite3` afterwards to get the Node build back for
// the tests (README, "Building installers").
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuild } from '@electron/rebuild';
import builderUtil from 'builder-util';

/** The one native module the app ships. */
export const NATIVE_MODULES = ['better-sqlite3'];

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function beforePack(context) {
  const electronVersion = context.packager.info.framework.version;
  const arch = builderUtil.Arch[context.arch];
  const platform = context.electronPlatformName;
  console.log(`  • rebuilding ${NATIVE_MODULES.join(', ')} for Electron ${electronVersion} ${platform}-${arch}`);
  await rebuild({ buildPath: PROJECT_ROOT, electronVersion, platform, arch, onlyModules: NATIVE_MODULES, force: true });
}
