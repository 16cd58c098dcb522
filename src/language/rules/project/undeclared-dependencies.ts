import { packageInstalls, splitCommand, type Server } from '../../project/commands';
import { distributionKey } from '../../project/text-facts';
import type { FileFacts, PythonFacts } from '../../project/facts';
import { wrapsPackage } from '../../project/modules';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';

/**
 * Third-party modules learners import, with the distributions that provide them. Only names in
 * this table are checked: a module that is not here may be the project's own, and guessing
 * would teach a wrong lesson.
 */
const DISTRIBUTIONS: Readonly<Record<string, readonly string[]>> = {
  sklearn: ['scikit-learn', 'sklearn'],
  pandas: ['pandas'],
  polars: ['polars'],
  torch: ['torch', 'pytorch'],
  torchvision: ['torchvision'],
  tensorflow: ['tensorflow', 'tensorflow-cpu', 'tensorflow-gpu', 'tensorflow-macos', 'tensorflow-intel', 'tf-nightly'],
  keras: ['keras', 'tensorflow', 'tensorflow-cpu', 'tensorflow-gpu', 'tensorflow-macos'],
  xgboost: ['xgboost'],
  lightgbm: ['lightgbm'],
  catboost: ['catboost'],
  transformers: ['transformers'],
  datasets: ['datasets'],
  sentence_transformers: ['sentence-transformers'],
  lightning: ['lightning'],
  pytorch_lightning: ['pytorch-lightning', 'lightning'],
  mlflow: ['mlflow', 'mlflow-skinny'],
  wandb: ['wandb'],
  optuna: ['optuna'],
  hydra: ['hydra-core'],
  bentoml: ['bentoml'],
  evidently: ['evidently'],
  statsmodels: ['statsmodels'],
  prophet: ['prophet'],
  matplotlib: ['matplotlib'],
  seaborn: ['seaborn'],
  cv2: ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'opencv-contrib-python-headless'],
  PIL: ['pillow'],
  // Ray Serve (`ray[serve]`) and Gradio install FastAPI and uvicorn themselves: a Ray Serve ingress or a
  // Gradio app mounted on FastAPI imports them with only `ray[serve]` or `gradio` declared.
  fastapi: ['fastapi', 'ray', 'gradio'],
  flask: ['flask'],
  streamlit: ['streamlit'],
  gradio: ['gradio'],
  uvicorn: ['uvicorn', 'ray', 'gradio'],
  sqlalchemy: ['sqlalchemy'],
  psycopg2: ['psycopg2', 'psycopg2-binary'],
  pymongo: ['pymongo'],
  // RQ requires redis-py: a worker that imports `redis` next to `rq` has it installed.
  redis: ['redis', 'rq'],
  celery: ['celery'],
  kafka: ['kafka-python', 'kafka-python-ng'],
  confluent_kafka: ['confluent-kafka'],
  boto3: ['boto3'],
  prometheus_client: ['prometheus-client'],
  prometheus_fastapi_instrumentator: ['prometheus-fastapi-instrumentator'],
  prometheus_flask_exporter: ['prometheus-flask-exporter'],
  structlog: ['structlog'],
  onnxruntime: ['onnxruntime', 'onnxruntime-gpu'],
  openai: ['openai', 'langchain-openai'],
  imblearn: ['imbalanced-learn'],
  feature_engine: ['feature-engine'],
  shap: ['shap'],
  yaml: ['pyyaml'],
  dotenv: ['python-dotenv'],
  // LLM and RAG stacks. An integration package is listed with the SDK it installs, so importing the
  // SDK under a declared integration is not reported; `langchain_core` and `llama_index` are left
  // out: every package of their family installs them.
  langchain: ['langchain', 'langchain-community', 'langchain-experimental'],
  langchain_community: ['langchain-community', 'langchain'],
  langchain_openai: ['langchain-openai'],
  langchain_google_genai: ['langchain-google-genai'],
  langchain_anthropic: ['langchain-anthropic'],
  langchain_groq: ['langchain-groq'],
  langchain_ollama: ['langchain-ollama'],
  langchain_mistralai: ['langchain-mistralai'],
  langchain_huggingface: ['langchain-huggingface'],
  langchain_chroma: ['langchain-chroma'],
  langchain_pinecone: ['langchain-pinecone'],
  langchain_aws: ['langchain-aws'],
  // Google's SDKs share the `google` namespace with protobuf and the cloud clients: keyed by two parts.
  'google.generativeai': ['google-generativeai', 'langchain-google-genai'],
  'google.genai': ['google-genai', 'langchain-google-genai'],
  anthropic: ['anthropic', 'langchain-anthropic'],
  groq: ['groq', 'langchain-groq'],
  ollama: ['ollama', 'langchain-ollama'],
  cohere: ['cohere', 'langchain-cohere'],
  chromadb: ['chromadb', 'chromadb-client', 'langchain-chroma'],
  faiss: ['faiss-cpu', 'faiss-gpu', 'faiss', 'faiss-cpu-noavx2'],
  pinecone: ['pinecone', 'pinecone-client', 'langchain-pinecone'],
  qdrant_client: ['qdrant-client', 'langchain-qdrant'],
  pypdf: ['pypdf'],
  PyPDF2: ['pypdf2'],
  fitz: ['pymupdf'],
  bs4: ['beautifulsoup4', 'bs4'],
  docx: ['python-docx'],
  jwt: ['pyjwt'],
  magic: ['python-magic', 'python-magic-bin'],
};
/** Environments that are declared in a form the project model does not read: trust them. */
const OTHER_DECLARATIONS = /(^|[\\/])(setup\.py|environment\.ya?ml|conda\.ya?ml|conda-env\.ya?ml|MLproject)$/i;
/** AWS Lambda's Python base images (ECR Public and Docker Hub), which ship boto3 and botocore. */
const LAMBDA_PYTHON_IMAGE = /^(public\.ecr\.aws\/lambda\/python|(docker\.io\/)?amazon\/aws-lambda-python)(:|@|$)/i;
const AWS_SDK = ['boto3', 'botocore'];
/**
 * Framework images that ship their framework: `tensorflow/tensorflow` has TensorFlow and its Keras,
 * `pytorch/pytorch` and NVIDIA's NGC images have PyTorch (and torchvision). A service built on one
 * does not list what the image already installed.
 */
