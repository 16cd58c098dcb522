import type { Node } from 'web-tree-sitter';
import { servicesImporting } from '../../project/apps';
import type { CallInfo, PythonModel } from '../../python/model';
import { DOWNLOAD, downloadWhat } from '../../python/downloads';
import { l, pythonRule } from '../../rule';

/** Pretrained Keras applications: `weights='imagenet'` downloads the weights on first use. */
const KERAS_APPLICATION = /^(tensorflow\.)?keras\.applications\.(\w+\.)?[A-Z]\w*$/;
/** Pretrained torchvision models: `weights=ResNet50_Weights.DEFAULT` (or `pretrained=True`) downloads the weights on first use. */
const TORCHVISION_MODEL = /^torchvision\.models\.(\w+\.)?[a-z]\w*$/;
/** The project's own helpers named for what they do (`download_model_from_gcp()`, `download_model(bucket, prefix, path)`). */
const DOWNLOAD_HELPER = /^(download|fetch|pull)_?(\w*_)?(model|weights|checkpoint|artifact)s?(_\w+)?$/i;
/** How a `DOWNLOAD_HELPER` name starts, tested at a call's start. */
const HELPER_START = /download|fetch|pull/iy;
/** Functions that run once when the service starts, by name. */
const STARTUP_NAME = /^_?(load|init|initiali[sz]e|setup|set_up|startup|on_startup|bootstrap|warm_?up|lifespan|get_model|create_app)(_|$)/i;

