// `npm run dev`: browser-mode core on a fixed port + Vite's dev server with hot reload, proxied to it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const token = randomBytes(16).toString('hex');
const env = { ...process.env, PATENT_DESK_WEB_TOKEN: token, PATENT_DESK_DEV_CORE_PORT: '5174' };
const children = [
  spawn(process.execPath, ['bin/patent-desk.mjs', 'web', '--api-only', '--port', '5174', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env,
  }),
  spawn('npx', ['vite'], { stdio: 'inherit', env }),
];
console.log(`开发模式：请打开 http://127.0.0.1:5173/ （接口令牌已由开发代理自动附加）`);
const stop = () => children.forEach((c) => c.kill());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
