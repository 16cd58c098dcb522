import type { Node } from 'web-tree-sitter';
import { CLIENT } from '../../python/clients';
import { keywordArgument, type CallInfo, type PythonModel, stringValue } from '../../python/model';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/** The arguments that name where a client connects. */
const ADDRESS_KEYWORDS = ['bootstrap_servers', 'host', 'url', 'hosts', 'broker', 'endpoint_url', 'base_url', 'endpoint'];
/**
 * Loopback, Docker Desktop's `host.docker.internal`, or a raw IPv4 address (not the 0.0.0.0
 * wildcard a server binds to).
 */
const FIXED = /(^|[/@,\s])(localhost|127\.0\.0\.1|host\.docker\.internal|(?!0\.0\.0\.0)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(:\d+)?([/,\s]|$)/;
/** Docker Desktop's name for the host machine: it resolves nowhere else (a Linux server, CI, a cluster) unless mapped by hand. */
const DOCKER_HOST = /(^|[/@,\s])host\.docker\.internal([:/,\s]|$)/i;
/**
 * Host names a platform generates for one deployment of a service: an AWS load balancer or EC2
 * instance, a Render, Heroku, Cloud Run, Azure App Service or ngrok URL. They change with every
 * re-creation of that deployment and point at production from every environment; public APIs
 * (`api.openai.com`) are not among them.
 */
const DEPLOYMENT_HOST =
  /^https?:\/\/[\w.-]+\.(elb\.amazonaws\.com|compute(-\d+)?\.amazonaws\.com|onrender\.com|herokuapp\.com|run\.app|azurewebsites\.net|ngrok(-free)?\.(app|io|dev)|trycloudflare\.com)(:\d*)?([/?#]|$)/i;
/**
 * Clients named by an address argument besides the connection pools of `CLIENT`: LLM and vector
 * store clients (`ChatOllama(base_url=...)`, `chromadb.HttpClient(host=...)`, LiteLLM's
 * `completion(base_url=...)`) and aiocache's `Cache(endpoint=...)`.
 */
const ADDRESSED =
  /^(ollama\.(Client|AsyncClient)|(langchain_ollama|langchain_community|langchain)(\.(chat_models|llms|embeddings|ollama))*\.(ChatOllama|OllamaLLM|Ollama|OllamaEmbeddings)|chromadb\.(HttpClient|AsyncHttpClient)|litellm\.(completion|acompletion|embedding)|aiocache\.Cache|confluent_kafka\.(Producer|Consumer|admin\.AdminClient))$/;
/**
 * A single-label host name (`redis://queue:6379/0`, `kafka:9092`, `http://ollama:11434`): a compose
 * service or cluster-internal name, given with a scheme or a port. It resolves only inside that one
 * network; every other environment needs a code change.
 */
const SERVICE_NAME = /^(?:[a-z][\w+.-]*:\/\/(?:[^@/\s]*@)?(?!localhost\b)[a-z][a-z0-9_-]*(?::\d+)?(?:\/\S*)?|(?!localhost\b)[a-z][a-z0-9_-]*:\d+)$/i;
/** A bare host name given as `host=` (`redis.Redis(host="redis")`, `ConnectionParameters(host="rabbitmq")`). */
const BARE_NAME = /^(?!localhost$)[a-z][a-z0-9_-]*$/i;
/**
 * Clients whose first parameter is the host, so a positional bare name is one too:
 * `Redis("redis", port=6379)`, `pika.ConnectionParameters("rabbitmq")`, `MongoClient("mongo")`.
 */
const HOST_FIRST = /(^|\.)(Redis|StrictRedis|ConnectionParameters|MongoClient)$/;
function isHostKeyword(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'keyword_argument' && /^hosts?$/.test(parent.childForFieldName('name')?.text ?? '');
}
/** MLflow calls that name the tracking or registry server; any literal http(s) address there is configuration in code. */
const TRACKING = /^mlflow\.(set_tracking_uri|set_registry_uri|(tracking\.|client\.)?MlflowClient)$/;
const TRACKING_KEYWORDS = ['uri', 'tracking_uri', 'registry_uri'];
/** An HTTP client or session whose methods are HTTP calls (and whose `base_url=` names a service). */
const HTTP_SESSION = /^(httpx\.(Client|AsyncClient)|requests\.(Session|session))$/;
/** HTTP calls of requests and httpx (module functions, a Session's or a Client's methods). */
const HTTP_CALL = /^(requests(\.(api|Session|session))?|httpx(\.(Client|AsyncClient))?)\.(get|post|put|patch|delete|head|request|stream)$/;

export default pythonRule({
  id: 'hardcoded-service-address',
  language: 'python',
  category: 'reliability',
  severity: 'info',
  anchors: ['gap:hardcoded-endpoint'],
  callees: [...CLIENT, 'celery.Celery', 'pika.ConnectionParameters', TRACKING, HTTP_CALL, HTTP_SESSION, ADDRESSED],
  messages: {
    fixed: l(
      '{client}가 코드에 고정된 주소 {address}로 연결합니다 — 컨테이너 안에서 localhost는 그 컨테이너 자신이고, 환경이 바뀔 때마다 코드를 고쳐야 합니다',
      '{client} connects to the address {address} fixed in the code — inside a container localhost is the container itself, and every environment needs a code change',
    ),
    fixedRemote: l(
      '{client}가 코드에 고정된 주소 {address}로 연결합니다 — 서버가 옮겨 가거나 다른 환경(CI, 동료의 노트북, 클러스터)이 다른 서버를 쓰려면 코드를 고쳐야 합니다',
      '{client} connects to the address {address} fixed in the code — when the server moves, or another environment (CI, a teammate, a cluster) needs another one, the code must change',
    ),
    http: l(
      '이 앱은 코드에 고정된 주소 {address}로 다른 서비스를 부릅니다 — 컨테이너 안에서 localhost는 그 컨테이너 자신이라, compose나 Kubernetes에서는 요청이 상대 서비스에 닿지 않습니다',
      'This app calls another service at {address}, fixed in the code — inside a container localhost is the container itself, so under compose or Kubernetes the call never reaches the other service',
    ),
    dockerHost: l(
      '{client}가 코드에 고정된 주소 {address}로 연결합니다 — host.docker.internal은 Docker Desktop에서만 호스트를 가리키고, 리눅스 서버·CI·클러스터에서는 이름이 풀리지 않습니다',
      '{client} connects to {address}, fixed in the code — host.docker.internal names the host only under Docker Desktop; on a Linux server, in CI or in a cluster the name does not resolve',
    ),
    dockerHostSetting: l(
      '주소 {address}가 코드에 고정되어 있습니다 — host.docker.internal은 Docker Desktop에서만 호스트를 가리키고, 리눅스 서버·CI·클러스터에서는 이름이 풀리지 않습니다',
      'The address {address} is fixed in the code — host.docker.internal names the host only under Docker Desktop; on a Linux server, in CI or in a cluster the name does not resolve',
    ),
    serviceName: l(
      '{client}가 코드에 고정된 서비스 이름 {address}로 연결합니다 — 이 이름은 그 compose 네트워크(또는 클러스터 네임스페이스) 안에서만 풀리고, 노트북·CI·다른 스택에서 돌리려면 코드를 고쳐야 합니다',
      '{client} connects to the service name {address} fixed in the code — the name resolves only inside that one compose network (or cluster namespace); running it on a laptop, in CI or in another stack needs a code change',
    ),
    tracking: l(
      'MLflow 서버 주소 {address}가 코드에 고정되어 있습니다 — 노트북, 컨테이너, CI, 클러스터마다 주소가 다르니 MLFLOW_TRACKING_URI 환경 변수로 받으세요',
      'The MLflow server address {address} is fixed in the code — it differs between a laptop, a container, CI and a cluster; read it from the MLFLOW_TRACKING_URI environment variable',
    ),
  },
  docs: {
    summary: l(
      'DB·Redis·Kafka(confluent-kafka 설정 dict 포함)·메시지 브로커·LLM·벡터 DB 클라이언트에 localhost, IP 주소, host.docker.internal, 또는 compose 서비스 이름(`redis://redis:6379/0`, `kafka:9092`, `host="rabbitmq"`, `Redis("redis")`처럼 스킴이나 포트와 함께, 또는 host 인자로 쓴 점 없는 호스트 이름)을 코드로 고정한 곳, 그리고 MLflow 추적/레지스트리 서버의 http(s) 주소를 코드에 쓴 곳, 앱(핸들러가 있는 파일, Streamlit·Gradio 스크립트, 앱이 가져오는 함수 모듈)이 requests/httpx로 localhost·0.0.0.0·IP·host.docker.internal 주소나 배포 하나에 생성된 호스트 이름(AWS 로드밸런서·EC2, Render, Heroku, Cloud Run, ngrok)의 다른 서비스를 부르는 곳, 서비스에 연결하는 파일에서 host.docker.internal을 담은 상수를 찾습니다 (파일마다 한 번). 손으로 돌리는 클라이언트 스크립트와, 함수 옆에서 localhost로만 답하는 AWS Lambda 확장(AppConfig 2772, Parameters and Secrets 2773) 호출은 제외합니다.',
      'Flags database, Redis, Kafka (a confluent-kafka settings dict too), message-broker, LLM and vector-store clients pointed at localhost, a literal IP address, host.docker.internal or a compose service name (a host name with no dot given with a scheme or a port, or as `host=` or the host-first argument of a Redis, pika or MongoDB client: `redis://redis:6379/0`, `kafka:9092`, `host="rabbitmq"`, `Redis("redis")`) in the code, and MLflow tracking or registry servers given as a literal http(s) address, and apps (files with handlers, Streamlit or Gradio scripts, function modules the app imports) that call another service with requests or httpx at a localhost, 0.0.0.0, IP or host.docker.internal address, or at the generated host name of one deployment (an AWS load balancer or EC2 instance, Render, Heroku, Cloud Run, ngrok), fixed in code, and constants holding host.docker.internal in a file that connects to a service (once per file). Client scripts run by hand, and calls to an AWS Lambda extension (AppConfig on 2772, Parameters and Secrets on 2773), which answers only on localhost beside the function, are left alone.',
    ),
    why: l(
      '같은 코드가 노트북, 컨테이너, 클러스터에서 돌아갑니다. 주소가 코드에 박혀 있으면 컨테이너에서는 연결이 거부되고(localhost는 자기 자신), 서버를 옮길 때마다 새 이미지를 만들어야 합니다.',
      'The same code runs on a laptop, in a container and in a cluster. With the address baked in, the container refuses the connection (localhost is itself) and every move of the server needs a new image.',
    ),
    bad: "from kafka import KafkaConsumer\n\nconsumer = KafkaConsumer('orders', bootstrap_servers='localhost:9092')\n",
    good: "import os\nfrom kafka import KafkaConsumer\n\n# TODO: 주소는 어디서 올까요? (환경 변수, 설정 파일) 값이 없으면 어떻게 실패해야 할까요?\nconsumer = KafkaConsumer('orders', bootstrap_servers=os.environ['KAFKA_BOOTSTRAP_SERVERS'])\n",
  },
  weeks: ['beginner/3', 'intermediate/6'],
  questions: [
    l('이 코드를 컨테이너로 띄우면 {address}는 어느 기계를 가리킬까요?', 'Once this code runs in a container, which machine does {address} point to?'),
    l(
      '개발·스테이징·운영에서 주소가 다르다면, 코드를 바꾸지 않고 어떻게 넘겨줄 수 있을까요?',
      'If development, staging and production use different addresses, how can you pass them without changing the code?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 연결 주소를 설정으로 빼기\n# 고려사항:\n# - 환경 변수? 설정 파일? (12-factor)\n# - 값이 없을 때 조용히 localhost로 갈까요, 시작할 때 실패할까요?\n# - compose/k8s에서는 서비스 이름으로 찾을 수 있습니다\n# TODO: 주소를 os.environ에서 읽기\n',
    en: '# TODO: move the connection address into configuration\n# Consider:\n# - an environment variable? a settings file? (12-factor)\n# - with no value, silently fall back to localhost or fail at start-up?\n# - compose and Kubernetes resolve service names for you\n# TODO: read the address from os.environ\n',
  },
  check(context) {
    // Tests and fixtures talk to a local test server on purpose.
    if (isTestPath(context.path)) return;
    // One finding per file for the clients: the lesson (configuration, not code) and its fix are
    // the same for every client. Another service the app calls over HTTP is a second address to configure.
    let reported: string | undefined;
    let serviceName: { node: Node; value: string; client: string } | undefined;
    for (const call of context.calls) {
      if (call.callee && TRACKING.test(call.callee)) {
        const uri = trackingAddress(context.model, call.node);
        if (uri) {
          context.report({ node: uri.node, messageId: 'tracking', data: { address: uri.value } });
          reported = uri.value;
          break;
        }
        continue;
      }
      if (HTTP_CALL.test(call.callee ?? '')) continue;
      const address = fixedAddress(
        call.node,
        (name) => moduleValue(context.model, name, 'string'),
        (name) => moduleValue(context.model, name, 'dictionary'),
        HOST_FIRST.test(call.callee ?? ''),
      );
      if (!address) continue;
      const client = call.callee!.split('.').slice(-1)[0];
      // A compose service name works inside its stack: a loopback or machine address later in the file is the sharper lesson.
      if (!FIXED.test(address.value)) {
        serviceName ??= { node: address.node, value: address.value, client };
        continue;
      }
      // "localhost is the container itself" is the lesson for a loopback address only; a server's own IP has another one.
      const messageId = DOCKER_HOST.test(address.value) ? 'dockerHost' : LOOPBACK.test(address.value) ? 'fixed' : 'fixedRemote';
      context.report({ node: address.node, messageId, data: { client, address: address.value } });
      reported = address.value;
      break;
    }
    if (!reported && serviceName) {
      context.report({ node: serviceName.node, messageId: 'serviceName', data: { client: serviceName.client, address: serviceName.value } });
      reported = serviceName.value;
    }
    const target = httpTarget(context.model, context.calls);
    if (target && target.value !== reported) {
      const messageId = DOCKER_HOST.test(target.value) ? 'dockerHost' : LOOPBACK.test(target.value) ? 'http' : 'fixedRemote';
      context.report({ node: target.node, messageId, data: { address: target.value, client: target.client } });
      return;
    }
    if (reported) return;
    // A settings module that only holds the address (`BROKER_HOST = "host.docker.internal"`), read by the modules that connect.
    if (!context.model.source.includes('host.docker.internal')) return;
    for (const assignment of context.model.assignments) {
      const right = assignment.childForFieldName('right');
      const value = right?.type === 'string' ? stringValue(right) : undefined;
      if (right && value && DOCKER_HOST.test(value)) {
        context.report({ node: right, messageId: 'dockerHostSetting', data: { address: value } });
        return;
      }
    }
  },
});

/** A loopback host anywhere in the address (`localhost:9092`, `redis://127.0.0.1`, `mysql://root:pw@localhost/db`). */
const LOOPBACK = /(^|[/@,\s])(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?)([:/,\s]|$)/i;

/**
 * An AWS Lambda extension's local endpoint: the AppConfig agent (2772) and the Parameters and
 * Secrets extension (2773) run beside the function in its execution environment and answer only
 * on localhost, so there the loopback address is the documented one, not a container's mistake.
 */
const LAMBDA_EXTENSION = /^https?:\/\/(localhost|127\.0\.0\.1):(2772|2773)(\/|$)/i;

/**
 * A service that calls another service over HTTP at a loopback address fixed in code
 * (`API_URL = "http://localhost:8000"` in a Streamlit front end, `OLLAMA_URL` in a module the app
 * imports). Only code that runs as part of an app counts: a file with request handlers, a
 * Streamlit or Gradio script, or a module of functions with no entry point of its own (imported
 * by the app). A client script run by hand against the published port (a `__main__` block, or
 * top-level calls) is where localhost is right.
 */
function httpTarget(model: PythonModel, calls: readonly CallInfo[]): { node: Node; value: string; client: string } | undefined {
  const sessions = sessionNames(model);
  const http = [
    ...calls.filter((c) => HTTP_CALL.test(c.callee ?? '')),
    ...(sessions.size === 0 ? [] : model.calls.filter((c) => sessions.has(/^(\w+)\.(get|post|put|patch|delete|head|request|stream)$/.exec(c.callee ?? '')?.[1] ?? ''))),
  ];
  if (http.length === 0) return undefined;
  const app = model.handlers.length > 0 || model.importsModule('streamlit') || model.importsModule('gradio');
  if (!app && (model.mainGuard || http.some((c) => !c.inFunction))) return undefined;
  for (const call of http) {
    const url = keywordArgument(call.node, 'url') ?? call.node.childForFieldName('arguments')?.namedChildren.find((a) => a?.type !== 'keyword_argument');
    if (!url) continue;
    const literal = addressLiteral(model, url);
    const value = literal ? stringValue(literal) : undefined;
    // Loopback, the 0.0.0.0 a server binds (never a peer's address), Docker Desktop's host name, a raw
    // IPv4 address, or the generated host name of one deployment of the learner's own service.
    if (
      literal &&
      value &&
      !LAMBDA_EXTENSION.test(value) &&
      (/^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|host\.docker\.internal|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})([:/]|$)/i.test(value) || DEPLOYMENT_HOST.test(value))
    ) {
      return { node: literal, value, client: (call.callee ?? 'requests').split('.')[0] };
    }
  }
  return undefined;
}

/** Names bound to an HTTP client or session: `async with httpx.AsyncClient() as client:`, `session = requests.Session()`. */
function sessionNames(model: PythonModel): Set<string> {
  const names = new Set<string>();
  for (const call of model.calls) {
    if (!HTTP_SESSION.test(call.callee ?? '')) continue;
    const parent = call.node.parent;
    const bound =
      parent?.type === 'as_pattern'
        ? (parent.childForFieldName('alias')?.text ?? parent.namedChildren[1]?.text)
        : parent?.type === 'assignment'
          ? parent.childForFieldName('left')?.text
          : undefined;
    if (bound && /^\w+$/.test(bound)) names.add(bound);
  }
  return names;
}

/** The string literal a URL argument is or starts from: a literal, a name bound once to one, or an f-string led by such a name. */
function addressLiteral(model: PythonModel, url: Node): Node | undefined {
  // `"http://host:" + str(port) + "/predict"`: the address is the literal the concatenation starts with.
  if (url.type === 'binary_operator') return leadingString(url);
  if (url.type === 'string') {
    const lead = /^[rRbBuU]?[fF][rR]?['"]{1,3}\{\s*([A-Za-z_]\w*)\s*\}/.exec(url.text)?.[1];
    return lead ? boundString(model, lead) : url;
  }
  return url.type === 'identifier' ? boundString(model, url.text) : undefined;
}

/** The string a name is bound to, when every binding of the name in the file is one and the same literal. */
function boundString(model: PythonModel, name: string): Node | undefined {
  let found: { readonly statement: number; readonly nth: number; readonly value: string } | undefined;
  const parts = model.perStatement('bound-strings', (statement) => bindingsWithin(model.assignments, statement));
  for (let i = 0; i < parts.length; i++) {
    const bindings = parts[i];
    for (let nth = 0; nth < bindings.length; nth++) {
      const binding = bindings[nth];
      if (binding.name !== name) continue;
      if (binding.value === undefined || (found && found.value !== binding.value)) return undefined;
      found ??= { statement: i, nth, value: binding.value };
    }
  }
  if (!found) return undefined;
  const statement = model.statements[found.statement];
  const right = model.assignments[firstWithin(model.assignments, statement.startIndex) + found.nth].childForFieldName('right');
  return right ? leadingString(right) : undefined;
}

/** A string literal, or the literal a `+` concatenation starts with (`"http://host:" + str(port)`). */
function leadingString(node: Node): Node | undefined {
  let current: Node | null = node;
  while (current?.type === 'binary_operator' && current.childForFieldName('operator')?.text === '+') current = current.childForFieldName('left');
  return current?.type === 'string' ? current : undefined;
}

/** An assignment's target as written, and the string it binds (undefined when the value is not a plain string literal). */
interface Binding {
  readonly name: string | undefined;
  readonly value: string | undefined;
}

/**
 * The assignments inside one top-level statement, in document order, read once and kept across
 * re-lints (`perStatement`): a name looked up for every HTTP call read every assignment of the file
 * on each re-lint before.
 */
function bindingsWithin(assignments: readonly Node[], statement: Node): readonly Binding[] {
  const end = statement.endIndex;
  const bindings: Binding[] = [];
  for (let i = firstWithin(assignments, statement.startIndex); i < assignments.length && assignments[i].startIndex < end; i++) {
    const assignment = assignments[i];
    const right = assignment.childForFieldName('right');
    const lead = right ? leadingString(right) : undefined;
    bindings.push({ name: assignment.childForFieldName('left')?.text, value: lead ? stringValue(lead) : undefined });
  }
  return bindings;
}

/** The index of the first of `nodes` (in document order) that starts at or after `start`. */
function firstWithin(nodes: readonly Node[], start: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle].startIndex < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

function fixedAddress(
  call: Node,
  constant: (name: string) => Node | undefined,
  dictionary: (name: string) => Node | undefined,
  hostFirst: boolean,
): { node: Node; value: string } | undefined {
  const candidates: Node[] = [];
  for (const name of ADDRESS_KEYWORDS) {
    const value = keywordArgument(call, name);
    if (value) candidates.push(value);
  }
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  if (first && first.type !== 'keyword_argument') {
    // confluent-kafka takes its settings as a dict: `Consumer({"bootstrap.servers": ...})`, or `Consumer(conf)` after `conf = {...}`.
    const settings = first.type === 'dictionary' ? first : first.type === 'identifier' ? dictionary(first.text) : undefined;
    const servers = settings ? dictValue(settings, 'bootstrap.servers') : undefined;
    candidates.push(servers ?? first);
  }
  for (const node of candidates) {
    const items = node.type === 'list' ? node.namedChildren.filter((n): n is Node => n !== null) : [node];
    for (const item of items) {
      // `bootstrap_servers=KAFKA_SERVERS` after `KAFKA_SERVERS = "localhost:9092"`: the literal is the address in code.
      const literal = item.type === 'identifier' ? constant(item.text) : item;
      const value = literal ? stringValue(literal) : undefined;
      const host = isHostKeyword(node) || (hostFirst && node.id === first?.id);
      if (literal && value && (FIXED.test(value) || SERVICE_NAME.test(value) || (host && BARE_NAME.test(value)))) return { node: literal, value };
    }
  }
  return undefined;
}

/** A literal http(s) address given to an MLflow client (a local `sqlite:`/`file:` store is not a service). */
function trackingAddress(model: PythonModel, call: Node): { node: Node; value: string } | undefined {
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  const candidates = [...TRACKING_KEYWORDS.map((name) => keywordArgument(call, name)), first && first.type !== 'keyword_argument' ? first : undefined].map((node) =>
    // `MLFLOW_TRACKING_URI = "http://127.0.0.1:5000"` at the top, then `set_tracking_uri(MLFLOW_TRACKING_URI)`.
    node?.type === 'identifier' ? moduleValue(model, node.text, 'string') : node,
  );
  for (const node of candidates) {
    const value = node ? stringValue(node) : undefined;
    if (node && value && /^https?:\/\/[^\s{}]+$/i.test(value)) return { node, value };
  }
  return undefined;
}

/**
 * The string (or dict) a module-level constant holds, when the module assigns it once at the top
 * level (`BROKER = "localhost:9092"`): a name bound twice, or inside a function, is not a constant.
 */
function moduleValue(model: PythonModel, name: string, type: 'string' | 'dictionary'): Node | undefined {
  let found: Node | undefined;
  for (const assignment of model.assignments) {
    if (assignment.childForFieldName('left')?.text !== name) continue;
    if (found || assignment.parent?.type !== 'expression_statement' || assignment.parent.parent?.type !== 'module') return undefined;
    const right = assignment.childForFieldName('right');
    if (right?.type !== type || (type === 'string' && stringValue(right) === undefined)) return undefined;
    found = right;
  }
  return found;
}

/** The value of a string key in a dict literal (`{"bootstrap.servers": "localhost:9092"}`). */
function dictValue(dict: Node, key: string): Node | undefined {
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const name = pair.childForFieldName('key');
    if (name?.type === 'string' && stringValue(name) === key) return pair.childForFieldName('value') ?? undefined;
  }
  return undefined;
}
