import type { Node } from 'web-tree-sitter';
import { isAsync, keywordArgument, positionalArguments, stringValue, type PythonModel as PythonContextModel } from '../../python/model';
import { calledEffect, projectFunction } from '../../project/effects';
import { inWorkerThread } from '../../python/effects';
import { inDeferredLambda } from '../../python/errors';
import { l, pythonRule } from '../../rule';

const BLOCKING =
  /^(requests(\.(api|Session|session))?\.(get|post|put|patch|delete|head|options|request)|urllib\.request\.urlopen|time\.sleep|subprocess\.(run|call|check_call|check_output)|os\.system|httpx\.(get|post|put|patch|delete|head|options|request)|httpx\.Client\.\w+)$/;
/** psutil's CPU measures sleep for their interval (`cpu_percent(interval=1)` blocks a second); without one they return at once. */
const MEASURES_OVER_INTERVAL = /^psutil\.(cpu_percent|cpu_times_percent)$/;

/** A call that blocks the thread: a known blocking API, or a psutil CPU measure given a positive interval. */
function blocks(callee: string, call: Node): boolean {
  if (BLOCKING.test(callee)) return true;
  if (!MEASURES_OVER_INTERVAL.test(callee)) return false;
  const interval = keywordArgument(call, 'interval') ?? positionalArguments(call)[0];
  return !!interval && /^\d*\.?\d+$/.test(interval.text) && Number(interval.text) > 0;
}

/** Synchronous inference entry points; awaiting them means they are async already. */
const INFERENCE = /\.(predict\w*|generate|encode|run|infer|score|score_batch|classify|transcribe|embed\w*|process|forward|detect|recognize|segment|summarize|translate)$/;
/**
 * LangChain's synchronous runnable and retriever calls (`llm.invoke`, `chain.invoke`,
 * `retriever.invoke`, `db.similarity_search`): each is a network round trip to the model or the
 * vector store, and each has an async twin (`ainvoke`, `asimilarity_search`) to await instead.
 * Building or growing a vector store (`FAISS.from_documents`, `store.add_texts`) embeds every
 * chunk first: seconds of embedding calls, with `afrom_documents`/`aadd_texts` to await.
 */
const LLM_CALL = /\.(invoke|get_relevant_documents|similarity_search\w*|max_marginal_relevance_search|from_documents|from_texts|add_documents|add_texts)$/;
/**
 * LlamaIndex's synchronous engines (`query_engine.query`, `chat_engine.chat`, `index.as_query_engine().query`):
 * retrieval plus a model call, with `aquery`/`achat` to await instead.
 */
const ENGINE_CALL = /\.(query|chat|stream_chat)$/;
const ENGINE_RECEIVER = /(query|chat)_?engine(\(\))?$/i;

function receiverOf(call: Node): string {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' ? (fn.childForFieldName('object')?.text.split('.').pop() ?? '') : '';
}
/**
 * The synchronous LLM SDK clients (`OpenAI()`, `Anthropic()`, Groq, Mistral, Together; the v0
 * `openai.ChatCompletion`; the `ollama` module functions): each call is an HTTP round trip of
 * seconds. Their async twins (`AsyncOpenAI`, `AsyncAnthropic`, `ollama.AsyncClient`) are awaited.
 * The OpenAI client's image, audio and moderation endpoints (`client.images.generate`,
 * `client.audio.transcriptions.create`) are the same round trip, an image generation the longest.
 */
const SYNC_LLM =
  /^openai\.(ChatCompletion|Completion|Embedding)\.create$|^ollama\.(chat|generate|embed|embeddings)$|\.(completions\.create|embeddings\.create|responses\.create|messages\.create)$|\.(images\.(generate|edit|create_variation)|audio\.(transcriptions|translations|speech)\.create|moderations\.create)$/;
/** The OpenAI client's media endpoints: read as written (`client.images.generate`), so only in a file that imports openai. */
const OPENAI_MEDIA = /\.(images\.(generate|edit|create_variation)|audio\.(transcriptions|translations|speech)\.create|moderations\.create)$/;
/**
 * A synchronous call on a LangChain chat model built in this file (`llm = ChatOllama(...)`, then
 * `llm.invoke(...)`), resolved through the constructor: a model round trip of seconds, with
 * `ainvoke` to await instead. Any coroutine that makes it holds the loop.
 */
