import type { Node } from 'web-tree-sitter';
import { keywordArgument, type PythonModel } from '../../python/model';
import { lineAssignedValue } from '../../python/scan';
import { isTestPath } from '../../python/test-code';
import { l, nodeRange, pythonRule } from '../../rule';
import { isNotebookModel } from '../../python/notebooks';
import { stagedScripts } from '../../project/dvc-facts';

/**
 * The service's (or the script's) own artifact, read outside any request: a file path (a literal,
 * a constant, a setting, `open(path)`), not bytes (`loads`) and not something just downloaded.
 * Reviewers rate that low: there is no integrity check, but nobody outside chooses the file.
 */
function loadsOwnArtifact(source: string, call: Node, callee: string, inHandler: boolean): boolean {
  if (/loads$|decode$/.test(callee)) return false;
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  if (!first || first.type === 'keyword_argument') return false;
  if (/https?:|urlopen|urlretrieve|requests\.|httpx\.|\.content\b|BytesIO|upload|download|s3|blob|\.get_object|hf_hub/i.test(first.text)) return false;
  const opened = first.type === 'call' && first.childForFieldName('function')?.text === 'open' ? first.childForFieldName('arguments')?.namedChildren[0] : first;
  // In a handler only a fixed path is the service's own file (reading it per request is
  // model-loaded-per-request's finding); anything else may be chosen by the request.
  if (inHandler) return opened !== undefined && fixedPath(source, opened);
  // A path handed in by the caller (`def load(path)`) could come from anywhere, a request
  // included, unless every call in this file hands in a fixed path.
  return !(opened?.type === 'identifier' && isParameter(call, opened.text) && !calledWithFixedPaths(source, call));
}

/** A string literal (not an f-string), or a name this file assigns one to (`MODEL_PATH = "model.pkl"`). */
function fixedPath(source: string, node: Node): boolean {
  if (node.type === 'string') return !/^[a-zA-Z]*f/i.test(node.text);
  if (node.type !== 'identifier') return false;
  const value = lineAssignedValue(source, node.text)?.trim() ?? '';
  return FIXED_PATH.test(value);
}

const FIXED_PATH = /^(?:(?:os\.path\.join|Path|pathlib\.Path)\()?\s*(?:[rRbBuU]?(?:'[^'{}\n]*'|"[^"{}\n]*")\s*,?\s*)+\)?$/;

/** The function around the call is called in this file, and always with a fixed path first. */
function calledWithFixedPaths(source: string, call: Node): boolean {
  let fn = call.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const name = fn?.childForFieldName('name')?.text;
  if (!fn || !name) return false;
  const uses = [...source.matchAll(new RegExp(`(?<!def\\s)\\b${name}\\(\\s*([^,)\\n]*)`, 'g'))].map((m) => m[1].trim());
  return uses.length > 0 && uses.every((argument) => FIXED_PATH.test(argument));
}

function isParameter(node: Node, name: string): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'function_definition') continue;
    return new RegExp(`(^|[(,\\s*])${name}\\b`).test(n.childForFieldName('parameters')?.text ?? '');
  }
  return false;
}

/**
 * The first argument of `call` is the path an earlier `.dump(obj, path)` of this file wrote: read
 * directly, through `open(path)`, or through the file object of a `with open(path) as f:` around
 * the load (a training script checking that the model it has just saved loads and predicts).
 */
