import http from 'node:http';
import { answerWith, forward, listenOnLoopback, readRequest } from './chaosProxy';

/** A batch the balancer sent to two servers at the same moment, with both answers in the order of the servers. */
export interface DoubledBatch {
  batchId: string;
  answers: { server: string; status: number; body: string }[];
}

/**
 * A load balancer in front of several province servers, as a data centre puts one before its front ends: request n
 * goes to server n mod count, so that one installation's batches alternate between the servers. Every
 * `doubleEvery`-th batch is sent to two servers at the same moment (a balancer that retried on another server while
 * the first was still at work); both answers are kept, the first is given to the city. `first`: the server of the first
 * request, so that several balancers do not all start on the same one.
 */
export async function startBalancer(servers: readonly string[], options: { doubleEvery: number; first?: number }) {
  let n = options.first ?? 0;
  let batches = 0;
  const doubled: DoubledBatch[] = [];
  const server = http.createServer((req, res) => {
    void readRequest(req)
      .then(async (request) => {
        const isBatch = request.method === 'POST' && request.path === '/v1/batches';
        const to = [servers[n++ % servers.length]!];
        if (isBatch && ++batches % options.doubleEvery === 0) to.push(servers[n % servers.length]!);
        const answers = await Promise.all(to.map((s) => forward(new URL(s), request)));
        if (to.length > 1) {
          doubled.push({
            batchId: String(request.headers['idempotency-key']),
            answers: answers.map((a, i) => ({ server: to[i]!, status: a.status, body: a.body.toString('utf8') })),
          });
        }
        answerWith(res, answers[0]!);
      })
      .catch(() => req.socket.destroy());
  });
  const listening = await listenOnLoopback(server);
  return { ...listening, doubled };
}