const SYNC_CHAT_MODEL = /^langchain\w*(\.\w+)*\.(Chat\w+|\w*LLM|Ollama|OpenAI|AzureOpenAI)\.(invoke|batch|stream|predict)$/;
/**
 * Receivers that look like a model object or a wrapper around one (`scorer.score`,
 * `model_manager.predict`), so `text.encode()` or `loop.run()` are not mistaken for inference.
 */
const MODEL_RECEIVER =
  /(model|pipe|pipeline|session|sess|clf|classifier|regressor|estimator|predictor|llm|encoder|booster|net|scorer|manager|runner|detector|recognizer|embedder|agent|agent_executor|chain)$/i;
/**
 * Blocking file and data-store I/O: pandas readers and writers, and calls on the synchronous
 * database and Redis clients (`redis.asyncio`, `motor`, `asyncpg` are their async twins).
 */
const BLOCKING_IO =
  /^(pandas\.read_(csv|parquet|excel|json|sql\w*|pickle|feather)|(psycopg2?|sqlite3|pymysql|pymongo)\.\w+(\.\w+)*|redis\.(Redis|StrictRedis)\.\w+|pika\.BlockingConnection(\.\w+)*)$/;
const FRAME_WRITE = /\.(to_csv|to_parquet|to_excel|to_sql|to_pickle|to_feather)$/;
/** File copies (`shutil.copyfileobj(file.file, buffer)` saving an upload): each waits on the disk. */
const FILE_COPY = /^shutil\.(copyfileobj|copyfile|copy2?|copytree|move|rmtree)$/;
/**
 * Calls on a synchronous boto3 client or resource (`s3.upload_file`, `table.put_item`): each is a
 * network round trip. Building a request locally (`generate_presigned_url`, a paginator) is not.
 */
const BOTO3_CALL = /^boto3\.(client|resource)\.(?!get_paginator$|get_waiter$|can_paginate$|generate_presigned_\w+$)\w+$/;
/**
 * Calls on a Chroma collection (`collection.query`, `collection.add`): with `chromadb.HttpClient`
 * an HTTP round trip (and an embedding call when the collection embeds), with a persistent client
 * disk work; `AsyncHttpClient` is the twin to await.
 */
const CHROMA_COLLECTION_CALL = /\.(add|query|upsert|update|delete)$/;
const COLLECTION_RECEIVER = /collection$/i;
/** A file that uses Chroma's synchronous clients only. */
function syncChroma(model: PythonContextModel): boolean {
  return model.importsModule('chromadb') && !/\bAsyncHttpClient\b/.test(model.source);
}
/** Commands only Redis clients have: a client imported from another module still shows itself by them. */
const REDIS_COMMAND = /\.(xadd|xread|xreadgroup|xack|hset|hget|hgetall|hmset|lpush|rpush|lpop|rpop|blpop|brpop|setex|publish|zadd|zrange|incr|expire)$/;
/** A synchronous helper whose name says it runs the model (`predict_churn`, `generate_answer`, `make_prediction`). */
const INFERENCE_HELPER = /(^|_)(predict|inference|infer|classify|score|transcribe|forecast|detect|recognize|embed|answer)(_|$)|^(make_|get_|run_)?predictions?$/;
/** Helpers named after the bookkeeping they do (`log_inference`, `record_prediction`): they record a call, they do not run the model. */
const BOOKKEEPING = /^(log|record|track|audit|emit|report|count|observe|trace)_/;
/** Helpers named after data about a prediction (`get_predict_tasks`, `build_inference_request`): they build or look up, they do not run the model. */
const DATA_ABOUT = /_(tasks?|config|settings|schema|payload|request|params|url|path|queue|key|name|names)$/;
const GENERATE_HELPER = /(^|_)generate(_\w*)?_(answer|text|response|reply|completion|caption|summary|reasoning)(_|$)/;

