import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { DeskService } from '../service/dispatcher';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { acceptsHost, acceptsOrigin } from './requestOrigin';

export interface BrowserModeOptions {
  /** The service; when the store could not be opened, one that answers every call with that Chinese message. */
  service: Pick<DeskService, 'call'>;
  /** The built renderer (vite build output). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Listening on an address other than loopback was asked for explicitly (`web --allow-remote`). */
  allowRemote?: boolean;
  /** Fixed token (dev server); a random one per launch otherwise. */
  token?: string;
  /** Largest request body, e.g. an uploaded workbook (base64). */
  bodyLimitBytes?: number;
}

/** The launch token, which the page reads from its own address (?t=). */
export const TOKEN_HEADER = 'x-desk-token';
/** The session token, issued at login in the same header of the response. */
export const SESSION_HEADER = 'x-desk-session';

function sameToken(a: string | string[] | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const refuse = (reply: FastifyReply, message: string) =>
  reply.code(403).type('text/plain; charset=utf-8').send(message);

/**
 * Browser mode: the renderer talks to the same core over HTTP on loopback.
 *
 * No cookies: a browser sends a cookie for 127.0.0.1 to every port of 127.0.0.1, so any other program serving a page
 * there would receive it. Both credentials travel only in request headers that the page sets itself, which a page of
 * another origin (another port) can neither read nor make the browser add:
 * - the per-launch token, from the page's own address (?t=, so a reload keeps it), in X-Desk-Token on every call;
 * - the session token, issued fresh by the core at login (never one the client chose), kept in the tab's
 *   sessionStorage (per origin, so per port: a reload stays signed in, another port cannot read it), in X-Desk-Session.
 * Both are checked in onRequest, before a request body is read. The Host header must name the address and port the
 * server listens on (a DNS-rebinding page arrives under its own name) and an Origin, when sent, must be that origin.
 */
export async function startBrowserMode(
  options: BrowserModeOptions,
): Promise<{ url: string; launchUrl: string; server: FastifyInstance }> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimitBytes ?? 200 * 1024 * 1024 });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
  });

  app.addHook('onRequest', async (request, reply) => {
    const port = (app.server.address() as AddressInfo).port;
    if (!acceptsHost(request.headers.host, { host, port, allowRemote: options.allowRemote ?? false })) {
      return refuse(reply, '请求的主机名不是本服务的地址，已拒绝。请使用启动时打印的完整地址打开。');
    }
    if (!acceptsOrigin(request.headers.origin, request.headers.host!))
      return refuse(reply, '请求来自其他网页，已拒绝。');
    if (request.url.startsWith('/api/') && !sameToken(request.headers[TOKEN_HEADER], token)) {
      return reply.code(403).send({ ok: false, error: { code: 'FORBIDDEN', message: '访问令牌无效' } });
    }
  });

  app.get('/', async (request: FastifyRequest<{ Querystring: { t?: string } }>, reply: FastifyReply) => {
    if (request.query.t === undefined) return refuse(reply, '请使用启动时打印的完整地址（含访问令牌）打开本页面。');
    if (!sameToken(request.query.t, token)) return refuse(reply, '访问令牌无效，请使用启动时打印的完整地址打开。');
    return reply.type('text/html; charset=utf-8').send(fs.readFileSync(`${options.rendererDir}/index.html`));
  });

  app.post(
    '/api/call',
    async (request: FastifyRequest<{ Body: { method?: unknown; input?: unknown } }>, reply: FastifyReply) => {
      const { method, input } = request.body ?? {};
      if (typeof method !== 'string')
        return reply.code(400).send({ ok: false, error: { code: 'BAD_REQUEST', message: '请求格式有误' } });
      const sent = request.headers[SESSION_HEADER];
      return options.service.call(method, input, {
        // A key the core did not issue is simply not signed in; a fresh random one stands for "nobody".
        sessionKey: typeof sent === 'string' && sent ? sent : randomBytes(18).toString('base64url'),
        client: request.ip,
        onNewSession: (key) => void reply.header(SESSION_HEADER, key),
      });
    },
  );

  await app.register(fastifyStatic, { root: options.rendererDir, index: false, wildcard: true });

  const address = await app.listen({ host, port: options.port ?? 0 });
  return { url: address, launchUrl: `${address}/?t=${token}`, server: app };
}