export default pythonRule({
  id: 'model-downloaded-at-startup',
  language: 'python',
  local: 'statement',
  category: 'reliability',
  severity: 'info',
  anchors: ['gap:startup-download'],
  messages: {
    download: l(
      '서비스가 시작할 때마다 {what}을(를) 네트워크에서 내려받습니다 — 재시도·타임아웃·무결성 확인이 보이지 않아, 외부 저장소가 느리거나 막히면 시작하지 못하고 중간에 끊긴 파일이 완전한 모델로 쓰일 수 있습니다',
      'The service downloads {what} from the network every time it starts — with no retry, timeout or integrity check in sight, a slow or unreachable store keeps it from starting, and a half-written file can be taken for a complete model',
    ),
    imported: l(
      '이 모듈은 import될 때 {what}을(를) 네트워크에서 내려받는데, 서비스({service})가 이 모듈을 import합니다 — 서비스의 모든 시작(워커마다, 파드마다)이 외부 저장소에 달리고, 재시도·타임아웃도 없습니다',
      'This module downloads {what} when it is imported, and the service ({service}) imports it — every start of the service (each worker, each pod) depends on the network, with no retry or timeout',
    ),
    skipIfPresent: l(
      '파일(폴더)이 있으면 다운로드를 건너뛰고, 없으면 시작할 때 {what}을(를) 내려받습니다 — 중간에 끊긴 다운로드가 남긴 파일도 "있음"으로 통과해 불완전한 모델이 서비스되고, 다운로드에는 재시도·무결성 확인이 없습니다',
      'The start-up skips the download when the file (or folder) exists and fetches {what} otherwise — a download cut halfway leaves a file that passes the same check, so an incomplete model is served, and the download itself has no retry or integrity check',
    ),
  },
  docs: {
    summary: l(
      '서빙 코드가 시작할 때(모듈 수준, startup 훅, lifespan, load_* 함수) 모델·가중치·데이터를 내려받는 호출(urlretrieve, hf_hub_download, torch.hub, keras weights="imagenet", torchvision weights=/pretrained=True, nltk.download, download_model 같은 헬퍼)을 찾고, 여러 파일에 걸쳐서는 서비스가 import하는 학습 모듈·스크립트가 모듈 수준에서 내려받는 경우도 찾습니다.',
      'Flags serving code that downloads models, weights or data when it starts (at import, in a startup hook or lifespan, in a load_* function): urlretrieve, hf_hub_download, torch.hub, Keras weights="imagenet", torchvision weights= or pretrained=True, nltk.download, or a download_model-style helper; and, across files, a training module or script that downloads at its top level when a service imports it.',
    ),
    why: l(
      '시작할 때 내려받으면 모든 파드·컨테이너의 시작이 외부 저장소에 달립니다. 네트워크가 막힌 클러스터, 속도 제한, 릴리스 삭제 하나로 서비스가 뜨지 않고, 재시작할 때마다 같은 파일을 다시 받습니다. 다운로드가 중간에 끊기면 불완전한 파일이 남고, "파일이 있으면 건너뛰기" 검사는 그것을 완전한 모델로 믿습니다. 이미지 빌드 때 받아 두거나, 버전·체크섬을 확인하는 별도 초기화 단계로 옮기세요.',
      'A download at start-up makes every pod and container start depend on an outside store: a cluster without egress, a rate limit or a deleted release and the service does not come up, and every restart fetches the same file again. A download cut halfway leaves a partial file that an "exists, skip" check then trusts as a complete model. Fetch it at image build time, or in a separate init step that pins the version and verifies a checksum.',
    ),
    bad: "import urllib.request\n\nimport onnxruntime as ort\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.on_event('startup')\ndef load_model():\n    urllib.request.urlretrieve('https://example.org/model.onnx', 'model.onnx')\n    app.state.session = ort.InferenceSession('model.onnx')\n",
    good: "import onnxruntime as ort\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.on_event('startup')\ndef load_model():\n    # TODO: 모델은 이미지 빌드 때(또는 체크섬을 확인하는 초기화 단계에서) 받아 두고, 여기서는 읽기만 하기\n    app.state.session = ort.InferenceSession('/models/model.onnx')\n",
  },
  weeks: ['intermediate/3', 'intermediate/4'],
  questions: [
    l(
      '모델 저장소가 5분 동안 응답하지 않는 사이에 서비스가 재시작되면 어떻게 될까요?',
      'If the service restarts while the model store is unreachable for five minutes, what happens?',
    ),
    l(
      '다운로드가 절반에서 끊겼다면, 다음 시작에서 그 파일이 불완전하다는 것을 무엇이 알려 줄까요?',
      'If the download stops halfway, what tells the next start-up that the file is incomplete?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 시작이 네트워크에 달리지 않게 하기\n# 고려사항:\n# - 모델을 이미지 빌드 때 받아 두기 (Dockerfile RUN, 또는 init 컨테이너)\n# - 꼭 내려받아야 한다면: 버전 고정, 타임아웃과 재시도, 체크섬 확인 후 임시 파일을 원자적으로 옮기기\n# - 실패하면 어떤 파일이 왜 실패했는지 로그로 남기고 멈추기\n',
    en: '# TODO: keep start-up independent of the network\n# Consider:\n# - fetch the model at image build time (a Dockerfile RUN, or an init container)\n# - if it must be downloaded: pin the version, add a timeout and retries, verify a checksum, then move the temp file into place atomically\n# - on failure, log which file failed and why, and stop\n',
  },
  check(context) {
    const { model } = context;
    // Training code and one-shot scripts (top-level calls) download what they work on; that is their job.
    if (model.role === 'training' || model.role === 'script') return;
    // One finding per start-up function (or module): the second download there is the same lesson.
    const reported = new Set<number>();
    for (const call of model.calls) {
      const what = downloaded(call, model.source);
      if (!what || !atStartup(model, call.node)) continue;
      // A torchvision backbone in a model-definition module is built by whoever imports it (often training).
      if (what === 'the pretrained weights' && model.role !== 'serving') continue;
      const scope = call.inFunction?.id;
      if (scope !== undefined && reported.has(scope)) continue;
      if (scope !== undefined) reported.add(scope);
      const guard = existenceGuard(call.node);
      if (guard) context.report({ node: guard, messageId: 'skipIfPresent', data: { what } });
      else context.report({ node: call.node, messageId: 'download', data: { what } });
    }
  },
  // A training module or script may download at its top level; once a service imports it, that
  // download runs at every start of the service.
  project(context) {
    const { view } = context;
    const importedBy = servicesImporting(view.python, view.modules, { topLevelOnly: true });
    for (const [path, facts] of view.python) {
      const service = importedBy.get(path);
      if (!service) continue;
      for (const download of facts.importDownloads ?? [])
        context.report({ path, range: download.range, messageId: 'imported', data: { what: download.what, service: service.slice(service.lastIndexOf('/') + 1) } });
    }
  },
});

/** What the call downloads, if it is a download. */
function downloaded(call: CallInfo, source: string): string | undefined {
  const callee = call.callee;
  if (!callee) return undefined;
  if (DOWNLOAD.test(callee)) return downloadWhat(callee);
  // The arguments are read (out of WASM) only for the two callees that look at them.
  const args = () => call.node.childForFieldName('arguments')?.text ?? '';
  // A pretrained classifier used as is; `include_top=False` is a base for transfer learning.
  if (KERAS_APPLICATION.test(callee) && /\bweights\s*=\s*['"]imagenet['"]/.test(args()) && !/\binclude_top\s*=\s*False/.test(args())) return 'the ImageNet weights';
  if (TORCHVISION_MODEL.test(callee) && /\b(weights\s*=\s*(?!None\b)[\w'"]|pretrained\s*=\s*True\b)/.test(args())) return 'the pretrained weights';
  // A plain call of a function (defined here or imported), not a method of some object: its name
  // starts the call's text, so a call that starts with none of the helper words is not one.
  HELPER_START.lastIndex = call.node.startIndex;
  if (!HELPER_START.test(source)) return undefined;
  const fn = call.node.childForFieldName('function');
  if (fn?.type === 'identifier' && DOWNLOAD_HELPER.test(fn.text)) return 'the model';
  return undefined;
}

/** Does the call run when the service starts: at module level (not under `__main__`), or in a start-up function? */
function atStartup(model: PythonModel, node: Node): boolean {
  if (model.inMainGuard(node)) return false;
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'class_definition') return false;
    if (n.type !== 'function_definition') continue;
    if (model.isHandler(n)) return false;
    const decorated = n.parent?.type === 'decorated_definition' ? n.parent.text.slice(0, n.parent.text.indexOf('def ')) : '';
    if (/on_event\(\s*['"]startup|before_first_request|before_serving|\blifespan\b/.test(decorated)) return true;
    const name = n.childForFieldName('name')?.text ?? '';
    // A library's own loader only counts when it is clearly the model loader.
    return model.role === 'serving' ? STARTUP_NAME.test(name) : /^_?(load|get)_?\w*model/i.test(name);
  }
  return true;
}

/** The condition of an enclosing `if` that tests whether the file is already there (`os.path.exists`, `in os.listdir()`). */
function existenceGuard(node: Node): Node | undefined {
  for (let n = node.parent; n && n.type !== 'function_definition' && n.type !== 'module'; n = n.parent) {
    if (n.type !== 'if_statement') continue;
    const condition = n.childForFieldName('condition');
    if (condition && /\b(exists|isfile|isdir|listdir|is_file|is_dir)\b/.test(condition.text)) return condition;
  }
  return undefined;
}
