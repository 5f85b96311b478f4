// `npm start`: the desktop app when the Electron binary is installed; browser mode otherwise.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The path the electron package points at, when its binary was actually downloaded. */
function findElectron() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
const electronBinary = findElectron();

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npm', ['run', 'build']);
if (electronBinary) {
  spawn(electronBinary, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('未找到 Electron 程序文件（安装时可能跳过了下载），改为启动浏览器模式：');
  spawn(process.execPath, ['bin/patent-desk.mjs', 'web', ...process.argv.slice(2)], { stdio: 'inherit' }).on(
    'exit',
    (code) => process.exit(code ?? 0),
  );
}