function readsBackOwnDump(source: string, call: Node): boolean {
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  if (!first) return false;
  const path = first.type === 'identifier' ? (openedAs(call, first.text) ?? first.text) : (openedPath(first) ?? first.text);
  // Only a dump in the same function: `save(path)` and `load(path)` helpers share a parameter
  // name, not a file, and a service loading the model its training function wrote is not a round trip.
  let scope = call.parent;
  while (scope && scope.type !== 'function_definition') scope = scope.parent;
  const before = source.slice(scope?.startIndex ?? 0, call.startIndex);
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\.dump\\([^\\n]*,\\s*(?:open\\(\\s*)?${escaped}\\s*[,)]`).test(before);
}

/** The path of `open(path, ...)`, else undefined. */
function openedPath(node: Node): string | undefined {
  if (node.type !== 'call' || node.childForFieldName('function')?.text !== 'open') return undefined;
  return node.childForFieldName('arguments')?.namedChildren[0]?.text;
}

/** The path opened by the `with open(path) as name:` that encloses `node`, if any. */
function openedAs(node: Node, name: string): string | undefined {
  for (let n = node.parent; n && n.type !== 'function_definition' && n.type !== 'module'; n = n.parent) {
    if (n.type !== 'with_statement') continue;
    for (const item of n.descendantsOfType('as_pattern')) {
      if (item.namedChildren[1]?.text === name || item.childForFieldName('alias')?.text === name) return openedPath(item.namedChildren[0]);
    }
  }
  return undefined;
}

/** A file name that says it holds a model rather than data (`model.pkl`, `rf_classifier.joblib`, `best.pt`). */
const MODEL_FILE = /(model|clf|classifier|regressor|estimator|pipeline|learner|forest|xgb|lgbm|catboost)[^/]*$|\.(pt|pth|ckpt|h5|keras|onnx)$/i;

/** At most this many further loads of a group are named as related places. */
const MAX_RELATED = 5;

const ALSO_LOADED = l('같은 방식으로 읽는 이 파일의 다른 산출물', 'another of this file’s artifacts, read the same way');

/** Pipeline runners whose steps read what an earlier step of the same run wrote. */
const ORCHESTRATORS = ['airflow', 'prefect', 'dagster', 'kfp', 'luigi', 'metaflow', 'zenml'];

/**
 * An offline step (a test, an orchestrated pipeline task, an evaluation script) reading its own
 * artifacts: an earlier step of the same pipeline wrote the file and no network-facing process
 * opens it. Reviewers do not raise unpickling there; they do in a service, a worker, or a module
 * a service imports. (torch.load keeps its finding: weights_only is a one-word fix.)
 */
function offline(model: PythonModel, path: string): boolean {
  if (model.role === 'serving') return false;
  if (isTestPath(path) || testModule(model, path) || ORCHESTRATORS.some((m) => model.importsModule(m))) return true;
  if (!model.importsModule('sklearn.metrics')) return false;
  // An evaluation script: run directly, or a flat file of top-level statements (no function or
  // class a service could import) that scores the model it loads.
  return model.role === 'script' || (model.role === 'library' && !/^(?:async\s+)?def\s|^class\s/m.test(model.source));
}

/** A test by its name (`test.py`, `tests.py`) or by what it holds: pytest-style `def test_...` at top level. */
function testModule(model: PythonModel, path: string): boolean {
  const file = path.split(/[\\/]/).pop() ?? '';
  return /^tests?\.py$/.test(file) || /^def test_\w*\s*\(/m.test(model.source);
}

/** Loaders that run code from the file they read (pickle protocol or equivalent). */
const PICKLE_LOADERS = new Set([
  'pickle.load',
  'pickle.loads',
  'pickle.Unpickler',
  'cPickle.load',
  'cPickle.loads',
  'dill.load',
  'dill.loads',
  'cloudpickle.load',
  'cloudpickle.loads',
  'joblib.load',
  'sklearn.externals.joblib.load',
  'pandas.read_pickle',
  'shelve.open',
  'jsonpickle.decode',
  'numpy.load',
]);

/** fastai's `load_learner` unpickles the exported Learner (through torch.load, weights_only off). */
const FASTAI_LEARNER = /^fastai(\.\w+)*\.load_learner$/;
const isPickleLoader = (callee: string) => PICKLE_LOADERS.has(callee) || FASTAI_LEARNER.test(callee);

/** Arguments that carry the request's bytes: Flask `request.files/data`, an `UploadFile`, a Django body. */
const REQUEST_DATA = /\brequest\s*\.\s*(files|data|get_data|body|stream|FILES)\b|\b(file|upload|uploaded)\w*\s*\.\s*(file|read)\b/;

export default pythonRule({
  id: 'unsafe-deserialization',
  language: 'python',
  // Not local: whether a path is fixed can depend on a constant or on the call sites of a
  // load_model(path) helper elsewhere in the file, and one open file read twice is one finding.
  category: 'security',
  severity: 'warning',
  anchors: ['B301', 'S301', 'B403', 'B614', 'CWE-502'],
  messages: {
    pickle: l('{callee}는 파일 안의 코드를 실행할 수 있는 pickle 기반 로더입니다', '{callee} is a pickle-based loader that can run code stored in the file'),
    torch: l('torch.load가 weights_only=True 없이 호출됩니다', 'torch.load is called without weights_only=True'),
    numpy: l('numpy.load가 allow_pickle=True로 호출됩니다', 'numpy.load is called with allow_pickle=True'),
    skopsTrusted: l(
      'skops.io.load가 trusted=True로 호출됩니다 — 파일 안의 모든 타입을 믿으므로 skops의 보호가 사라지고, pickle처럼 코드를 실행할 수 있습니다',
      'skops.io.load is called with trusted=True — every type in the file is trusted, which removes the protection skops exists for: like a pickle, the file can run code',
    ),
    dangerous: l(
      '{callee}가 allow_dangerous_deserialization=True로 호출됩니다 — 인덱스 파일 안의 pickle이 코드를 실행할 수 있습니다',
      '{callee} is called with allow_dangerous_deserialization=True — the pickle inside the index files can run code',
    ),
    fromRequest: l(
      "핸들러 '{handler}'가 요청으로 받은 데이터를 {callee}로 역직렬화합니다 — 요청을 보내는 누구나 서버에서 코드를 실행할 수 있습니다",
      "The handler '{handler}' deserialises request data with {callee} — anyone who can send a request can run code on the server",
    ),
  },
  severityReasons: {
    fromRequest: {
      severity: 'error',
      message: l(
        '요청으로 받은 바이트를 역직렬화합니다 — 요청을 보낼 수 있는 누구나 서버에서 코드를 실행할 수 있습니다',
        'request bytes are deserialised: anyone who can send a request can run code on the server',
      ),
    },
    ownArtifact: { severity: 'info', message: l('서비스가 시작할 때 자기 모델 파일을 한 번 불러옵니다', 'the service loads its own model file once at start-up') },
    ownArtifactInHandler: {
      severity: 'info',
      message: l(
        '핸들러가 고정된 경로의 자기 모델 파일을 읽습니다 — 파일을 고르는 것은 요청이 아닙니다 (요청마다 읽는 문제는 model-loaded-per-request가 다룹니다)',
        'the handler reads its own model file from a fixed path: the request does not choose the file (reading it per request is model-loaded-per-request)',
      ),
    },
  },
  docs: {
    summary: l(
      'pickle/dill/cloudpickle/joblib/pandas.read_pickle/shelve 로더와 fastai의 load_learner, weights_only 없는 torch.load, allow_dangerous_deserialization=True로 여는 벡터 스토어(FAISS.load_local), trusted=True로 모든 타입을 믿는 skops.io.load를 찾습니다 (파일이 핸들러 밖에서 같은 로더로 읽는 자기 산출물은 첫 번째에서 한 번만 알리고 나머지는 관련 위치로 보여 주며, 테스트·오케스트레이션 태스크·평가 스크립트처럼 앞 단계가 쓴 파일을 읽는 오프라인 단계, 같은 함수가 방금 저장한 파일을 다시 읽어 보는 확인, 프로젝트의 다른 스크립트가 쓴 데이터 파일(모델 파일이 아닌 것)을 읽는 학습 스크립트는 알리지 않습니다).',
      'Flags pickle, dill, cloudpickle, joblib, pandas.read_pickle and shelve loaders and fastai’s load_learner, torch.load without weights_only=True, vector stores opened with allow_dangerous_deserialization=True (FAISS.load_local), and skops.io.load with trusted=True (every type trusted); a file reading its own artifacts with one loader outside any handler is told once, on the first, with the others as related places, and offline steps (tests, orchestrated tasks, evaluation scripts) reading what an earlier step wrote, a check that reads back the file the same function has just dumped, and a training script reading a data file (not a model file) that another script of the project writes are not told.',
    ),
    why: l(
      'pickle 형식은 역직렬화하면서 임의의 파이썬 코드를 실행합니다. 모델 파일이 바뀌거나 업로드된 파일을 그대로 읽으면 서버 권한으로 공격 코드가 실행됩니다.',
      'Unpickling runs arbitrary Python code. If the model file is swapped or comes from a user, the attacker runs code with the server’s permissions.',
    ),
    bad: "import pickle\n\nmodel = pickle.load(open('model.pkl', 'rb'))\n",
    good: "import onnxruntime as ort\n\n# TODO: 모델 파일의 해시를 배포 전에 검증하세요. 어디에 기록해 둘까요?\nsession = ort.InferenceSession('model.onnx')\n",
  },
  weeks: ['beginner/1', 'advanced/2', 'advanced/4'],
  questions: [
    l(
      '{!handler}{callee}로 읽는 파일을 누군가 바꿔치기한다면, 서버에서 어떤 일이 일어날 수 있을까요?',
      '{!handler}If someone swapped the file {callee} reads, what could happen on the server?',
    ),
    l(
      "'{handler}'에 요청을 보낼 수 있는 사람이 {callee}에 넘어가는 바이트를 직접 만든다면, 서버에서 무엇을 실행시킬 수 있을까요?",
      "If whoever can call '{handler}' crafts the bytes that reach {callee}, what can they make the server run?",
    ),
    l('{!handler}로딩하는 파일이 우리가 만든 그 파일이라는 것을 어떻게 확인할 수 있을까요?', '{!handler}How could you check that the file you load is the one you produced?'),
    l(
      '코드를 실행하지 않는 형식(safetensors, ONNX, skops)으로 저장하면 무엇을 잃고 무엇을 얻을까요?',
      'What would you gain and lose by saving in a format that does not execute code (safetensors, ONNX, skops)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 안전한 모델 로딩\n# 고려사항:\n# - 이 파일은 누가 만들고 어디에 저장되나요? (신뢰 경계)\n# - 배포 전에 파일 해시를 어디에 기록하고, 로딩 시 어떻게 비교할까요?\n# - 코드 실행이 없는 형식(safetensors/ONNX/skops)으로 바꿀 수 있나요?\n# TODO: 사용자 입력 경로의 파일은 절대 pickle로 읽지 않기\n',
    en: '# TODO: load the model safely\n# Consider:\n# - who produces this file and where is it stored? (trust boundary)\n# - where do you record its hash before deploying, and how do you compare it at load time?\n# - could you switch to a format that runs no code (safetensors/ONNX/skops)?\n# TODO: never unpickle a file whose path comes from user input\n',
  },
  // A DVC stage reading what an earlier stage of the same pipeline wrote (`models/model.pkl` is
  // the training stage's out) is an offline step reading its own artifact, as an orchestrated
  // task is: no network-facing process chooses or receives that file.
  project(context) {
    for (const { path, stage, pipeline } of stagedScripts(context.view.files)) {
      const script = context.view.python.get(path);
      if (!script || script.serves || script.routes.length > 0) continue;
      const produced = (file: string) => pipeline.some((other) => other !== stage && other.outs.some((out) => file === out || file.startsWith(`${out}/`)));
      // torch.load keeps its finding: weights_only=True is a one-word fix wherever the file comes from.
      for (const read of script.dataReads ?? []) {
        if (read.callee && !/^torch\./.test(read.callee) && produced(read.path)) context.withdraw(path, read.range.start.line);
      }
    }
    // A training script unpickling data another script of the project writes (the dataset its
    // download step saved, the splits of a preprocessing step) reads a file only this project has
    // made: there is no one else's file to distrust. A model file keeps its finding wherever it is
    // loaded (it is the artifact that ships, and reviewers ask for an integrity check, at low).
    const writers = new Map<string, Set<string>>();
    for (const [path, facts] of context.view.python) {
      for (const write of facts.dataWrites ?? []) {
        const paths = writers.get(write.path) ?? new Set<string>();
        writers.set(write.path, paths.add(path));
      }
    }
    for (const [path, script] of context.view.python) {
      if (!script.trains || script.serves || script.routes.length > 0) continue;
      for (const read of script.dataReads ?? []) {
        if (!read.callee || !/^(open|joblib\.load)$/.test(read.callee) || MODEL_FILE.test(read.path)) continue;
        if (![...(writers.get(read.path) ?? [])].some((writer) => writer !== path)) continue;
        context.withdraw(path, read.range.start.line);
        // `with open(path, "rb") as f:` reads on the next line (`pickle.load(f)`).
        if (read.callee === 'open') context.withdraw(path, read.range.start.line + 1);
      }
    }
  },
  callees: [...PICKLE_LOADERS, FASTAI_LEARNER, 'torch.load', 'torch.serialization.load', 'skops.io.load', /\.load_local$/],
  check(context) {
    // A notebook saved as a script is an exploration, not the code that runs (see isNotebookExport).
    if (isNotebookModel(context.model)) return;
    const { model } = context;
    const reported = new Set<string>();
    const isOffline = offline(model, context.path);
    const ownGroups = new Map<string, Node[]>();
    for (const call of context.calls) {
      const callee = call.callee!;
      // The worst case first: bytes from the request itself reach the loader.
      const handler = call.inFunction ? model.enclosingHandler(call.node) : undefined;
      if (handler && callee !== 'numpy.load' && REQUEST_DATA.test(model.source.slice(call.node.startIndex, call.node.endIndex))) {
        context.report({ node: call.node, messageId: 'fromRequest', data: { handler: handler.name, callee }, severityReason: 'fromRequest' });
        continue;
      }
      if (/\.load_local$/.test(callee)) {
        // LangChain's FAISS (and similar) vector stores keep their docstore as a pickle and refuse
        // to read it unless told it is safe.
        const flag = keywordArgument(call.node, 'allow_dangerous_deserialization');
        if (flag?.text !== 'True' || !flag.parent) continue;
        const own = loadsOwnArtifact(model.source, call.node, callee, handler !== undefined);
        const severityReason = own ? (handler ? 'ownArtifactInHandler' : 'ownArtifact') : undefined;
        context.report({ node: flag.parent, messageId: 'dangerous', data: { callee: callee.split('.').slice(-2).join('.') }, severityReason });
      } else if (callee === 'torch.load' || callee === 'torch.serialization.load') {
        if (keywordArgument(call.node, 'weights_only')?.text !== 'True') context.report({ node: call.node, messageId: 'torch' });
      } else if (callee === 'skops.io.load') {
        // skops refuses unknown types unless told otherwise; `trusted=True` (older releases) trusts them all.
        const flag = keywordArgument(call.node, 'trusted');
        if (flag?.text !== 'True' || !flag.parent) continue;
        const own = loadsOwnArtifact(model.source, call.node, callee, handler !== undefined);
        if (own && isOffline && !handler) continue;
        // Reading back the file this script has just written (a round-trip check after training) trusts itself only.
        if (!handler && readsBackOwnDump(model.source, call.node)) continue;
        context.report({ node: flag.parent, messageId: 'skopsTrusted', severityReason: own ? (handler ? 'ownArtifactInHandler' : 'ownArtifact') : undefined });
      } else if (callee === 'numpy.load') {
        if (keywordArgument(call.node, 'allow_pickle')?.text === 'True') context.report({ node: call.node, messageId: 'numpy' });
      } else if (isPickleLoader(callee)) {
        // Several objects read one after another from one open file are one finding.
        const key = `${callee}(${call.node.childForFieldName('arguments')?.namedChildren[0]?.text ?? ''})@${call.inFunction?.startIndex ?? -1}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const own = loadsOwnArtifact(model.source, call.node, callee, handler !== undefined);
        if (own && isOffline && !handler) continue;
        // Reading back the file this script has just written (a round-trip check after training) trusts itself only.
        if (!handler && readsBackOwnDump(model.source, call.node)) continue;
        // The file's own artifacts read with one loader outside any handler (a vectoriser, then the
        // model; the four splits a training step wrote) are one lesson: told once, on the first
        // load, with the others as related places. Reviewers write it once per file, and the
        // second and later loads were never the place they wrote it (dev: 0 of 182 matched).
        if (own && !handler) {
          const group = ownGroups.get(callee);
          if (group) group.push(call.node);
          else ownGroups.set(callee, [call.node]);
          continue;
        }
        const severityReason = own ? 'ownArtifactInHandler' : undefined;
        context.report({ node: call.node, messageId: 'pickle', data: { callee }, severityReason });
      }
    }
    for (const [callee, [first, ...others]] of ownGroups) {
      const related = others.slice(0, MAX_RELATED).map((node) => ({ range: nodeRange(node), message: ALSO_LOADED }));
      context.report({ node: first, messageId: 'pickle', data: { callee }, severityReason: 'ownArtifact', related });
    }
  },
});