const FRAMEWORK_IMAGES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^(docker\.io\/)?tensorflow\/tensorflow(:|@|$)/i, ['tensorflow', 'keras']],
  [/^nvcr\.io\/nvidia\/tensorflow(:|@|$)/i, ['tensorflow', 'keras']],
  [/^(docker\.io\/)?pytorch\/pytorch(:|@|$)/i, ['torch', 'torchvision']],
  [/^nvcr\.io\/nvidia\/pytorch(:|@|$)/i, ['torch', 'torchvision']],
  // The server images a FastAPI or Flask service is often built on ship their server (and framework).
  [/^(docker\.io\/)?tiangolo\/uvicorn-gunicorn-fastapi(:|@|$)/i, ['uvicorn', 'gunicorn', 'fastapi']],
  [/^(docker\.io\/)?tiangolo\/uvicorn-gunicorn(:|@|$)/i, ['uvicorn', 'gunicorn']],
  [/^(docker\.io\/)?tiangolo\/meinheld-gunicorn(-flask)?(:|@|$)/i, ['gunicorn', 'flask']],
];

/**
 * Servers a start command runs, with the distributions that install them: `CMD ["uvicorn", ...]` needs
 * uvicorn in the image as much as an import does (FastAPI does not install it; `fastapi[standard]`,
 * Ray Serve and Gradio do).
 */
const SERVER_DISTRIBUTIONS: Readonly<Partial<Record<Server, readonly string[]>>> = {
  uvicorn: ['uvicorn', 'ray', 'gradio'],
  gunicorn: ['gunicorn'],
  hypercorn: ['hypercorn'],
  waitress: ['waitress'],
  daphne: ['daphne', 'channels'],
};
/** Extras that install a server: `fastapi[standard]` and `fastapi[all]` bring uvicorn. */
const EXTRA_PROVIDES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  fastapi: { standard: ['uvicorn'], all: ['uvicorn'] },
};

