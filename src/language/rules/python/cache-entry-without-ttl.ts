import type { Node } from 'web-tree-sitter';
import { isRedisReceiver, redisReceivers } from '../../python/clients';
import { enclosingFunction, hasSplat } from '../../python/model';
import { l, pythonRule } from '../../rule';

const WRITE = /\.(set|hset|hmset|mset|xadd)$/;
const EXPIRY_KEYWORD = /^(ex|px|exat|pxat|keepttl)$/;
const STREAM_BOUND = /^(maxlen|minid)$/;
/** An explicit expiry set on the keys afterwards, in the same function. */
const EXPIRE_CALL = /\.(p?expire(at)?)\(/;

export default pythonRule({
  id: 'cache-entry-without-ttl',
  language: 'python',
  category: 'scalability',
  // Warning: unbounded growth of a shared Redis ends in evictions of keys other code needs, or in an OOM.
  severity: 'warning',
  anchors: ['gap:cache-ttl'],
  messages: {
    key: l(
      '{receiver}.set()이 만료 시간(ex/px) 없이 키를 씁니다 — 입력이 다양할수록 Redis가 끝없이 커지고, 모델을 바꿔도 옛 예측이 남습니다',
      '{receiver}.set() writes a key with no expiry (ex/px) — Redis grows with every distinct input, and old predictions outlive a model update',
    ),
    hash: l(
      '{receiver}.{method}()로 쓴 키에 만료(expire)가 없습니다 — 결과가 쌓이기만 하고 지워지지 않습니다',
      'The keys written with {receiver}.{method}() never expire — results pile up and are never removed',
    ),
    stream: l('{receiver}.xadd()에 maxlen이 없습니다 — 스트림이 요청마다 길어지기만 합니다', '{receiver}.xadd() has no maxlen — the stream only grows, one entry per request'),
  },
  docs: {
    summary: l(
      'Redis에 만료 없이 쓰는 코드를 찾습니다: ex/px 없는 set(), expire가 뒤따르지 않는 hset()/mset(), maxlen 없는 xadd() (온라인 feature store 클래스 안의 쓰기는 기록 데이터이므로 제외).',
      'Flags writes to Redis that never expire: set() with no ex/px, hset()/mset() with no expire after them, xadd() with no maxlen (not writes inside an online feature store class, whose features are the data of record).',
    ),
    why: l(
      '예측 캐시나 결과 저장소는 키가 입력마다 새로 생깁니다. 만료가 없으면 메모리가 꽉 찰 때까지 커지고, 그 뒤엔 Redis가 다른 키를 지우거나 쓰기를 거부합니다. 모델을 새로 배포해도 옛 모델의 답이 캐시에서 계속 나갑니다.',
      'A prediction cache or result store gets a new key for every distinct input. Without an expiry it grows until memory is full, and then Redis evicts keys other code needs or refuses writes. After a new model is deployed, the old model’s answers keep coming out of the cache.',
    ),
    bad: "import json\nimport redis\n\ncache = redis.Redis(host='cache', socket_timeout=1)\n\ndef remember(key, prediction):\n    cache.set(key, json.dumps(prediction))\n",
    good: "import json\nimport redis\n\ncache = redis.Redis(host='cache', socket_timeout=1)\n# TODO: 예측은 얼마 동안 유효할까요? 모델 버전을 키에 넣어야 할까요?\nPREDICTION_TTL_S = 3600\n\ndef remember(key, prediction):\n    cache.set(key, json.dumps(prediction), ex=PREDICTION_TTL_S)\n",
  },
  weeks: ['intermediate/4'],
  questions: [
    l(
      '{receiver}에 쓴 키는 언제 지워지나요? 하루에 서로 다른 입력이 백만 개 오면 Redis 메모리는 어떻게 될까요?',
      'When are the keys written through {receiver} removed? With a million distinct inputs a day, what happens to Redis memory?',
    ),
    l(
      '새 모델을 배포한 뒤에도 캐시에 남은 옛 예측이 나간다면 괜찮을까요? 캐시 키에는 무엇이 들어가야 할까요?',
      'Is it fine if old predictions keep coming out of the cache after a new model is deployed? What belongs in the cache key?',
    ),
    l('Redis 메모리가 가득 찼을 때 maxmemory-policy에 따라 어떤 일이 생기나요?', 'When Redis memory is full, what happens under its maxmemory-policy?'),
  ],
  scaffold: {
    ko: '# TODO: 캐시 항목의 수명 정하기\n# 고려사항:\n# - 예측(결과)은 얼마 동안 유효한가요? 모델 버전이 바뀌면?\n# - 키에 모델 버전과 입력의 정규화된 해시를 넣을까요?\n# - 스트림/목록이라면 최대 길이는?\n# TODO: 쓰는 곳마다 만료(ex=..., expire, maxlen) 정하기\n',
    en: '# TODO: decide how long cache entries live\n# Consider:\n# - how long is a prediction (result) valid? what when the model version changes?\n# - should the key hold the model version and a normalised hash of the input?\n# - for a stream or list: what maximum length?\n# TODO: give every write an expiry (ex=..., expire, maxlen)\n',
  },
  callees: [WRITE],
  check(context) {
    const { model } = context;
    let bound: ReadonlySet<string> | undefined;
    // One finding per key written in a scope, on its last write: a status hash updated three
    // times ('processing', 'error', 'done') is one key left without an expiry.
    const lastWrite = new Map<string, { node: (typeof context.calls)[number]['node']; messageId: string; data: Record<string, string> }>();
    for (const call of context.calls) {
      const callee = call.callee!;
      const method = callee.slice(callee.lastIndexOf('.') + 1);
      const receiver = callee.slice(0, callee.lastIndexOf('.'));
      bound ??= redisReceivers(model);
      if (!isRedisReceiver(receiver, bound) || hasSplat(call.node)) continue;
      const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
      const keywords = args.filter((a) => a?.type === 'keyword_argument').map((a) => a!.childForFieldName('name')?.text ?? '');
      const positional = args.length - keywords.length;
      // The receiver as written (`cache`, `self._redis`), not as resolved (`redis.Redis`).
      const written = call.node.childForFieldName('function')?.text ?? receiver;
      const data = { receiver: written.slice(0, written.lastIndexOf('.')) || receiver, method };
      if (method === 'xadd') {
        // xadd(name, fields, id, maxlen, ...): a fourth positional argument is the bound.
        if (!keywords.some((k) => STREAM_BOUND.test(k)) && positional < 4) context.report({ node: call.node, messageId: 'stream', data });
        continue;
      }
      // set(name, value, ex, px, ...): a third positional argument is the expiry.
      if (keywords.some((k) => EXPIRY_KEYWORD.test(k)) || (method === 'set' && positional >= 3) || (method === 'set' && positional < 2 && !keywords.includes('value'))) continue;
      const scope = enclosingFunction(call.node);
      if (inFeatureStore(call.node) || holdsEmbedding(call.node)) continue;
      const text = scope ? model.source.slice(scope.startIndex, scope.endIndex) : model.source;
      if (EXPIRE_CALL.test(text)) continue;
      const key = `${scope?.id ?? 0}:${receiver}:${args[0]?.text ?? ''}`;
      lastWrite.delete(key);
      lastWrite.set(key, { node: call.node, messageId: method === 'set' ? 'key' : 'hash', data });
    }
    for (const { node, messageId, data } of lastWrite.values()) context.report({ node, messageId, data });
  },
});

/**
 * A document written with its embedding (`hset(f"doc:{id}", mapping={"content": ..., "embedding": ...})`):
 * Redis used as the vector store of a RAG app holds the corpus itself, which must not expire.
 */
function holdsEmbedding(call: Node): boolean {
  return /\b(embeddings?|vectors?)\b/i.test(call.childForFieldName('arguments')?.text ?? '');
}

/**
 * A write inside an online feature store (`class RedisFeatureStore`): each entity's features are
 * the data of record until the pipeline writes them again, not a cache of results.
 */
function inFeatureStore(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'class_definition' && /feature_?store/i.test(n.childForFieldName('name')?.text ?? '')) return true;
  }
  return false;
}
