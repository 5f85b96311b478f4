// The desktop shell: one hardened window, the app:// protocol, and a utilityProcess that hosts core.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  utilityProcess,
  type UtilityProcess,
} from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { defaultDataDir, resolveDbPath } from '../core/store/paths';
import type { Result } from '../shared/contract/result';
import { CALL_CHANNEL } from './channels';
import { batchFilesIn } from './batchFiles';
import type { BatchFileVerdict } from './batchFileVerdict';
import type { BatchFileRequest, CallRequest, FromCore, ToCore } from './hostMessages';
import { isSealRequest } from './keySealing';
import { APP_ORIGIN, isAppUrl } from './origin';
import { denyAllPermissions } from './permissions';
import { registerPrintHandlers } from './print';
import { resolveAppUrl } from './protocol';
import { answerSealRequest, keyProtection } from './safeStorageHost';
import { mainWindowOptions } from './windowOptions';

const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.setPath('userData', defaultDataDir());

if (!app.requestSingleInstanceLock()) app.quit();

// .pdbatch files the desk was opened with (electron-builder.yml associates them): from the command line on Windows
// and Linux, by `open-file` on macOS (which may come before the app is ready), by `second-instance` once running.
const batchFilesAtStart = batchFilesIn(process.argv.slice(1), process.cwd());
let openBatchFile = (file: string) => void batchFilesAtStart.push(file);
app.on('open-file', (event, file) => {
  event.preventDefault();
  openBatchFile(file);
});

/** Requests to the core host, answered by id. */
class CoreHost {
  private readonly child: UtilityProcess;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private exitedWith: number | null = null;

  constructor(dbPath: string) {
    this.child = utilityProcess.fork(path.join(__dirname, 'coreHost.cjs'), [dbPath, keyProtection()], {
      serviceName: 'patent-desk-core',
    });
    this.child.on('message', (message: FromCore) => {
      if (isSealRequest(message)) return this.send(answerSealRequest(message));
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    });
    this.child.on('exit', (code) => {
      this.exitedWith = code;
      for (const resolve of this.pending.values()) resolve(coreExited(code));
      this.pending.clear();
    });
  }

  private send(message: ToCore): void {
    this.child.postMessage(message);
  }

  call(method: string, input: unknown, sessionKey: string): Promise<Result<unknown>> {
    return this.request((id) => ({ id, method, input, sessionKey }));
  }

  async batchFileVerdict(file: string): Promise<BatchFileVerdict> {
    const result = await this.request((id) => ({ id, batchFile: file }));
    return result.ok
      ? (result.value as BatchFileVerdict)
      : { type: 'error', message: '无法处理报送文件', detail: result.error.message };
  }

  private request(message: (id: number) => CallRequest | BatchFileRequest): Promise<Result<unknown>> {
    // A call after the core has gone must still get an answer, never a spinner that waits for ever.
    if (this.exitedWith !== null) return Promise.resolve(coreExited(this.exitedWith));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send(message(id));
    });
  }
}

function coreExited(code: number): Result<unknown> {
  return {
    ok: false,
    error: { code: 'CORE_EXITED', message: `后台服务意外退出（代码 ${code}），请重新启动程序；已保存的数据不受影响。` },
  };
}

/** Never a blank window: a page that fails to load or a renderer that dies is said in Chinese, with a way out. */
function guardAgainstBlankWindow(window: BrowserWindow): void {
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    dialog.showErrorBox(
      '工作台界面未能载入',
      `无法载入 ${url}（${code} ${description}）。请重新安装本程序；数据不受影响。`,
    );
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'error',
      title: '专利转化工作台',
      message: '界面意外停止运行，已保存的数据不受影响。',
      buttons: ['重新载入', '退出'],
      defaultId: 0,
    });
    if (choice === 0) window.reload();
    else app.quit();
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  guardAgainstBlankWindow(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

void app.whenReady().then(() => {
  denyAllPermissions(session.defaultSession);
  protocol.handle('app', async (request) => {
    const file = resolveAppUrl(request.url, RENDERER_ROOT);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });

  const host = new CoreHost(resolveDbPath(process.env.PATENT_DESK_DB));
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) => {
    // Only our own page may call core.
    if (!isAppUrl(event.senderFrame?.url) || typeof method !== 'string') {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    }
    return host.call(method, input, `window-${event.sender.id}`);
  });
  registerPrintHandlers(ipcMain, dialog, (event) => isAppUrl(event.senderFrame?.url));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
      {
        label: '编辑',
        submenu: [
          { role: 'undo', label: '撤销' },
          { role: 'redo', label: '重做' },
          { type: 'separator' },
          { role: 'cut', label: '剪切' },
          { role: 'copy', label: '复制' },
          { role: 'paste', label: '粘贴' },
          { role: 'selectAll', label: '全选' },
        ],
      },
      {
        label: '视图',
        submenu: [
          { role: 'reload', label: '重新载入' },
          { role: 'resetZoom', label: '实际大小' },
          { role: 'zoomIn', label: '放大' },
          { role: 'zoomOut', label: '缩小' },
          { role: 'togglefullscreen', label: '全屏' },
        ],
      },
      {
        label: '帮助',
        submenu: [
          {
            label: '关于专利转化工作台',
            click: () => void dialog.showMessageBox({ message: `专利转化工作台 ${app.getVersion()}` }),
          },
        ],
      },
    ]),
  );

  let window = createWindow();
  const showBatchFile = async (file: string) => {
    const verdict = await host.batchFileVerdict(file);
    await dialog.showMessageBox(window, {
      type: verdict.type,
      title: '专利转化工作台 · 报送文件',
      message: verdict.message,
      detail: verdict.detail,
      buttons: ['知道了'],
    });
  };
  window.once('show', () => {
    openBatchFile = (file) => void showBatchFile(file);
    batchFilesAtStart.forEach(openBatchFile);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window.isDestroyed()) window = createWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
    batchFilesIn(argv.slice(1), workingDirectory).forEach(openBatchFile);
  });
});

app.on('window-all-closed', () => app.quit());
