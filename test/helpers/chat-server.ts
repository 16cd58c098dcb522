import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real Chat Completions server on 127.0.0.1 for tests: each POST takes the next scripted
 * behaviour (SSE stream, HTTP error, stall). It records the requests it saw.
 */
export type Behaviour =
  | { readonly kind: 'stream'; readonly chunks: readonly string[]; readonly delayMs?: number; readonly holdAfter?: number }
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string> }
  | { readonly kind: 'stall' };

export interface ChatServer {
  readonly baseUrl: string;
  readonly requests: { readonly body: Record<string, unknown>; readonly authorization?: string }[];
  /** Connections the client closed before the response ended (cancellation, timeout). */
  readonly closedEarly: () => number;
  script(...behaviours: Behaviour[]): void;
  close(): Promise<void>;
}

function sse(res: http.ServerResponse, content: string): void {
  const chunk = { id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'test', choices: [{ index: 0, delta: { content }, finish_reason: null }] };
  res.write(`data: ${JSON.stringify(chunk)}\n\n`);
}

export async function startChatServer(): Promise<ChatServer> {
  const queue: Behaviour[] = [];
  const requests: ChatServer['requests'] = [];
  const open = new Set<http.ServerResponse>();
  let closedEarly = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'test', object: 'model' }] }));
      return;
    }
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      requests.push({ body: JSON.parse(raw || '{}') as Record<string, unknown>, authorization: req.headers.authorization });
      const behaviour = queue.shift() ?? { kind: 'status', status: 500 };
      open.add(res);
      res.on('close', () => {
        if (!res.writableFinished) closedEarly++;
        open.delete(res);
      });
      if (behaviour.kind === 'status') {
        res
          .writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers })
          .end(JSON.stringify({ error: { message: `status ${behaviour.status}`, type: 'test' } }));
        return;
      }
      if (behaviour.kind === 'stall') return;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const { chunks, delayMs = 0, holdAfter } = behaviour;
      let i = 0;
      const next = () => {
        if (res.destroyed) return;
        if (holdAfter !== undefined && i >= holdAfter) return;
        if (i < chunks.length) {
          sse(res, chunks[i++]);
          setTimeout(next, delayMs);
        } else {
          res.end('data: [DONE]\n\n');
        }
      };
      next();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    closedEarly: () => closedEarly,
    script: (...b) => queue.push(...b),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