export default pythonRule({
  id: 'blocking-call-in-async-handler',
  language: 'python',
  category: 'scalability',
  severity: 'warning',
  anchors: ['ASYNC210', 'ASYNC212', 'ASYNC230', 'ASYNC251'],
  messages: {
    blocking: l(
      "async 핸들러 '{handler}'에서 블로킹 호출 {callee}를 실행합니다 — 그동안 이벤트 루프의 다른 요청이 모두 멈춥니다",
      "The async handler '{handler}' makes the blocking call {callee} — every other request on the event loop waits meanwhile",
    ),
    ioLoop: l(
      "Tornado은 핸들러 '{handler}'를 IOLoop 스레드에서 실행합니다 — 동기 호출 {callee}가 끝날 때까지 다른 요청이 모두 멈춥니다",
      "Tornado runs the handler '{handler}' on its IOLoop thread — the synchronous call {callee} holds every other request until it returns",
    ),
    inference: l(
      "async 핸들러 '{handler}'에서 동기 추론 {callee}를 직접 호출합니다 — CPU를 쓰는 동안 이벤트 루프가 멈춥니다",
      "The async handler '{handler}' calls the synchronous inference {callee} directly — the event loop stalls while it computes",
    ),
    helper: l(
      "async 핸들러 '{handler}'가 동기 함수 {callee}()를 await 없이 부릅니다 — 이름으로 보아 모델을 실행하며, 끝날 때까지 이벤트 루프가 멈춥니다",
      "The async handler '{handler}' calls the synchronous function {callee}() without await — by its name it runs the model, and the event loop stalls until it returns",
    ),
    reached: l(
      "async 핸들러 '{handler}'가 동기 함수 {callee}()를 await 없이 부르고, 그 안에서 {blocking}이 실행됩니다 — 끝날 때까지 이벤트 루프가 멈춥니다",
      "The async handler '{handler}' calls the synchronous function {callee}() without await, and it runs {blocking} — the event loop stalls until it returns",
    ),
    asyncFunction: l(
      "async 함수 '{helper}'에서 블로킹 호출 {callee}를 실행합니다 — async 함수 안이라도 그동안 이벤트 루프의 다른 작업이 모두 멈춥니다",
      "The async function '{helper}' makes the blocking call {callee} — inside an async function too, everything else on the event loop waits meanwhile",
    ),
    asyncHelper: l(
      "async 함수 '{helper}'(핸들러 '{handler}'가 await)가 {callee}를 동기로 실행합니다 — async 함수 안이라도 그동안 이벤트 루프가 멈춥니다",
      "The async function '{helper}' (awaited by the handler '{handler}') runs {callee} synchronously — inside an async function too, the event loop stalls meanwhile",
    ),
    io: l(
      "async 핸들러 '{handler}'에서 동기 I/O {callee}를 실행합니다 — 파일이나 데이터 저장소를 기다리는 동안 다른 요청이 모두 멈춥니다",
      "The async handler '{handler}' performs the synchronous I/O {callee} — every other request waits while it reads or writes the file or data store",
    ),
  },
  docs: {
    summary: l(
      'async def 핸들러 안의 블로킹 호출(requests, time.sleep, 간격을 준 psutil CPU 측정(`psutil.cpu_percent(interval=1)`은 그 시간만큼 잠듭니다), subprocess, 동기 predict와 추론 헬퍼, 동기 LLM SDK 클라이언트(OpenAI(), Anthropic()), pandas 파일 I/O, 쓰기용 open()과 shutil 파일 복사, 동기 DB·Redis·boto3 클라이언트, pika BlockingConnection, 모든 청크를 임베딩하는 벡터 저장소 만들기·추가(`FAISS.from_documents`, `store.add_texts`))과, 어떤 코루틴에서든 이 파일의 LangChain 채팅 모델을 동기로 부르는 곳(`llm.invoke`), 스트림 컨슈머(aiokafka, Redis 스트림)의 `async for` 메시지 반복문 안에서 모델을 동기로 실행하는 곳(`model.predict`, `predict_winner` 같은 추론 헬퍼)을 찾습니다. 프로젝트 전체를 보면, 핸들러가 await하는 async 함수(그리고 그 함수가 다시 await하는 async 단계, 세 단계까지)가 모델을 동기로 실행하는 곳도 찾습니다. Tornado는 RequestHandler의 일반 `def get`/`def post`도 IOLoop에서 실행하므로 그 안의 같은 호출도 알립니다.',
      'Flags blocking calls (requests, time.sleep, psutil CPU measures given an interval (`psutil.cpu_percent(interval=1)` sleeps that long), subprocess, synchronous predict and inference helpers, synchronous LLM SDK clients such as OpenAI() and Anthropic(), pandas file I/O, open() for writing and shutil file copies, synchronous database, Redis and boto3 clients, the pika BlockingConnection, building or growing a vector store (`FAISS.from_documents`, `store.add_texts`), which embeds every chunk) inside async def handlers, a synchronous call on a LangChain chat model of the file (`llm.invoke`) in any coroutine, and a synchronous model run (`model.predict`, an inference helper such as `predict_winner`) inside the `async for` message loop of a stream consumer (aiokafka, Redis streams). Across the project, it also follows the async functions a handler awaits (and the async stages they await in turn, three levels deep) to one that runs the model synchronously. Tornado runs even a plain `def get`/`def post` of a RequestHandler on its IOLoop, so the same calls there are reported too.',
    ),
    why: l(
      'async 핸들러는 하나의 이벤트 루프를 공유합니다. 블로킹 호출 하나가 수백 ms를 쓰면 그동안 그 워커의 모든 요청이 멈추고, 동시성이 1로 떨어집니다.',
      'Async handlers share one event loop. A blocking call that takes hundreds of milliseconds freezes every request on that worker, dropping concurrency to one.',
    ),
    bad: "import time\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get('/slow')\nasync def slow():\n    time.sleep(1)\n    return {'ok': True}\n",
    good: "import asyncio\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get('/slow')\nasync def slow():\n    # TODO: 기다리는 동안 다른 요청은 어떻게 처리될까요?\n    await asyncio.sleep(1)\n    return {'ok': True}\n",
  },
  weeks: ['beginner/5', 'intermediate/4'],
  questions: [
    l(
      "'{handler}' 안의 {callee} 호출이 0.5초 걸리는 동안, 같은 워커로 들어온 다른 요청들은 무엇을 하고 있을까요?",
      "While {callee} in '{handler}' takes half a second, what are the other requests on the same worker doing?",
    ),
    l(
      '이 핸들러를 그냥 def로 두는 것과 async def로 두는 것은 {framework|이 프레임워크}에서 어떻게 다르게 실행될까요?',
      'How does {framework|your framework} run this handler differently as a plain def versus an async def?',
    ),
    l('CPU를 많이 쓰는 추론은 어디서 실행되는 게 좋을까요? (스레드 풀, 프로세스, 별도 서버)', 'Where should CPU-heavy inference run: a thread pool, a process, a separate server?'),
  ],
  scaffold: {
    ko: '# TODO: 이벤트 루프를 막지 않기\n# 고려사항:\n# - 이 핸들러가 async일 필요가 있나요? (def면 스레드 풀에서 실행됩니다)\n# - I/O는 비동기 클라이언트(httpx.AsyncClient, asyncio.sleep)로 바꿀 수 있나요?\n# - CPU 작업은 run_in_threadpool / asyncio.to_thread / 프로세스 풀 중 무엇이 맞을까요?\n# TODO: 블로킹 호출의 실행 위치 정하기\n',
    en: '# TODO: keep the event loop free\n# Consider:\n# - does this handler need to be async? (a plain def runs in a thread pool)\n# - can I/O use async clients (httpx.AsyncClient, asyncio.sleep)?\n# - for CPU work: run_in_threadpool, asyncio.to_thread or a process pool?\n# TODO: decide where the blocking call runs\n',
  },
  // Helpers the per-file pass cannot see into: a plain function of another module that blocks, or an awaited async helper that blocks inside.
  project(context) {
    const { view } = context;
    const asyncSites = new Set<string>();
    for (const [path, facts] of view.python) {
      for (const call of facts.handlerCalls ?? []) {
        if (call.task || !call.isAsync || call.via !== 'call') continue;
        const target = projectFunction(view, path, call.name, call.scope);
        if (!target) continue;
        if (!call.awaited && !target.fn.isAsync) {
          // Names the per-file pass already reads as inference (`predict_churn`) are its finding.
          const lower = call.name.toLowerCase();
          if (!call.name.includes('.') && !BOOKKEEPING.test(lower) && !DATA_ABOUT.test(lower) && (INFERENCE_HELPER.test(lower) || GENERATE_HELPER.test(lower))) continue;
          // So are inference methods on a model-like receiver (`predictor.predict`), however the instance is followed.
          const written = call.written ?? call.name;
          if (INFERENCE.test(written) && MODEL_RECEIVER.test(written.split('.').slice(-2)[0])) continue;
          const reached = calledEffect(view, path, call.name, 'blocking', call.scope);
          if (reached)
            context.report({
              path,
              range: call.range,
              messageId: 'reached',
              data: { handler: call.handler, callee: written, blocking: reached.effect.what },
              related: [{ path: reached.path, range: reached.effect.range, message: l('이벤트 루프를 막는 호출', 'the call that blocks the event loop') }],
            });
        } else if (call.awaited && target.fn.isAsync) {
          // An awaited async helper runs on the handler's loop, and so do the async helpers it awaits in turn.
          const blocked = blockingAsyncHelper(view, target);
          // A blocking library call in any async function is the per-file pass's own finding (asyncFunction).
          if (!blocked?.fn.blocking || BLOCKING.test(blocked.fn.blocking.what)) continue;
          const site = `${blocked.path}:${blocked.fn.blocking.range.start.line}`;
          if (asyncSites.has(site)) continue;
          asyncSites.add(site);
          context.report({
            path: blocked.path,
            range: blocked.fn.blocking.range,
            messageId: 'asyncHelper',
            data: { handler: call.handler, helper: blocked.fn.name, callee: blocked.fn.blocking.what },
          });
        }
      }
    }
  },
  check(context) {
    const { model } = context;
    // Every finding lies in a coroutine (an async handler, or any `async def`), whose `async`
    // keyword is in the text: a file without it is not walked call by call (a third of the
    // rule's time on the bench corpus was spent in files with no coroutine at all).
    if (!model.source.includes('async')) return;
    // The model run inline is one lesson per handler (`predict` then `predict_proba` is the same
    // stall twice); blocking I/O calls are each their own.
    const inferenceSaid = new Set<string>();
    const once = (handler: string): boolean => {
      if (inferenceSaid.has(handler)) return false;
      inferenceSaid.add(handler);
      return true;
    };
    // Text first: a call on an object looked up in a dict (`agent["qa"].run`) needs `].` in the file.
    const subscripted = model.source.includes('].');
    // A stream consumer's message loop needs `async for` in the file: most files with coroutines have none.
    const streamLoops = model.source.includes('async for');
    for (const call of model.calls) {
      const info = call.callee ? model.handlerOf(call.inFunction) : undefined;
      // `async def` starts the function's own text: a string test, no walk over its children.
      if (
        !info &&
        call.inFunction &&
        call.callee &&
        (blocks(call.callee, call.node) || (SYNC_CHAT_MODEL.test(call.callee) && call.node.parent?.type !== 'await')) &&
        model.source.startsWith('async', call.inFunction.startIndex) &&
        !inWorkerThread(call.node)
      ) {
        // Ruff's ASYNC210/251: any coroutine (a Gradio callback, a startup hook, a helper) shares the loop.
        const helper = call.inFunction.childForFieldName('name')?.text ?? 'async';
        const callee = blocks(call.callee, call.node) ? call.callee : (call.node.childForFieldName('function')?.text ?? call.callee);
        context.report({ node: call.node, messageId: 'asyncFunction', data: { helper, callee } });
        continue;
      }
      if (
        !info &&
        streamLoops &&
        call.inFunction &&
        call.callee &&
        call.node.parent?.type !== 'await' &&
        (isModelCall(call.node, call.callee) || isInferenceHelper(model, call.node, call.callee)) &&
        inAsyncForBody(call.node, call.inFunction)
      ) {
        // A stream consumer (`async for msg in consumer:`) that runs the model synchronously stalls its own heartbeats and every other task on the loop.
        const helper = call.inFunction.childForFieldName('name')?.text ?? 'async';
        if (once(`consumer:${call.inFunction.id}`))
          context.report({ node: call.node, messageId: 'asyncFunction', data: { helper, callee: call.node.childForFieldName('function')?.text ?? call.callee } });
        continue;
      }
      if (!call.callee) {
        // `agents["qa"].run(question)`: a model, chain or agent kept in a dict has no dotted callee.
        const kept = call.inFunction && subscripted && call.node.parent?.type !== 'await' ? keptInDict(call.node) : undefined;
        const handler = kept ? model.handlerOf(call.inFunction) : undefined;
        if (kept && handler?.isAsync && once(handler.name)) context.report({ node: call.node, messageId: 'inference', data: { handler: handler.name, callee: `${kept}()` } });
        continue;
      }
      // Tornado runs a plain `def get/post` on its IOLoop thread: a blocking call there holds every request as in a coroutine.
      const onLoop = info?.isAsync || info?.framework === 'tornado';
      if (!call.callee || !info || !onLoop) continue;
      const said = (id: 'blocking' | 'io' | 'inference' | 'helper') => (info.isAsync ? id : 'ioLoop');
      // A lambda the handler only builds (a chain step) runs later, off this handler's path.
      if (inDeferredLambda(call.node, info.node, model.source)) continue;
      const handler = info.name;
      if (blocks(call.callee, call.node)) {
        context.report({ node: call.node, messageId: said('blocking'), data: { handler, callee: call.callee } });
      } else if (call.node.parent?.type === 'await' || isAsyncClient(call.callee)) {
        continue;
      } else if (
        BLOCKING_IO.test(call.callee) ||
        FRAME_WRITE.test(call.callee) ||
        BOTO3_CALL.test(call.callee) ||
        (REDIS_COMMAND.test(call.callee) && /redis/i.test(call.callee) && !asyncRedis(model)) ||
        (CHROMA_COLLECTION_CALL.test(call.callee) && COLLECTION_RECEIVER.test(receiverOf(call.node)) && syncChroma(model))
      ) {
        context.report({ node: call.node, messageId: said('io'), data: { handler, callee: call.node.childForFieldName('function')?.text ?? call.callee } });
      } else if (FILE_COPY.test(call.callee) || writesFile(call.node, call.callee)) {
        // Ruff's ASYNC230: one lesson per handler, however many files it writes.
        if (once(`io:${handler}`))
          context.report({ node: call.node, messageId: said('io'), data: { handler, callee: call.node.childForFieldName('function')?.text ?? call.callee } });
      } else if (SYNC_LLM.test(call.callee) && !/(^|\.)Async\w*\./.test(call.callee) && (!OPENAI_MEDIA.test(call.callee) || model.importsModule('openai'))) {
        context.report({ node: call.node, messageId: said('blocking'), data: { handler, callee: call.node.childForFieldName('function')?.text ?? call.callee } });
      } else if (
        (LLM_CALL.test(call.callee) && call.node.childForFieldName('function')?.type === 'attribute') ||
        (ENGINE_CALL.test(call.callee) && ENGINE_RECEIVER.test(receiverOf(call.node)))
      ) {
        context.report({ node: call.node, messageId: said('inference'), data: { handler, callee: `${call.node.childForFieldName('function')!.text}()` } });
      } else if (isModelObjectCall(model, call.node)) {
        if (once(handler)) context.report({ node: call.node, messageId: said('inference'), data: { handler, callee: `${call.node.childForFieldName('function')!.text}()` } });
      } else if (isInferenceHelper(model, call.node, call.callee) || ownModelMethod(model, call.node)) {
        if (once(handler)) context.report({ node: call.node, messageId: said('helper'), data: { handler, callee: call.node.childForFieldName('function')?.text ?? call.callee } });
      } else if (INFERENCE.test(call.callee) && call.node.parent?.type !== 'await' && !isAsyncClient(call.callee)) {
        const fnNode = call.node.childForFieldName('function');
        // `agents["qa"].run(...)`: the object kept in a dict is judged by the dict's name.
        const receiver =
          fnNode?.type === 'attribute'
            ? (fnNode
                .childForFieldName('object')
                ?.text.replace(/\[[^\]]*\]$/, '')
                .split('.')
                .pop() ?? '')
            : '';
        if (!MODEL_RECEIVER.test(receiver)) continue;
        const callee = fnNode?.text ?? call.callee;
        if (once(handler)) context.report({ node: call.node, messageId: said('inference'), data: { handler, callee } });
      }
    }
  },
});