/** Code whose packages come from elsewhere: tests, docs, Airflow DAGs (the scheduler's image), notebooks exported as scripts. */
const NOT_PROJECT_CODE = /(^|[\\/])(tests?|docs?|dags|notebooks?|examples?)[\\/]|(^|[\\/])(test_[^\\/]*|[^\\/]*_test|conftest)\.py$/i;
const TOP: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

export default projectRule({
  scope: 'project',
  id: 'undeclared-dependencies',
  language: 'python',
  category: 'reproducibility',
  // A warning: the code runs on the author's machine and nowhere else until someone guesses the packages.
  severity: 'warning',
  anchors: ['DEP001', 'gap:undeclared-dependencies'],
  messages: {
    missing: l(
      '코드가 import하는 패키지 {count}개가 의존성 목록에 없습니다: {packages} — 새 환경(CI, 서버, 팀원)에서는 설치되지 않습니다',
      '{count} packages the code imports are not declared: {packages} — a fresh environment (CI, a server, a teammate) will not install them',
    ),
    missingServer: l(
      '코드가 import하거나 이미지의 시작 명령이 실행하는 패키지 {count}개가 의존성 목록에 없습니다: {packages} — 이미지와 새 환경에는 설치되지 않아 컨테이너가 시작하지 못합니다',
      "{count} packages the code imports or the image's start command runs are not declared: {packages} — the image and a fresh environment will not install them, and the container cannot start",
    ),
  },
  docs: {
    summary: l(
      '의존성 목록(requirements, pyproject, Pipfile)이 있는 프로젝트에서, 코드가 import하는 알려진 서드파티 패키지(scikit-learn, torch, mlflow, fastapi ...)가 그 목록에도 Dockerfile·워크플로의 pip install에도 없는 경우를 찾습니다 (테스트, DAG, conda 환경 파일이 있는 프로젝트는 제외하고, AWS Lambda 파이썬 이미지가 이미 담고 있는 boto3·botocore와 tensorflow/tensorflow, pytorch/pytorch 이미지가 담고 있는 프레임워크는 묻지 않습니다. 감싸는 패키지 이름을 딴 모듈(services/redis.py)은 그 패키지를 가리지 않습니다). 저장소가 빌드하는 이미지의 시작 명령이 실행하는 서버(uvicorn, gunicorn)도 셉니다: FastAPI는 uvicorn을 설치하지 않고, `fastapi[standard]`는 설치합니다.',
      'In projects that keep a dependency list (requirements, pyproject, Pipfile), flags well-known third-party packages (scikit-learn, torch, mlflow, fastapi ...) that the code imports but neither that list nor a Dockerfile or workflow pip install declares (tests, DAGs and projects with a conda environment file are left out, and boto3 and botocore are not asked of a function built on an AWS Lambda Python image, which ships them, nor the framework of a tensorflow/tensorflow or pytorch/pytorch image; a module named after the package it wraps, such as services/redis.py, does not hide that package). The server the start command of an image the repository builds runs (uvicorn, gunicorn) counts as well: FastAPI does not install uvicorn, `fastapi[standard]` does.',
    ),
    why: l(
      '의존성 목록이 코드와 맞지 않으면 "제 컴퓨터에서는 됩니다"가 됩니다. CI와 Docker 이미지는 목록에 있는 것만 설치하므로 빠진 패키지 때문에 실패하거나, 누군가 추측한 다른 버전으로 학습·서빙하게 됩니다. 모델을 다시 만들려면 코드·데이터와 함께 환경도 재현되어야 합니다.',
      'When the dependency list does not match the code, the project only works on the machine it was written on. CI and images install what the list says, so they fail on the missing package or someone guesses a version to train and serve with. Rebuilding a model needs the environment as much as the code and the data.',
    ),
    bad: '# --- requirements.txt ---\npandas==2.1.1\n# --- train.py ---\nimport mlflow\nimport pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n',
    good: '# --- requirements.txt ---\n# TODO: train.py가 import하는 패키지를 모두 적고 버전을 고정하세요\npandas==2.1.1\nmlflow==2.9.2\nscikit-learn==1.3.2\n# --- train.py ---\nimport mlflow\nimport pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n',
  },
  weeks: ['beginner/3', 'beginner/1'],
  questions: [
    l(
      '빈 가상환경에서 requirements만 설치하고 이 코드를 실행하면 {packages|어떤 패키지}에서 무슨 일이 생길까요?',
      'In an empty virtual environment with only the declared requirements installed, what happens when the code reaches {packages|the first import}?',
    ),
    l(
      '모델을 학습한 환경의 패키지 버전을 6개월 뒤에 알아내려면 어디를 봐야 할까요?',
      'Six months from now, where would you look to find the package versions the model was trained with?',
    ),
    l(
      'import와 의존성 목록이 어긋나지 않게 CI에서 확인할 방법이 있을까요? (빈 환경에서 설치 후 실행, deptry 같은 도구)',
      'How could CI check that the imports and the dependency list never drift apart? (install into an empty environment and run, a tool such as deptry)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 의존성 선언 맞추기\n# 고려사항:\n# - 코드가 import하는 서드파티 패키지는 무엇인가요? (학습, 서빙, 스크립트 각각)\n# - 학습용과 서빙용 목록을 나눌까요?\n# - 버전은 어떻게 고정할까요? (==, lock 파일)\n# TODO: 빠진 패키지를 requirements.txt(또는 pyproject.toml)에 추가\n',
    en: '# TODO: make the declared dependencies match the code\n# Consider:\n# - which third-party packages do training, serving and scripts import?\n# - one list, or separate ones for training and serving?\n# - how are versions pinned? (==, a lock file)\n# TODO: add the missing packages to requirements.txt (or pyproject.toml)\n',
  },
  project(context) {
    const { view } = context;
    const declared = new Set<string>();
    const manifests: string[] = [];
    // Paths are matched inside the project: a project that itself lives under a `test/` folder is still code.
    const inside = (path: string) => (view.root && path.startsWith(view.root) ? path.slice(view.root.length) : path);
    for (const [path, facts] of view.files) {
      if (OTHER_DECLARATIONS.test(path)) return;
      if (facts.kind === 'requirements' && facts.lock) continue;
      const names = declaredNames(facts);
      if (names === undefined) continue;
      // The AWS Lambda Python images ship the AWS SDK: a function built on one need not list it.
      if (facts.kind === 'dockerfile' && facts.stages.some((stage) => LAMBDA_PYTHON_IMAGE.test(stage.image))) for (const sdk of AWS_SDK) declared.add(sdk);
      if (facts.kind === 'dockerfile')
        for (const [image, shipped] of FRAMEWORK_IMAGES) if (facts.stages.some((stage) => image.test(stage.image))) for (const name of shipped) declared.add(name);
      if (facts.kind === 'requirements') {
        manifests.push(path);
        for (const p of facts.packages)
          for (const extra of p.extras ?? []) for (const name of EXTRA_PROVIDES[distributionKey(p.name)]?.[extra] ?? []) declared.add(distributionKey(name));
      }
      for (const name of names) declared.add(distributionKey(name));
    }
    const local = new Set(
      [...view.python].flatMap(([path, facts]) => {
        const parts = inside(path).split(/[\\/]/);
        const stem = parts.pop()!.replace(/\.py$/, '');
        // A module named after the package it wraps (`services/redis.py` importing `redis`) does not shadow that package.
        return wrapsPackage(facts, stem) ? parts : [...parts, stem];
      }),
    );
    // Only a project that keeps a dependency list is told it is incomplete: with none at all, the
    // list may live where this pass does not look (a base image, a parent repository).
    if (manifests.length === 0) return;
    const missing = new Map<string, Set<string>>();
    for (const [path, facts] of view.python) {
      if (NOT_PROJECT_CODE.test(inside(path)) || importsAirflow(facts)) continue;
      // A list in a service folder (api/requirements.txt) speaks for that folder only: code outside
      // every listed folder keeps its packages somewhere this pass does not see.
      const manifest = coveringManifest(path, manifests);
      if (manifest === undefined) continue;
      for (const module of importedRoots(facts)) {
        const distributions = DISTRIBUTIONS[module];
        if (!distributions || local.has(module) || distributions.some((d) => declared.has(distributionKey(d)))) continue;
        missing.set(manifest, (missing.get(manifest) ?? new Set()).add(module));
      }
    }
    // The server an image the repository builds is started with (`CMD ["uvicorn", "main:app"]`), charged to the list
    // that covers the served module (else the Dockerfile).
    const servers = new Map<string, Set<string>>();
    for (const deployment of view.deployments) {
      if (!deployment.dockerfile) continue;
      for (const at of deployment.launches) {
        const distributions = SERVER_DISTRIBUTIONS[at.launch.server];
        if (!distributions || distributions.some((d) => declared.has(distributionKey(d)))) continue;
        const manifest = (at.target && coveringManifest(at.target, manifests)) ?? coveringManifest(deployment.dockerfile, manifests);
        if (manifest === undefined) continue;
        missing.set(manifest, (missing.get(manifest) ?? new Set()).add(distributions[0]));
        servers.set(manifest, (servers.get(manifest) ?? new Set()).add(distributions[0]));
      }
    }
    for (const [manifest, modules] of missing) {
      const packages = [...new Set([...modules].map((m) => DISTRIBUTIONS[m]?.[0] ?? m))];
      const shown = packages.slice(0, 5).join(', ') + (packages.length > 5 ? ', ...' : '');
      const facts = view.files.get(manifest);
      const range = facts?.kind === 'requirements' && facts.packages[0] ? facts.packages[0].range : TOP;
      context.report({ path: manifest, range, messageId: servers.has(manifest) ? 'missingServer' : 'missing', data: { count: packages.length, packages: shown } });
    }
  },
});

/** The dependency list nearest above a source file: the deepest one whose folder holds the file. */
function coveringManifest(path: string, manifests: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const manifest of manifests) {
    if (path.startsWith(folderOf(manifest)) && (best === undefined || folderOf(manifest).length > folderOf(best).length)) best = manifest;
  }
  return best;
}

