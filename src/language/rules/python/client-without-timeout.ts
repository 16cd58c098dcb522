import { REDIS_CLIENT } from '../../python/clients';
import { hasSplat, keywordArgument } from '../../python/model';
import { l, pythonRule } from '../../rule';

/**
 * Clients whose default is to wait forever on a dead or hung peer: redis-py has no socket
 * timeout, PyMongo no socket timeout (and 30 s of server selection), libpq no connect timeout.
 * Clients that time out by default (kafka-python, boto3, Elasticsearch, httpx) are left out.
 */
const CLIENTS: Readonly<Record<string, { readonly family: string; readonly keywords: RegExp }>> = {
  redis: { family: 'Redis', keywords: /^(socket_timeout|socket_connect_timeout|connection_pool)$/ },
  mongo: { family: 'MongoDB', keywords: /timeoutMS$/i },
  postgres: { family: 'PostgreSQL', keywords: /^connect_timeout$/ },
};
const MONGO = /^(pymongo(\.mongo_client)?\.MongoClient|motor\.motor_asyncio\.AsyncIOMotorClient)$/;
const POSTGRES = /^(psycopg2|psycopg)\.connect$/;
/** A timeout set in the URL or DSN string itself (`?socket_timeout=5`, `connectTimeoutMS=`, `connect_timeout=3`). */
const IN_URL = /socket_timeout|timeoutMS|connect_timeout/i;

export default pythonRule({
  id: 'client-without-timeout',
  language: 'python',
  local: true,
  category: 'reliability',
  // Info: a missing socket timeout only bites when a dependency hangs, and the fix is one argument.
  severity: 'info',
  anchors: ['gap:client-timeout', 'W3101'],
  messages: {
    noTimeout: l(
      '{client} 클라이언트에 타임아웃이 없습니다 — {family} 서버가 멈추면 이 호출을 쓰는 요청과 워커가 끝없이 기다립니다',
      'The {client} client has no timeout — if the {family} server hangs, every request or worker using it waits without end',
    ),
  },
  docs: {
    summary: l(
      '소켓·연결 타임아웃 없이 만든 Redis, MongoDB, PostgreSQL 클라이언트를 찾습니다 (기본값이 "무한 대기"인 클라이언트만).',
      'Flags Redis, MongoDB and PostgreSQL clients built with no socket or connect timeout (only clients whose default is to wait forever).',
    ),
    why: l(
      'redis-py와 PyMongo는 기본 소켓 타임아웃이 없고, libpq는 연결 타임아웃이 없습니다. 캐시나 DB가 멈추거나 네트워크가 패킷을 버리면 요청 스레드가 하나씩 묶여, 결국 서비스 전체가 응답하지 않습니다. HTTP 호출의 timeout과 같은 교훈입니다.',
      'redis-py and PyMongo have no default socket timeout, and libpq has no connect timeout. When the cache or the database hangs, or the network drops packets, request threads block one by one until the whole service stops answering. It is the same lesson as a timeout on HTTP calls.',
    ),
    bad: "import redis\n\ncache = redis.Redis(host='cache', port=6379)\n\ndef cached_prediction(key):\n    return cache.get(key)\n",
    good: "import redis\n\n# TODO: 캐시가 응답하지 않을 때 몇 초까지 기다릴까요? 캐시 없이도 예측할 수 있나요?\ncache = redis.Redis(host='cache', port=6379, socket_connect_timeout=1, socket_timeout=1)\n\ndef cached_prediction(key):\n    return cache.get(key)\n",
  },
  weeks: ['intermediate/4', 'beginner/5'],
  questions: [
    l(
      '{family} 서버가 연결은 받아 놓고 응답하지 않는다면, 이 {client} 호출은 언제 끝날까요?',
      'If the {family} server accepts the connection but never answers, when does a call through this {client} end?',
    ),
    l(
      '이 의존성이 느려졌을 때 서비스는 기다려야 할까요, 실패해야 할까요, 아니면 그것 없이 계속할 수 있을까요?',
      'When this dependency slows down, should the service wait, fail, or carry on without it?',
    ),
    l('연결 타임아웃과 읽기(소켓) 타임아웃은 각각 무엇을 막아 줄까요?', 'What does a connect timeout protect against, and what does a read (socket) timeout protect against?'),
  ],
  scaffold: {
    ko: '# TODO: 클라이언트 타임아웃 정하기\n# 고려사항:\n# - 연결 타임아웃과 읽기(소켓) 타임아웃은 각각 몇 초?\n# - 우리 요청의 응답 시간 목표(SLO) 안에 들어가나요?\n# - 타임아웃이 나면: 재시도? 캐시 건너뛰기? 오류 응답?\n# TODO: 클라이언트를 만드는 곳에서 타임아웃 인자 전달하기\n',
    en: '# TODO: choose the client timeouts\n# Consider:\n# - connect timeout and read (socket) timeout, each how long?\n# - do they fit inside your own latency objective (SLO)?\n# - on timeout: retry? skip the cache? an error response?\n# TODO: pass the timeout arguments where the client is built\n',
  },
  callees: [REDIS_CLIENT, MONGO, POSTGRES],
  check(context) {
    for (const call of context.calls) {
      const callee = call.callee!;
      const kind = REDIS_CLIENT.test(callee) ? 'redis' : MONGO.test(callee) ? 'mongo' : 'postgres';
      if (kind === 'redis' && !/\b(Redis|StrictRedis|from_url)$/.test(callee)) continue;
      if (hasSplat(call.node)) continue;
      const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
      const { keywords, family } = CLIENTS[kind];
      const configured = args.some((arg) => {
        if (arg?.type === 'keyword_argument') return keywords.test(arg.childForFieldName('name')?.text ?? '');
        return arg?.type === 'string' && IN_URL.test(arg.text);
      });
      // psycopg2.connect(dsn) with a DSN variable may carry connect_timeout; only literal-free calls with keywords are sure.
      if (configured || (kind === 'postgres' && keywordArgument(call.node, 'dsn'))) continue;
      context.report({ node: call.node, messageId: 'noTimeout', data: { client: callee.split('.').slice(-2).join('.'), family } });
    }
  },
});