/**
 * `agents["qa"].run(...)`, `models[name].predict(...)`: a synchronous inference or chain call on an
 * object looked up in a dict whose name says it holds models, chains or agents, or under a key that
 * names a model (`app["model"]`); the call as written.
 */
function keptInDict(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute') return undefined;
  const object = fn.childForFieldName('object');
  const method = fn.childForFieldName('attribute')?.text ?? '';
  if (object?.type !== 'subscript' || !(INFERENCE.test(`.${method}`) || LLM_CALL.test(`.${method}`))) return undefined;
  const base = object.childForFieldName('value')?.text.split('.').pop() ?? '';
  // `request.app["model"].predict(...)`: aiohttp keeps shared objects in the app mapping, and the key names the object.
  const key = /^\[\s*['"](\w+)['"]\s*\]$/.exec(object.text.slice(object.childForFieldName('value')?.text.length ?? 0))?.[1];
  return MODEL_RECEIVER.test(base) || /(models|agents|chains|pipelines)$/i.test(base) || (key !== undefined && MODEL_RECEIVER.test(key)) ? fn.text : undefined;
}

type ProjectFunction = NonNullable<ReturnType<typeof projectFunction>>;

/**
 * The first async project function on an await chain (`handler -> run_pipeline -> predict`) that
 * blocks by itself: a pipeline of async stages whose last stage runs the model synchronously
 * stalls the loop as surely as the handler doing it. Only async callees are followed (a plain
 * helper called from one is the 'reached' lesson at its own call site), three levels deep.
 */
function blockingAsyncHelper(view: Parameters<typeof projectFunction>[0], start: ProjectFunction, depth = 0, seen = new Set<ProjectFunction['fn']>()): ProjectFunction | undefined {
  if (start.fn.blocking) return start;
  if (depth >= 3 || seen.has(start.fn)) return undefined;
  seen.add(start.fn);
  for (const call of start.fn.calls) {
    const next = projectFunction(view, start.path, call.name);
    if (!next?.fn.isAsync) continue;
    const found = blockingAsyncHelper(view, next, depth + 1, seen);
    if (found) return found;
  }
  return undefined;
}

/** Inside the body of an `async for` loop of the coroutine `fn` (a stream consumer's message loop). */
function inAsyncForBody(node: Node, fn: Node): boolean {
  for (let current: Node | null = node.parent; current && current.id !== fn.id; current = current.parent) {
    if (
      current.type === 'for_statement' &&
      current.child(0)?.type === 'async' &&
      current.childForFieldName('body')?.startIndex !== undefined &&
      node.startIndex >= current.childForFieldName('body')!.startIndex
    )
      return true;
  }
  return false;
}

/** `model.predict(x)`, `self.scorer.score(x)`: an inference method on a model-like receiver. */
function isModelCall(node: Node, callee: string): boolean {
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'attribute' || !INFERENCE.test(callee) || isAsyncClient(callee)) return false;
  const receiver = fn.childForFieldName('object')?.text.split('.').pop() ?? '';
  return MODEL_RECEIVER.test(receiver);
}

/** Names a model object goes by: calling it (`model(input_ids)`, `net(x)`) runs the forward pass. */
const MODEL_OBJECT = /^_*(model|net|clf|classifier|pipe|pipeline|llm|detector|encoder|generator|predictor|embedder|\w+_model)$/i;

/**
 * `model(input_ids, attention_mask)`: a module-level model object called directly (a torch module
 * or a Hugging Face pipeline runs synchronously). A function of that name, defined here or imported,
 * is not an object.
 */
function isModelObjectCall(model: PythonContextModel, node: Node): boolean {
  const fn = node.childForFieldName('function');
  // A model kept on the app's state or the instance: `app.state.model(text)`, `self.classifier(x)`.
  if (fn?.type === 'attribute') {
    const owner = fn.childForFieldName('object')?.text ?? '';
    return (owner === 'self' || /(^|\.)state$/.test(owner)) && MODEL_OBJECT.test(fn.childForFieldName('attribute')?.text ?? '');
  }
  if (fn?.type !== 'identifier' || !MODEL_OBJECT.test(fn.text) || model.imports.has(fn.text)) return false;
  return !new RegExp(`^[ \\t]*(?:async[ \\t]+)?(?:def|class)[ \\t]+${fn.text}\\b`, 'm').test(model.source);
}

/**
 * A plain-name call (`generate_answer(text)`, `predict_churn(x)`) to a function that is not
 * awaited: defined in this file as a plain def, or imported from a module of the project.
 * An un-awaited call to an async function would be a bug of its own, so it is synchronous.
 */
function isInferenceHelper(model: PythonContextModel, node: Node, callee: string): boolean {
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'identifier') return false;
  const name = fn.text.toLowerCase();
  if (BOOKKEEPING.test(name) || DATA_ABOUT.test(name) || (!INFERENCE_HELPER.test(name) && !GENERATE_HELPER.test(name))) return false;
  const local = model.functions.find((f) => f.parent?.type !== 'class_definition' && f.childForFieldName('name')?.text === fn.text);
  // A helper of this file shows what it does: a fake that returns a random label does not block.
  if (local) return !isAsync(local) && LOCAL_WORK.test(model.source.slice(local.startIndex, local.endIndex));
  // Imported from a library (`sklearn.metrics.accuracy_score`-style) is not a project helper;
  // a relative import (`from .rag import answer_question`) always names one of the project.
  return (callee.includes('.') && !LIBRARY_ROOT.test(callee)) || relativelyImported(model.source, fn.text);
}

