import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { DeskService } from '../service/dispatcher';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

export interface BrowserModeOptions {
  /** The service; when the store could not be opened, one that answers every call with that Chinese message. */
  service: Pick<DeskService, 'call'>;
  /** The built renderer (vite build output). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Fixed token (dev server proxy); a random one per launch otherwise. */
  token?: string;
  /** Largest request body, e.g. an uploaded workbook (base64). */
  bodyLimitBytes?: number;
}

const TOKEN_COOKIE = 'desk_token';
const SESSION_COOKIE = 'desk_session';

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Browser mode: the renderer talks to the same core over HTTP on loopback. The launch URL carries a per-launch token
 * that becomes an HttpOnly, SameSite=Strict cookie; every API call must present it, so other local pages and
 * processes cannot drive the store. Each browser gets its own session cookie, bound to a user by auth.login.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<{ url: string; launchUrl: string; server: FastifyInstance }> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimitBytes ?? 200 * 1024 * 1024 });
  await app.register(fastifyCookie);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
  });

  const authorized = (request: FastifyRequest) =>
    sameToken(request.cookies[TOKEN_COOKIE], token) || sameToken(request.headers['x-desk-token'] as string | undefined, token);

  app.get('/', async (request: FastifyRequest<{ Querystring: { t?: string } }>, reply: FastifyReply) => {
    if (request.query.t !== undefined) {
      if (!sameToken(request.query.t, token)) return reply.code(403).type('text/plain; charset=utf-8').send('访问令牌无效，请使用启动时打印的完整地址打开。');
      reply.setCookie(TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.redirect('/');
    }
    if (!authorized(request)) return reply.code(403).type('text/plain; charset=utf-8').send('请使用启动时打印的完整地址（含访问令牌）打开本页面。');
    return reply.type('text/html; charset=utf-8').send(fs.readFileSync(`${options.rendererDir}/index.html`));
  });

  app.post('/api/call', async (request: FastifyRequest<{ Body: { method?: unknown; input?: unknown } }>, reply: FastifyReply) => {
    if (!authorized(request)) return reply.code(403).send({ ok: false, error: { code: 'FORBIDDEN', message: '访问令牌无效' } });
    let sessionKey = request.cookies[SESSION_COOKIE];
    if (!sessionKey) {
      sessionKey = randomBytes(18).toString('base64url');
      reply.setCookie(SESSION_COOKIE, sessionKey, { httpOnly: true, sameSite: 'strict', path: '/' });
    }
    const { method, input } = request.body ?? {};
    if (typeof method !== 'string') return reply.code(400).send({ ok: false, error: { code: 'BAD_REQUEST', message: '请求格式有误' } });
    return options.service.call(method, input, { sessionKey });
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: false, wildcard: true });

  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return { url: address, launchUrl: `${address}/?t=${token}`, server: app };
}
