import { REDIS_CLIENT } from '../../python/clients';
import { RUNS_HANDED_CALLABLE } from '../../python/effects';
import type { Node } from 'web-tree-sitter';
import { hasSplat, keywordArgument, stringValue, type CallInfo } from '../../python/model';
import { l, nodeRange, pythonRule } from '../../rule';

/**
 * Clients whose default is to wait forever on a dead or hung peer: redis-py has no socket
 * timeout, PyMongo no socket timeout (and 30 s of server selection), libpq no connect timeout.
 * Clients that time out by default (kafka-python, boto3, Elasticsearch, httpx) are left out.
 */
const CLIENTS: Readonly<Record<string, { readonly family: string; readonly keywords: RegExp }>> = {
  redis: { family: 'Redis', keywords: /^(socket_timeout|socket_connect_timeout|connection_pool)$/ },
  mongo: { family: 'MongoDB', keywords: /timeoutMS$/i },
  postgres: { family: 'PostgreSQL', keywords: /^connect_timeout$/ },
  smtp: { family: 'SMTP', keywords: /^timeout$/ },
  llm: { family: 'LLM API', keywords: /^(timeout|request_timeout|http_client|default_request_timeout|client_kwargs|sync_client_kwargs|http_options)$/ },
};
const MONGO = /^(pymongo(\.mongo_client)?\.MongoClient|motor\.motor_asyncio\.AsyncIOMotorClient)$/;
const POSTGRES = /^(psycopg2|psycopg)\.connect$/;
/** smtplib waits on the socket's global default, which is no timeout at all (an alert e-mail sent from a request or a job). */
const SMTP = /^smtplib\.(SMTP|SMTP_SSL)$/;
/**
 * LLM SDK clients and LangChain chat models, imported from the package or any of its submodules
 * (`langchain_openai.chat_models.ChatOpenAI`), and the Hugging Face `InferenceClient`, whose default
 * is no timeout at all: the OpenAI and Anthropic SDKs wait 10 minutes by
 * default (and retry twice), LangChain passes that default on, and the pre-1.0 module calls
 * (`openai.Completion.create`) wait without limit. The module-level calls of openai 1.x
 * (`openai.chat.completions.create`) use a default client with the same 10 minutes; the Ollama
 * client and its module calls (`ollama.chat`) and LangChain's Ollama models have no timeout at all;
 * LiteLLM's `completion()` waits its own default of ten minutes.
 * A reviewer asks for a budget that fits a request.
 */
const LLM =
  /^(openai\.(OpenAI|AsyncOpenAI|AzureOpenAI|AsyncAzureOpenAI)|anthropic\.(Anthropic|AsyncAnthropic)|(langchain_openai|langchain_community|langchain)(\.(chat_models|llms|azure_openai|base|openai|azure))*\.(ChatOpenAI|AzureChatOpenAI|OpenAI|AzureOpenAI)|langchain_(anthropic|community)(\.(chat_models|anthropic))*\.ChatAnthropic|openai\.(Completion|ChatCompletion|Image|Embedding)\.create|huggingface_hub(\.inference\._client|\.inference\._generated\._async_client)?\.(InferenceClient|AsyncInferenceClient)|(langchain_ollama|langchain_community|langchain)(\.(chat_models|llms|ollama))*\.(ChatOllama|OllamaLLM|Ollama)|langchain_(google_genai|groq|mistralai)(\.chat_models)*\.(ChatGoogleGenerativeAI|ChatGroq|ChatMistralAI)|ollama\.(Client|AsyncClient|chat|generate)|openai\.(chat\.completions|completions|embeddings|responses)\.create|cohere\.(Client|ClientV2|AsyncClient|AsyncClientV2)|google\.genai\.Client|litellm\.(completion|acompletion|embedding|aembedding))$/;
/**
 * LangChain's provider-neutral constructor (`init_chat_model("gpt-4o")`,
 * `init_chat_model("llama3.1:8b", model_provider="ollama")`) passes `timeout=` on to the chat model it
 * builds; with none, the provider's default applies. Judged only for the providers whose default
 * is ten minutes or no limit (OpenAI, Azure OpenAI, Anthropic, Ollama), named by `model_provider=`,
 * a `provider:` prefix of the model, or a model name LangChain maps to one of them.
 */