/**
 * `self.vectors(texts)` inside an async method (a Ray Serve `__call__`, a BentoML or LitServe API):
 * a plain def of the same class whose body runs the model (`self.model(**batch)`, `.predict(...)`).
 * The body shows what the method does, so its name need not say it; bookkeeping names are left alone.
 */
function ownModelMethod(model: PythonContextModel, node: Node): boolean {
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.text !== 'self') return false;
  const name = fn.childForFieldName('attribute')?.text ?? '';
  if (BOOKKEEPING.test(name.toLowerCase()) || DATA_ABOUT.test(name.toLowerCase())) return false;
  const cls = enclosingClass(node);
  if (!cls) return false;
  const method = model.functions.find((f) => f.childForFieldName('name')?.text === name && enclosingClass(f)?.id === cls.id);
  return !!method && !isAsync(method) && LOCAL_WORK.test(model.source.slice(method.startIndex, method.endIndex));
}

function enclosingClass(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'class_definition') return current;
  return undefined;
}

/** What a local helper does that blocks: inference (an ONNX Runtime or TF1 session's `run` too), a sleep, an HTTP call. */
const LOCAL_WORK =
  /\.(predict\w*|generate|infer|score\w*|classify|transcribe|embed\w*|forward|invoke)\s*\(|\b(model|pipeline|pipe|llm)\s*\(|\b\w*_?(session|sess)\.run\s*\(|\btime\.sleep\s*\(|\brequests\.\w+\s*\(/;
const LIBRARY_ROOT = /^(sklearn|numpy|pandas|scipy|torch|tensorflow|keras|transformers|asyncio|anyio|starlette|fastapi|pydantic|math|statistics)\./;

const RELATIVE_IMPORT = /^[ \t]*from[ \t]+\.[\w.]*[ \t]+import[ \t]*(\([^)]*\)|[^\n]*)/gm;

/** `name` is bound by a relative import of this file (`from .rag_chain import answer_question as answer`). */
function relativelyImported(source: string, name: string): boolean {
  if (!source.includes('from .')) return false;
  for (const match of source.matchAll(RELATIVE_IMPORT)) {
    for (const item of match[1].replace(/[()]/g, '').split(',')) {
      const parts = item.trim().split(/\s+as\s+/);
      if ((parts[1] ?? parts[0]).trim() === name) return true;
    }
  }
  return false;
}

/** The file talks to Redis through its async client, so Redis calls are awaited elsewhere. */
function asyncRedis(model: PythonContextModel): boolean {
  return model.importsModule('redis.asyncio') || model.importsModule('aioredis');
}

/** `open(path, "wb")`: the builtin opened for writing (reads of a small template or config are left alone). */
function writesFile(node: Node, callee: string): boolean {
  if (callee !== 'open') return false;
  const mode = keywordArgument(node, 'mode') ?? positionalArguments(node)[1];
  const text = mode ? stringValue(mode) : undefined;
  return text !== undefined && /[wax]/.test(text);
}

/** `asyncio.run`, `loop.run_in_executor`-style names and known async libraries are not sync inference. */
function isAsyncClient(callee: string): boolean {
  // An object kept on the app's state (`app.state.model.predict`) resolves through the FastAPI class; it is the app's own object.
  if (callee.includes('.state.')) return false;
  return /^(asyncio|anyio|trio|starlette|fastapi|httpx\.AsyncClient|aiohttp)\b|run_in_executor|run_in_threadpool|to_thread/.test(callee);
}
