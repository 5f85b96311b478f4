// electron-builder afterPack hook: flips Electron's fuses in the packed binary, right before signing.
// RunAsNode off (the binary cannot be used as a plain Node), cookies encrypted, no NODE_OPTIONS or --inspect,
// the asar archive's integrity checked at start, and the app loaded only from that archive.
import fuses from '@electron/fuses';

const { FuseV1Options, FuseVersion } = fuses;

/** The fuse settings; tests/packaging.test.ts reads them. */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

export default async function afterPack(context) {
  // packager.addElectronFuses finds the packed executable for this platform (productFilename.exe, executableName …).
  await context.packager.addElectronFuses(context, FUSES);
}