const INIT_CHAT_MODEL = /^langchain(\.chat_models)?(\.base)?\.init_chat_model$/;
const SLOW_DEFAULT_PROVIDER = /^(openai|azure_openai|anthropic|ollama)$/;
const SLOW_DEFAULT_MODEL = /^(gpt-|o1|o3|o4|chatgpt|text-davinci|claude)/;
/**
 * The google-generativeai SDK takes its budget per call: `model.generate_content(..., request_options={"timeout": 30})`.
 * Judged in a file that builds a `GenerativeModel` of that SDK (Vertex AI's has no such option).
 */
const GEMINI_MODEL = /^google\.generativeai(\.generative_models)?\.GenerativeModel$/;
const GEMINI_CALL = /\.generate_content(_async)?$/;
/** A timeout set in the URL or DSN string itself (`?socket_timeout=5`, `connectTimeoutMS=`, `connect_timeout=3`). */
const IN_URL = /socket_timeout|timeoutMS|connect_timeout/i;

export default pythonRule({
  id: 'client-without-timeout',
  language: 'python',
  category: 'reliability',
  // Info: a missing socket timeout only bites when a dependency hangs, and the fix is one argument.
  severity: 'info',
  anchors: ['gap:client-timeout', 'W3101'],
  messages: {
    noTimeout: l(
      '{client} 클라이언트에 타임아웃이 없습니다 — {family} 서버가 멈추면 이 호출을 쓰는 요청과 워커가 끝없이 기다립니다',
      'The {client} client has no timeout — if the {family} server hangs, every request or worker using it waits without end',
    ),
    llmDefault: l(
      '{client}에 timeout이 없습니다 — LLM API가 느려지면 라이브러리 기본값(최대 10분, 또는 무제한)만큼 요청이 묶입니다',
      '{client} has no timeout — when the LLM API slows down, each request is held for the library default (up to 10 minutes, or without limit)',
    ),
  },
  docs: {
    summary: l(
      '소켓·연결 타임아웃 없이 만든 Redis, MongoDB, PostgreSQL, SMTP(smtplib) 클라이언트와, timeout 없이 만든 LLM 클라이언트(OpenAI, Anthropic, Ollama, LangChain 채팅 모델 — `.bind_tools(...)`나 `prompt | ...` 체인 안에서 만든 것도 —, Hugging Face InferenceClient, Cohere, google-genai `Client`, OpenAI·Anthropic·Ollama 모델을 만드는 LangChain `init_chat_model`)와, `request_options` timeout 없는 Gemini `generate_content` 호출(`asyncio.to_thread(model.generate_content, ...)`처럼 넘겨진 것도, 파일에 한 번)과, 타임아웃 없는 기본 클라이언트를 쓰는 모듈 수준 호출(`openai.chat.completions.create`, `ollama.chat`)을 찾습니다. `timeout=None`이라고 적은 것도 타임아웃이 없는 것입니다. 파일 안에서 한 번도 쓰이지 않는 `self.` 클라이언트와, 이 파일의 RQ 워커가 쓰는 Redis 연결(워커가 소켓 타임아웃을 스스로 설정합니다)은 제외합니다.',
      'Flags Redis, MongoDB, PostgreSQL and SMTP (smtplib) clients built with no socket or connect timeout, and LLM clients (OpenAI, Anthropic, Ollama, LangChain chat models — built inside a `.bind_tools(...)` or `prompt | ...` chain too — the Hugging Face InferenceClient, Cohere, the google-genai `Client`, and LangChain’s `init_chat_model` for an OpenAI, Anthropic or Ollama model) built with no timeout, Gemini `generate_content` calls with no `request_options` timeout (handed to `asyncio.to_thread` or an executor too; once per file), and module-level calls (`openai.chat.completions.create`, `ollama.chat`) that go through a default client without one. `timeout=None` written out is no timeout. A `self.` client the file never uses, and a Redis connection an RQ worker of the file runs on (the worker sets its own socket timeout), are left out.',
    ),
    why: l(
      'redis-py와 PyMongo는 기본 소켓 타임아웃이 없고, libpq는 연결 타임아웃이 없습니다. 캐시나 DB가 멈추거나 네트워크가 패킷을 버리면 요청 스레드가 하나씩 묶여, 결국 서비스 전체가 응답하지 않습니다. LLM SDK는 기본으로 호출 하나에 최대 10분을 기다립니다. HTTP 호출의 timeout과 같은 교훈입니다.',
      'redis-py and PyMongo have no default socket timeout, and libpq has no connect timeout. When the cache or the database hangs, or the network drops packets, request threads block one by one until the whole service stops answering. LLM SDKs wait up to 10 minutes per call by default, far longer than any request should. It is the same lesson as a timeout on HTTP calls.',
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
  callees: [REDIS_CLIENT, MONGO, POSTGRES, LLM, GEMINI_MODEL, SMTP, INIT_CHAT_MODEL],
  // Not `local`: a budget given on any call of the file (below) clears the client's finding.
  check(context) {
    // A budget given per call (`client.with_options(timeout=5)`, `.create(..., timeout=5)`) covers the client.
    const perCall = context.model.calls.some(
      (c) =>
        /(with_options|\.create|invoke|\.bind)$/.test(c.callee ?? '') &&
        !LLM.test(c.callee ?? '') &&
        (keywordArgument(c.node, 'timeout') || keywordArgument(c.node, 'request_timeout')),
    );
    for (const call of context.calls) {
      const callee = call.callee!;
      if (GEMINI_MODEL.test(callee)) continue;
      if (INIT_CHAT_MODEL.test(callee)) {
        if (
          !hasSplat(call.node) &&
          !perCall &&
          slowDefaultProvider(call.node) &&
          !givenBudget(keywordArgument(call.node, 'timeout')) &&
          !unusedAttribute(context.model.source, call.node)
        )
          context.report({ node: call.node, messageId: 'llmDefault', data: { client: 'init_chat_model', family: 'LLM API' } });
        continue;
      }
      const kind = REDIS_CLIENT.test(callee) ? 'redis' : MONGO.test(callee) ? 'mongo' : LLM.test(callee) ? 'llm' : SMTP.test(callee) ? 'smtp' : 'postgres';
      if (kind === 'redis' && !/\b(Redis|StrictRedis|from_url)$/.test(callee)) continue;
      if (hasSplat(call.node) || (kind === 'llm' && perCall && !/\.create$/.test(callee))) continue;
      if (unusedAttribute(context.model.source, call.node)) continue;
      if (kind === 'redis' && handedToRqWorker(context.model.calls, call.node)) continue;
      const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
      const { keywords, family } = CLIENTS[kind];
      const configured = args.some((arg) => {
        // `http_options={"api_version": "v1"}` sets no budget; one built elsewhere may.
        if (arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'http_options') return carriesTimeout(arg.childForFieldName('value'));
        // `timeout=None` (LangChain's boilerplate `ChatOpenAI(..., timeout=None, max_retries=2)`) is no budget: it is the wait-forever default, written out.
        if (arg?.type === 'keyword_argument') return keywords.test(arg.childForFieldName('name')?.text ?? '') && arg.childForFieldName('value')?.type !== 'none';
        return arg?.type === 'string' && IN_URL.test(arg.text);
      });
      // psycopg2.connect(dsn) with a DSN variable may carry connect_timeout; only literal-free calls with keywords are sure.
      // `SMTP(host, port, local_hostname, timeout)`: a fourth positional argument is the timeout.
      const smtpTimeout = kind === 'smtp' && args.filter((arg) => arg?.type !== 'keyword_argument').length >= 4;
      if (configured || smtpTimeout || (kind === 'postgres' && keywordArgument(call.node, 'dsn'))) continue;
      const messageId = kind === 'llm' ? 'llmDefault' : 'noTimeout';
      // A `timeout=None` written out is where the fix goes: the finding sits on it.
      const writtenNone = args.find(
        (arg) => arg?.type === 'keyword_argument' && keywords.test(arg.childForFieldName('name')?.text ?? '') && arg.childForFieldName('value')?.type === 'none',
      );
      context.report({ node: writtenNone ?? call.node, messageId, data: { client: callee.split('.').slice(-2).join('.'), family } });
    }
    if (!context.model.calls.some((c) => GEMINI_MODEL.test(c.callee ?? ''))) return;
    // One finding per file, on the first call, with the others as related places: the lesson and
    // its fix (a `request_options` budget, or one shared options value) are the same for each.
    const unbounded: Node[] = [];
    for (const call of context.model.calls) {
      const called = GEMINI_CALL.test(call.callee ?? '');
      if (!called && !handsOverGeminiCall(call.callee, call.node)) continue;
      if (hasSplat(call.node) || carriesTimeout(keywordArgument(call.node, 'request_options'))) continue;
      unbounded.push(call.node);
    }
    if (unbounded.length === 0) return;
    const related = unbounded
      .slice(1)
      .map((node) => ({ range: nodeRange(node), message: l('timeout 없는 generate_content 호출', 'another generate_content call with no timeout') }));
    context.report({ node: unbounded[0], messageId: 'llmDefault', data: { client: 'generate_content', family: 'LLM API' }, ...(related.length > 0 ? { related } : {}) });
  },
});

/**
 * `self.anthropic = Anthropic(...)` whose attribute nothing in the file ever reads: a client that
 * is never called cannot hold a request (the one the service uses is judged where it is built).
 */
function unusedAttribute(source: string, call: Node): boolean {
  let node: Node | null = call;
  // Through a chain (`ChatOpenAI(...).bind_tools(...)`, `prompt | ChatOpenAI(...)`) to the assignment.
  while (node?.parent && /^(attribute|call|argument_list|binary_operator|parenthesized_expression)$/.test(node.parent.type)) node = node.parent;
  const assignment = node?.parent?.type === 'assignment' ? node.parent : undefined;
  const target = assignment?.childForFieldName('left');
  if (target?.type !== 'attribute' || target.childForFieldName('object')?.text !== 'self') return false;
  const name = target.childForFieldName('attribute')?.text;
  if (!name) return false;
  return [...source.matchAll(new RegExp(`\\.${name}\\b`, 'g'))].length <= 1;
}

/** RQ's worker classes (`Worker`, `SimpleWorker`, `SpawnWorker`) and its connection context (`with Connection(conn):`, RQ < 2). */
const RQ_WORKER = /^rq(\.worker)?\.\w*Worker$/;
const RQ_CONNECTION = /^rq(\.connections)?\.Connection$/;

/**
 * A Redis client an RQ worker of this file runs on (`Worker(queues, connection=conn)`, a worker
 * built inside `with Connection(conn):`, or `connection=Redis(...)` written inline): the worker sets
 * its own `socket_timeout` on the connection's pool when none is given, so it does not wait forever.
 * A client only handed to a `Queue` to enqueue (an API process) is still judged.
 */
function handedToRqWorker(calls: readonly CallInfo[], call: Node): boolean {
  const workers = calls.filter((c) => RQ_WORKER.test(c.callee ?? ''));
  if (workers.length === 0) return false;
  const keyword = call.parent;
  if (keyword?.type === 'keyword_argument' && keyword.childForFieldName('name')?.text === 'connection') {
    const owner = keyword.parent?.parent;
    if (owner && workers.some((w) => w.node.id === owner.id)) return true;
  }
  const assignment = call.parent;
  const target = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === call.id ? assignment.childForFieldName('left')?.text : undefined;
  if (!target) return false;
  if (workers.some((w) => keywordArgument(w.node, 'connection')?.text === target)) return true;
  return calls.some((c) => {
    if (!RQ_CONNECTION.test(c.callee ?? '') || c.node.childForFieldName('arguments')?.namedChildren[0]?.text !== target) return false;
    let scope: Node | null = c.node.parent;
    while (scope && scope.type !== 'with_statement') scope = scope.parent;
    const body = scope?.childForFieldName('body');
    return !!body && workers.some((w) => !keywordArgument(w.node, 'connection') && w.node.startIndex >= body.startIndex && w.node.endIndex <= body.endIndex);
  });
}

/** A call that runs `model.generate_content` handed to it (`asyncio.to_thread(model.generate_content, prompt)`). */
function handsOverGeminiCall(callee: string | undefined, call: Node): boolean {
  if (!callee || !RUNS_HANDED_CALLABLE.test(callee)) return false;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.some((arg) => arg?.type === 'attribute' && /^generate_content(_async)?$/.test(arg.childForFieldName('attribute')?.text ?? ''));
}

/** A keyword's value that sets a budget: present and not a literal `None`. */
function givenBudget(value: Node | null | undefined): boolean {
  return !!value && value.type !== 'none';
}

/** `init_chat_model(...)` builds a chat model of a provider whose default is ten minutes or no limit. */
function slowDefaultProvider(call: Node): boolean {
  const provider = keywordArgument(call, 'model_provider');
  if (provider) return provider.type === 'string' && SLOW_DEFAULT_PROVIDER.test(stringValue(provider) ?? '');
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  const model = first?.type === 'keyword_argument' ? keywordArgument(call, 'model') : first;
  const name = model?.type === 'string' ? stringValue(model) : undefined;
  if (!name) return false;
  const prefix = /^([\w-]+):(?!\d)/.exec(name)?.[1];
  return prefix ? SLOW_DEFAULT_PROVIDER.test(prefix) : SLOW_DEFAULT_MODEL.test(name);
}

/** An options value that sets a timeout, or one built elsewhere that may (a name, a call's result). */
function carriesTimeout(value: Node | null | undefined): boolean {
  if (!value) return false;
  if (value.type === 'dictionary' || value.type === 'call') return /timeout/i.test(value.text);
  return true;
}