/** The folder of a path, with its trailing separator ('' for a bare file name). */
function folderOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The package names a file declares: a requirements file or manifest, pip installs in a Dockerfile, workflow or script. */
function declaredNames(facts: FileFacts): string[] | undefined {
  switch (facts.kind) {
    case 'requirements':
      return facts.packages.map((p) => p.name);
    case 'dockerfile':
      return facts.stages.flatMap((stage) => stage.runs.flatMap((run) => pipInstalls(run.words ?? splitCommand(run.text))));
    case 'yaml':
      return facts.workflowRuns.flatMap((run) => pipInstalls(splitCommand(run.value)));
    case 'script':
      return facts.commands.flatMap((command) => pipInstalls(splitCommand(command.text)));
    default:
      return undefined;
  }
}

/** The package names of `pip install a b==1 "c>=2"` and `conda install d=1` (see `packageInstalls`). */
function pipInstalls(words: readonly string[]): string[] {
  return packageInstalls(words).flatMap((install) => install.requirements.map((word) => /^[A-Za-z0-9][\w.-]*/.exec(word)?.[0] ?? word));
}

function importedRoots(facts: PythonFacts): Set<string> {
  const roots = new Set<string>();
  for (const fact of facts.imports) {
    if (fact.module.startsWith('.')) continue;
    const parts = fact.module.split('.');
    const namespaced = parts.slice(0, 2).join('.');
    roots.add(parts.length > 1 && DISTRIBUTIONS[namespaced] ? namespaced : parts[0]);
  }
  return roots;
}

function importsAirflow(facts: PythonFacts): boolean {
  return facts.imports.some((fact) => fact.module === 'airflow' || fact.module.startsWith('airflow.'));
}
