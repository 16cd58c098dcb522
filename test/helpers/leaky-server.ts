import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A deliberately leaky OpenAI-compatible Chat Completions server on 127.0.0.1. The request's
 * `model` names a registered scenario; the scenario's answer for a turn is picked by how many
 * assistant turns the request already carries, so a "continue" in the next turn gets the rest
 * of a split solution. Answers stream as SSE in seeded random chunks that split fences, lines
 * and table rows anywhere, or come back whole as one JSON completion (a server that ignores
 * `stream: true`), or answer a `stream: false` request. The process can also serve as a
 * stand-alone server for the CLI (see scripts/eval-guard.ts).
 */
export interface Scenario {
  /** The answer of each teacher turn; the last one repeats. */
  readonly turns: readonly string[];
  /** `sse` (default): seeded chunks; `json`: one whole completion even for a streaming request. */
  readonly mode?: 'sse' | 'json';
  /** The largest chunk; chunks are 1..maxChunk characters. */
  readonly maxChunk?: number;
  readonly seed?: number;
}

export interface SeenRequest {
  readonly model: string;
  readonly stream: boolean;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly authorization?: string;
}

export interface LeakyServer {
  readonly baseUrl: string;
  readonly requests: SeenRequest[];
  register(id: string, scenario: Scenario): void;
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32): the same scenario always splits the same way. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chunked(text: string, maxChunk: number, seed: number): string[] {
  const random = seeded(seed);
  const chunks: string[] = [];
  // Split by code point, so a chunk never ends inside a surrogate pair.
  const chars = Array.from(text);
  for (let i = 0; i < chars.length;) {
    const size = 1 + Math.floor(random() * maxChunk);
    chunks.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return chunks;
}

function sse(content: string): string {
  const chunk = { id: 'leak', object: 'chat.completion.chunk', created: 0, model: 'leaky', choices: [{ index: 0, delta: { content }, finish_reason: null }] };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function completion(content: string): string {
  return JSON.stringify({
    id: 'leak',
    object: 'chat.completion',
    created: 0,
    model: 'leaky',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  });
}

export async function startLeakyServer(port = 0): Promise<LeakyServer> {
  const scenarios = new Map<string, Scenario>();
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [...scenarios.keys()].map((id) => ({ id, object: 'model' })) }));
      return;
    }
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      let body: { model?: string; stream?: boolean; messages?: { role: string; content: string }[] };
      try {
        body = JSON.parse(raw || '{}') as typeof body;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'bad json' } }));
        return;
      }
      const messages = body.messages ?? [];
      requests.push({ model: body.model ?? '', stream: body.stream === true, messages, authorization: req.headers.authorization });
      const scenario = scenarios.get(body.model ?? '');
      if (!scenario) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no scenario ${body.model}` } }));
        return;
      }
      const turn = messages.filter((m) => m.role === 'assistant').length;
      const answer = scenario.turns[Math.min(turn, scenario.turns.length - 1)];
      if (scenario.mode === 'json' || body.stream !== true) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(completion(answer));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      // Every chunk is its own SSE event; writing them in one go only saves packets, not events.
      const events = chunked(answer, scenario.maxChunk ?? 12, (scenario.seed ?? 1) + turn).map(sse);
      res.end(`${events.join('')}data: [DONE]\n\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}/v1`,
    requests,
    register: (id, scenario) => void scenarios.set(id, scenario),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
