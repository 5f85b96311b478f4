import Fastify, { type FastifyInstance } from 'fastify';
import zlib from 'node:zlib';
import type { Store } from '../core/store/store';
import { MAX_BATCH_BYTES, type Refusal } from '../shared/sync/batch';
import { readFeedback } from './crossCity';
import { authorizeFeedback } from './feedbackAuth';
import { tooLargeMessage } from './ingest';
import { takeInBatch } from './intake';
import { silentLog, type Log } from './log';

export interface ProvinceServerOptions {
  store: Store;
  host?: string;
  port?: number;
  log?: Log;
  now?: () => Date;
  /** Largest batch taken in, uncompressed (413 beyond). */
  maxBatchBytes?: number;
}

const refusal = (code: string, message: string): Refusal => ({ error: { code, message } });

/**
 * The provincial endpoint (DESIGN §4): POST /v1/batches takes a gzip (or plain) JSON envelope and answers the import
 * summary or a refusal; GET /v1/feedback?since= serves a region's findings to its enrolled installations.
 * better-sqlite3 is synchronous, so requests are taken in one at a time: two copies of one batch never race.
 */
export function buildProvinceServer(options: ProvinceServerOptions): FastifyInstance {
  const { store } = options;
  const log = options.log ?? silentLog;
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  const app = Fastify({ logger: false, bodyLimit: maxBytes });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    try {
      const raw = request.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body, { maxOutputLength: maxBytes }) : body;
      done(null, raw.toString('utf8'));
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
      done(Object.assign(new Error(tooLarge ? 'too large' : 'bad gzip'), { statusCode: tooLarge ? 413 : 400 }), undefined);
    }
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    log({ level: status >= 500 ? 'error' : 'warn', event: 'requestError', url: request.url, status, error: error.message });
    if (status === 413) return reply.code(413).send(refusal('TOO_LARGE', tooLargeMessage(maxBytes)));
    if (status < 500) return reply.code(status).send(refusal('MALFORMED', '请求内容无法识别（应为 gzip 压缩的报送批次 JSON）'));
    return reply.code(500).send(refusal('INTERNAL', '省级接口内部出错，请稍后重试'));
  });

  app.get('/v1/health', () => ({ ok: true }));

  app.post('/v1/batches', (request, reply) => {
    if (typeof request.body !== 'string') return reply.code(400).send(refusal('MALFORMED', '请以 application/json 发送报送批次'));
    const result = takeInBatch(store, request.body, now(), log, 'http', maxBytes);
    return reply.code(result.status).send(result.body);
  });

  app.get('/v1/feedback', (request, reply) => {
    const since = Number((request.query as { since?: string }).since ?? 0);
    if (!Number.isInteger(since) || since < 0) return reply.code(400).send(refusal('MALFORMED', 'since 应为非负整数'));
    const who = authorizeFeedback(store.db, request.headers, `/v1/feedback?since=${since}`, now());
    if ('refused' in who) {
      log({ level: 'warn', event: 'feedbackRefused', reason: who.refused });
      return reply.code(401).send(refusal('UNAUTHORIZED', who.refused));
    }
    const page = readFeedback(store.db, who.region, since);
    log({ level: 'info', event: 'feedback', region: who.region, since, items: page.items.length });
    return page;
  });

  return app;
}

/** Starts the endpoint and resolves with its base URL. */
export async function startProvinceServer(options: ProvinceServerOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = buildProvinceServer(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { app, url: `http://${host}:${port}` };
}
