import http from 'node:http';

/** What the proxy does with one request. */
export type Fault =
  | 'pass'
  /** Closes the connection without forwarding: the province never sees it. */
  | 'dropBefore'
  /** Forwards, lets the province take it in, then closes the connection: the client never hears the answer. */
  | 'dropAfter'
  /** Answers 500 itself. */
  | 'error500'
  /** Forwards after a pause longer than the client waits: the client gives up, the province gets it late. */
  | 'delay'
  /** Forwards twice at once and answers with the first. */
  | 'duplicate'
  /** Cuts the client off and keeps the request; forwards it only after the next request went through. */
  | 'reorder'
  /** Waits a little, then forwards and answers: a slow line. */
  | 'slow';

/** A request as the proxy received it, whole, to be forwarded (once, twice, late, or to another server). */
export interface Held {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** An upstream answer, whole. */
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Reads a request to its end. */
export function readRequest(req: http.IncomingMessage): Promise<Held> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () =>
      resolve({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) }),
    );
  });
}

/** Sends a held request to `upstream` (a base URL) and reads the whole answer. */
export function forward(upstream: URL, request: Held): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const out = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, host: upstream.host },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(request.body);
  });
}

/** Serves on a free port of 127.0.0.1; `close` cuts open connections and stops. */
export async function listenOnLoopback(server: http.Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Passes an upstream answer on to the client. */
export function answerWith(res: http.ServerResponse, r: Answer): void {
  res.writeHead(r.status, { 'content-type': String(r.headers['content-type'] ?? 'application/json') });
  res.end(r.body);
}

/**
 * A small HTTP proxy on 127.0.0.1 between a city and the province that misbehaves as told, request by request:
 * the network of a city office on a bad day. `choose` picks the fault for each request (in order of arrival).
 */
export async function startChaosProxy(target: string, choose: (n: number, path: string) => Fault, delayMs = 400) {
  const upstream = new URL(target);
  const held: Held[] = [];
  const pending = new Set<Promise<unknown>>();
  const faults: Fault[] = [];
  let n = 0;

  const forwardHere = (request: Held) => forward(upstream, request);

  const track = <T>(p: Promise<T>): Promise<T> => {
    const settled = p.catch(() => undefined);
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
    return p;
  };

  async function releaseHeld(): Promise<void> {
    for (const h of held.splice(0)) await track(forwardHere(h)).catch(() => undefined);
  }

  const server = http.createServer((req, res) => {
    void readRequest(req).then((request) => {
      const fault = choose(n++, request.path);
      faults.push(fault);
      const answer = (r: Answer) => answerWith(res, r);
      const run = async () => {
        switch (fault) {
          case 'dropBefore':
            req.socket.destroy();
            return;
          case 'error500':
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('proxy says no');
            return;
          case 'reorder':
            held.push(request);
            req.socket.destroy();
            return;
          case 'dropAfter':
            await track(forwardHere(request));
            req.socket.destroy();
            return;
          case 'delay':
            void track(new Promise((r) => setTimeout(r, delayMs)).then(() => forwardHere(request))).catch(
              () => undefined,
            );
            // The client has given up by then; answer nothing and let its timeout fire.
            setTimeout(() => req.socket.destroy(), delayMs * 2);
            return;
          case 'duplicate': {
            const [first] = await Promise.all([track(forwardHere(request)), track(forwardHere(request))]);
            answer(first);
            break;
          }
          case 'slow':
            await new Promise((r) => setTimeout(r, delayMs));
            answer(await track(forwardHere(request)));
            break;
          case 'pass':
            answer(await track(forwardHere(request)));
            break;
        }
        await releaseHeld();
      };
      run().catch(() => req.socket.destroy());
    });
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    faults,
    /** Lets every held and delayed request reach the province, then waits for them. */
    async settle() {
      await releaseHeld();
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: listening.close,
  };
}
