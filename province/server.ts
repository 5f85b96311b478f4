import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import zlib from 'node:zlib';
import { MAX_BATCH_BYTES, type Refusal } from '../shared/sync/batch';
import { auditAnchorsPath, type HeldAnchorList } from '../shared/sync/auditAnchor';
import { heldAnchors } from './auditAnchors';
import { noticeReceiptsPath, parseNoticeReceipts } from '../shared/sync/feedbackKinds';
import type { ProvinceDb } from '../core/province/store/provinceDb';
import { authorizeFeedback } from './feedbackAuth';
import { noteNoticesFetched, noteNoticesRead, readFeedback } from './feedbackServed';
import { tooLargeMessage } from './ingest';
import { takeInBatch } from './intake';
import { silentLog, type Log } from './log';

export interface ProvinceServerOptions {
  /** The province's store: its SQLite file or a PostgreSQL database (province/db). */
  store: ProvinceDb;
  host?: string;
  port?: number;
  log?: Log;
  now?: () => Date;
  /** Largest batch taken in, uncompressed (413 beyond). */
  maxBatchBytes?: number;
  /** Longest a client may take to send a whole request, headers and body (408 and the connection closed beyond). */
  requestTimeoutMs?: number;
}

/**
 * A city's largest batch (64 MB, gzipped to a few MB) arrives well within this on a slow county line; a client
 * trickling a body byte by byte must not hold a connection (and its memory) open for longer.
 */
export const REQUEST_TIMEOUT_MS = 120_000;

const refusal = (code: string, message: string): Refusal => ({ error: { code, message } });

/**
 * The provincial endpoint (DESIGN §4): POST /v1/batches takes a gzip (or plain) JSON envelope and answers the import
 * summary or a refusal; GET /v1/feedback?since= serves a region's findings to its enrolled installations.
 * Two copies of one batch never race: on SQLite the store takes one transaction at a time, on PostgreSQL the batch's
 * transaction locks its key's row first (ingest.ts), also across several servers on one database.
 */
export function buildProvinceServer(options: ProvinceServerOptions): FastifyInstance {
  const { store } = options;
  const log = options.log ?? silentLog;
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: false,
    bodyLimit: maxBytes,
    requestTimeout,
    // Node checks the time limit of open requests on this interval (30 s by default): a fraction of the limit keeps
    // the cut close to it.
    http: {
      headersTimeout: Math.min(60_000, requestTimeout),
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(requestTimeout / 4)),
    },
  });

  // Node answers 408 and closes the connection itself; the officer sees it in the log.
  app.server.on('clientError', (error: { code?: string }) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
      log({ level: 'warn', event: 'requestTimeout', limitMs: requestTimeout });
  });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    try {
      const raw =
        request.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body, { maxOutputLength: maxBytes }) : body;
      done(null, raw.toString('utf8'));
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
      done(
        Object.assign(new Error(tooLarge ? 'too large' : 'bad gzip'), { statusCode: tooLarge ? 413 : 400 }),
        undefined,
      );
    }
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    log({
      level: status >= 500 ? 'error' : 'warn',
      event: 'requestError',
      url: request.url,
      status,
      error: error.message,
    });
    if (status === 413) return reply.code(413).send(refusal('TOO_LARGE', tooLargeMessage(maxBytes)));
    if (status < 500)
      return reply.code(status).send(refusal('MALFORMED', '请求内容无法识别（应为 gzip 压缩的报送批次 JSON）'));
    return reply.code(500).send(refusal('INTERNAL', '省级接口内部出错，请稍后重试'));
  });

  // A load balancer's or monitor's probe: the database answers, or 503 with the reason (never a password).
  app.get('/v1/health', async (_request, reply) => {
    try {
      return { ok: true, database: await store.describe() };
    } catch (error) {
      log({ level: 'error', event: 'health', error: (error as Error).message });
      return reply.code(503).send({ ok: false, error: { code: 'DATABASE', message: '省级数据库无法访问' } });
    }
  });

  app.post('/v1/batches', async (request, reply) => {
    if (typeof request.body !== 'string')
      return reply.code(400).send(refusal('MALFORMED', '请以 application/json 发送报送批次'));
    const result = await takeInBatch(store, request.body, now(), log, 'http', maxBytes);
    return reply.code(result.status).send(result.body);
  });

  app.get('/v1/feedback', async (request, reply) => {
    const since = Number((request.query as { since?: string }).since ?? 0);
    if (!Number.isInteger(since) || since < 0) return reply.code(400).send(refusal('MALFORMED', 'since 应为非负整数'));
    const who = await authorizeFeedback(store, request.headers, `/v1/feedback?since=${since}`, now());
    if ('refused' in who) {
      log({ level: 'warn', event: 'feedbackRefused', reason: who.refused });
      return reply.code(401).send(refusal('UNAUTHORIZED', who.refused));
    }
    const page = await readFeedback(store, who.region, since);
    await store.transaction((db) => noteNoticesFetched(db, who.region, page.items, now().toISOString()));
    log({ level: 'info', event: 'feedback', region: who.region, since, items: page.items.length });
    return page;
  });

  // Read receipts of notices, signed like the feedback request over the path with its query (there is no body):
  // a key changes only its own region's receipts.
  app.post('/v1/notice-receipts', async (request, reply) => {
    const read = (request.query as { read?: string }).read ?? '';
    const receipts = parseNoticeReceipts(read);
    if (receipts.length === 0)
      return reply.code(400).send(refusal('MALFORMED', 'read 参数应为 通知编号@已读时间，以逗号分隔'));
    const who = await authorizeFeedback(store, request.headers, noticeReceiptsPath(receipts), now(), 'POST');
    if ('refused' in who) {
      log({ level: 'warn', event: 'noticeReceiptsRefused', reason: who.refused });
      return reply.code(401).send(refusal('UNAUTHORIZED', who.refused));
    }
    const marked = await store.transaction((db) => noteNoticesRead(db, who.region, receipts));
    log({ level: 'info', event: 'noticeReceipts', region: who.region, receipts: receipts.length, marked });
    return { marked };
  });

  // The province's copy of an installation's audit anchors, signed for like feedback: what the city's
  // `audit verify --against-province` holds its chain to (an anchor table in the city's own file can be rewritten too).
  app.get('/v1/audit-anchors', async (request, reply): Promise<HeldAnchorList | FastifyReply> => {
    const installation = (request.query as { installation?: string }).installation ?? '';
    if (!installation) return reply.code(400).send(refusal('MALFORMED', '缺少 installation 参数'));
    const who = await authorizeFeedback(store, request.headers, auditAnchorsPath(installation), now());
    if ('refused' in who) {
      log({ level: 'warn', event: 'auditAnchorsRefused', reason: who.refused });
      return reply.code(401).send(refusal('UNAUTHORIZED', who.refused));
    }
    const anchors = await heldAnchors(store, { regionCode: who.region, installationId: installation });
    log({ level: 'info', event: 'auditAnchors', region: who.region, installation, anchors: anchors.length });
    return { anchors };
  });

  return app;
}

/** Starts the endpoint and resolves with its base URL. */
export async function startProvinceServer(
  options: ProvinceServerOptions,
): Promise<{ app: FastifyInstance; url: string }> {
  const app = buildProvinceServer(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { app, url: `http://${host}:${port}` };
}
