// The desktop shell: one hardened window, the app:// protocol, and a utilityProcess that hosts core.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { defaultDataDir, resolveDbPath } from '../core/store/paths';
import { CALL_CHANNEL } from './bridge';
import { registerPrintHandlers } from './print';
import { resolveAppUrl } from './protocol';
import { mainWindowOptions } from './windowOptions';

const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');
const APP_ORIGIN = 'app://desk';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.setPath('userData', defaultDataDir());

if (!app.requestSingleInstanceLock()) app.quit();

/** Requests to the core host, answered by id. */
class CoreHost {
  private readonly child: UtilityProcess;
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private exitedWith: number | null = null;

  constructor(dbPath: string) {
    this.child = utilityProcess.fork(path.join(__dirname, 'coreHost.cjs'), [dbPath], { serviceName: 'patent-desk-core' });
    this.child.on('message', (message: { id: number; result: unknown }) => {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    });
    this.child.on('exit', (code) => {
      this.exitedWith = code;
      for (const resolve of this.pending.values()) resolve(coreExited(code));
      this.pending.clear();
    });
  }

  call(method: string, input: unknown, sessionKey: string): Promise<unknown> {
    // A call after the core has gone must still get an answer, never a spinner that waits for ever.
    if (this.exitedWith !== null) return Promise.resolve(coreExited(this.exitedWith));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.postMessage({ id, method, input, sessionKey });
    });
  }
}

function coreExited(code: number) {
  return { ok: false, error: { code: 'CORE_EXITED', message: `后台服务意外退出（代码 ${code}），请重新启动程序；已保存的数据不受影响。` } };
}

/** Never a blank window: a page that fails to load or a renderer that dies is said in Chinese, with a way out. */
function guardAgainstBlankWindow(window: BrowserWindow): void {
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    dialog.showErrorBox('工作台界面未能载入', `无法载入 ${url}（${code} ${description}）。请重新安装本程序；数据不受影响。`);
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
    if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
  });
  guardAgainstBlankWindow(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

void app.whenReady().then(() => {
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
    if (!event.senderFrame?.url.startsWith(APP_ORIGIN) || typeof method !== 'string') {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    }
    return host.call(method, input, `window-${event.sender.id}`);
  });
  registerPrintHandlers(ipcMain, dialog, (event) => event.senderFrame?.url.startsWith(APP_ORIGIN) === true);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
      { label: '编辑', submenu: [{ role: 'undo', label: '撤销' }, { role: 'redo', label: '重做' }, { type: 'separator' }, { role: 'cut', label: '剪切' }, { role: 'copy', label: '复制' }, { role: 'paste', label: '粘贴' }, { role: 'selectAll', label: '全选' }] },
      { label: '视图', submenu: [{ role: 'reload', label: '重新载入' }, { role: 'resetZoom', label: '实际大小' }, { role: 'zoomIn', label: '放大' }, { role: 'zoomOut', label: '缩小' }, { role: 'togglefullscreen', label: '全屏' }] },
      { label: '帮助', submenu: [{ label: '关于专利转化工作台', click: () => void dialog.showMessageBox({ message: `专利转化工作台 ${app.getVersion()}` }) }] },
    ]),
  );

  let window = createWindow();
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = createWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
});

app.on('window-all-closed', () => app.quit());
