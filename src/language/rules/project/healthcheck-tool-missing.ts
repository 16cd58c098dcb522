import { simpleCommands, splitCommand } from '../../project/commands';
import { runtimeStages } from '../../project/deploy';
import { baseImage, stageChain } from '../../project/dockerfile';
import type { DockerfileFacts, FileFacts, StageFact } from '../../project/facts';
import { dirname } from '../../project/modules';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';

type Tool = 'curl' | 'wget';

/**
 * Images known to ship without curl (and which also lack wget): slim and minimal Debian/Ubuntu
 * bases, distroless, the official data-store images, MinIO's server image since late 2023 (latest
 * and the RELEASE tags from 2023-11 through 2024; RELEASE.2023-10-25 still had curl), and
 * alpine/busybox bases (wget is a busybox applet there, curl is not).
 */
const NO_CURL_NO_WGET =
  /^(docker\.io\/)?(library\/)?(python|debian|node|ruby|openjdk|eclipse-temurin)(:[^@]*-slim[^@]*|:slim[^@]*)$|^(docker\.io\/)?(library\/)?(ubuntu|redis|postgres|mongo)(:|@|$)|^gcr\.io\/distroless\/|^(docker\.io\/|quay\.io\/)?minio\/minio(:latest|@|$|:RELEASE\.(2023-1[12]|2024-\d\d)-)|^(docker\.io\/)?nvidia\/cuda(:|$)/i;
const NO_CURL_ONLY =
  /^(docker\.io\/)?(library\/)?(alpine|busybox)(:|@|$)|^(docker\.io\/)?(library\/)?[\w.-]+:[^@]*alpine[^@]*$|^(docker\.io\/)?prom\/(prometheus|alertmanager|pushgateway)(:|@|$)/i;
/** A package install that brings the tool in (`apt-get install -y curl`, `apk add --no-cache wget`). */
const INSTALLS = (tool: Tool) => new RegExp(`\\b(apt-get|apt|apk|yum|dnf|microdnf)\\b[^&|;]*\\b(install|add)\\b[^&|;]*(^|\\s)${tool}(\\s|$|\\\\)`);

function toolsUsed(command: string): Tool[] {
  const used = new Set<Tool>();
  for (const words of simpleCommands(splitCommand(command))) {
    const program = words[0]?.slice(words[0].lastIndexOf('/') + 1);
    if (program === 'curl' || program === 'wget') used.add(program);
  }
  return [...used];
}

/** A Python HTTP client a `python -c` healthcheck imports (`import requests; requests.get(...)`): not in a python base image. */
type Module = 'requests' | 'httpx';

function modulesUsed(command: string): Module[] {
  if (!/\bpython[\d.]*\s+-c\b/.test(command)) return [];
  return [...new Set([...command.matchAll(/\b(?:import|from)\s+(requests|httpx)\b/g)].map((m) => m[1] as Module))];
}

/**
 * Packages whose install brings requests along (a dependency of theirs), so a stage installing
 * one has it without naming it. httpx comes with fewer: gradio, openai, anthropic, langchain's
 * clients, chromadb and the like, matched by the same list (a package here counts as bringing both).
 */
const BRINGS_HTTP_CLIENT =
  /^(requests|httpx|mlflow|mlflow-skinny|transformers|huggingface[-_]hub|datasets|sentence-transformers|diffusers|kaggle|wandb|docker|streamlit|gradio|gradio-client|tensorflow|tensorflow-cpu|tensorflow-gpu|keras|tf-keras|spacy|evidently|bentoml|ray|openai|anthropic|langchain.*|llama-index.*|chromadb|qdrant-client|pinecone.*|weaviate-client|boto3|botocore|google-cloud-.*|azure-.*|prefect|apache-airflow.*|dvc|great-expectations|great_expectations|pymilvus|elasticsearch|opensearch-py|fastapi\[all\]|fastapi\[standard\]|torchvision|timm|ultralytics|optuna|sagemaker|feast|kfp|zenml|clearml|comet-ml|neptune.*|label-studio|jupyter.*|notebook|scrapy|selenium|tweepy|yfinance|pandas-datareader|sklearn-pandas|shap|locust|pytest-.*|httpie|responses)$/i;

/**
 * The Python packages the stage installs, when all of them are known: pip install lines and the
 * requirements files they name (found in the project). Undefined when anything is unknown: a
 * base image other than python, `pip install .`, a wheel, an editable install, a requirements
 * file the project does not hold, poetry/pipenv/uv/conda environments.
 */
function installedPackages(facts: DockerfileFacts, stage: StageFact, dockerfile: string, files: ReadonlyMap<string, FileFacts>): Set<string> | undefined {
  if (!/^(docker\.io\/)?(library\/)?python:/i.test(baseImage(facts, stage).image.trim())) return undefined;
  const names = new Set<string>();
  const requirementsFile = (name: string) => {
    const base = name.replace(/^.*\//, '');
    const found = [...files].filter(([path, f]) => f.kind === 'requirements' && !f.manifest && (path === base || path.endsWith(`/${base}`)));
    const near = found.filter(([path]) => path.startsWith(`${dirname(dockerfile)}/`) || dirname(dockerfile) === '');
    const chosen = near.length === 1 ? near[0] : found.length === 1 ? found[0] : undefined;
    return chosen?.[1].kind === 'requirements' ? chosen[1] : undefined;
  };
  const chain = stageChain(facts, stage);
  // Packages that arrive another way: a virtualenv or site-packages copied from a build stage, a distribution package.
  if (
    chain.some((s) => (s.copies ?? []).some((c) => /--from\b/.test(c.text) && /venv|site-packages|dist-packages|\.local|\/usr\/local|\/opt\/|\/install|wheel|\/root/.test(c.text)))
  )
    return undefined;
  if (chain.some((s) => s.runs.some((run) => /\bpython3?-(requests|httpx)\b/.test(run.text)))) return undefined;
  for (const s of chain)
    for (const run of s.runs)
      for (const command of simpleCommands(splitCommand(run.text.replace(/\\\n/g, ' '))) ?? []) {
        const program = command[0]?.slice(command[0].lastIndexOf('/') + 1) ?? '';
        if (/^(poetry|pipenv|pdm|hatch|conda|mamba|micromamba)$/.test(program) || (program === 'uv' && command[1] !== 'pip')) return undefined;
        let args: readonly string[] | undefined;
        if (/^pip3?(\.\d+)?$/.test(program) && command[1] === 'install') args = command.slice(2);
        else if (/^python(\d(\.\d+)?)?$/.test(program) && command[1] === '-m' && command[2] === 'pip' && command[3] === 'install') args = command.slice(4);
        else if (program === 'uv' && command[1] === 'pip' && command[2] === 'install') args = command.slice(3);
        if (!args) continue;
        for (let i = 0; i < args.length; i++) {
          const arg = args[i].replace(/^['"]|['"]$/g, '');
          if (arg === '-r' || arg === '--requirement' || arg.startsWith('--requirement=') || /^-r\S/.test(arg)) {
            const file = arg === '-r' || arg === '--requirement' ? args[++i] : arg.replace(/^(-r|--requirement=)/, '');
            const requirements = file ? requirementsFile(file) : undefined;
            if (!requirements) return undefined;
            for (const p of requirements.packages) names.add(p.name.toLowerCase());
          } else if (/^(-c|--constraint|-i|--index-url|--extra-index-url|-f|--find-links|--target|-t|--prefix|--root)$/.test(arg)) i++;
          else if (arg.startsWith('-')) {
            if (/^(-e|--editable)$/.test(arg)) return undefined;
          } else if (arg.startsWith('$') || /^[.~/]|\.(whl|tar\.gz|zip)$|:\/\/|^git\+/.test(arg)) return undefined;
          else
            names.add(
              arg
                .toLowerCase()
                .replace(/\[.*$/, '')
                .replace(/[<>=!~;@ ].*$/, ''),
            );
        }
      }
  return names;
}

/** The image a stage runs on, when it installs no package that brings the module. */
function moduleMissing(facts: DockerfileFacts, stage: StageFact, dockerfile: string, files: ReadonlyMap<string, FileFacts>): string | undefined {
  const installed = installedPackages(facts, stage, dockerfile, files);
  if (!installed || [...installed].some((name) => BRINGS_HTTP_CLIENT.test(name))) return undefined;
  return baseImage(facts, stage).image;
}

function lacks(image: string, tool: Tool): boolean {
  const name = image.trim();
  return NO_CURL_NO_WGET.test(name) || (tool === 'curl' && NO_CURL_ONLY.test(name));
}

function missingInStage(facts: DockerfileFacts, stage: StageFact, tool: Tool): string | undefined {
  const image = baseImage(facts, stage).image;
  if (!lacks(image, tool)) return undefined;
  const installs = INSTALLS(tool);
  return stageChain(facts, stage).some((s) => s.runs.some((run) => installs.test(run.text.replace(/\\\n/g, ' ')))) ? undefined : image;
}

export default projectRule({
  scope: 'project',
  id: 'healthcheck-tool-missing',
  language: 'yaml',
  category: 'health',
  severity: 'warning',
  messages: {
    missing: l(
      '헬스체크가 {tool}을(를) 부르지만 이미지({image})에는 {tool}이(가) 없어, 검사는 항상 실패하고 컨테이너는 healthy가 되지 않습니다',
      'The healthcheck calls {tool}, which the image ({image}) does not have, so the check always fails and the container never becomes healthy',
    ),
    module: l(
      '헬스체크가 Python 패키지 {tool}을(를) import하지만 이 이미지({image} 위에 설치한 패키지)에는 없어, 검사는 ImportError로 항상 실패하고 컨테이너는 healthy가 되지 않습니다',
      'The healthcheck imports the Python package {tool}, which this image ({image} plus the packages it installs) does not have, so the check always fails with an ImportError and the container never becomes healthy',
    ),
  },
  docs: {
    summary: l(
      'compose healthcheck나 Dockerfile HEALTHCHECK이 curl/wget을 부르는데, 그 이미지(python:*-slim, alpine, distroless, redis, postgres, 최근 minio 등)에 그 도구가 없고 Dockerfile에서 설치하지도 않는 경우를 찾습니다. requests나 httpx를 import하는 `python -c` 헬스체크도 같은 방식으로 봅니다: python 기반 이미지에서 설치하는 패키지(pip 명령과 그 requirements 파일)를 모두 알 수 있고, 그 패키지도 그것을 딸려 오는 패키지도 없을 때입니다.',
      'Flags compose healthchecks and Dockerfile HEALTHCHECKs that call curl or wget in an image that lacks the tool (python:*-slim, alpine, distroless, redis, postgres, recent minio ...) and whose Dockerfile does not install it. A `python -c` healthcheck that imports requests or httpx is judged the same way on a python base image whose installs are all known (pip lines and the requirements files they name) and include neither the package nor one that brings it.',
    ),
    why: l(
      '"curl: not found"도 실패로 셉니다. 컨테이너는 계속 unhealthy로 남고, service_healthy로 기다리는 서비스는 시작되지 않으며, 오케스트레이터는 멀쩡한 컨테이너를 재시작합니다. 로그에는 앱 오류가 없어서 원인을 찾기 어렵습니다.',
      '"curl: not found" counts as a failed check: the container stays unhealthy, services waiting on service_healthy never start, and orchestrators restart a container that was fine. The app logs show nothing wrong, so the cause is hard to find.',
    ),
    bad: 'services:\n  mlflow:\n    image: python:3.11-slim\n    command: sh -c "pip install mlflow==2.14.1 && mlflow server --host 0.0.0.0"\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:5000/health"]\n',
    good: 'services:\n  mlflow:\n    image: python:3.11-slim\n    command: sh -c "pip install mlflow==2.14.1 && mlflow server --host 0.0.0.0"\n    healthcheck:\n      # TODO: 이 이미지 안에 이미 있는 도구(python)로 같은 확인을 할 수 있을까요?\n      test: ["CMD", "python", "-c", "# TODO: /health 요청, 실패하면 종료 코드 1"]\n',
  },
  weeks: ['beginner/3', 'intermediate/8'],
  questions: [
    l(
      '컨테이너 안에서 {tool}을(를) 직접 실행해 보면 찾을 수 있을까요? {image} 이미지에는 어떤 도구가 들어 있나요?',
      'If you ran {tool} by hand inside the container, would it be found, and which tools does the {image} image actually contain?',
    ),
    l(
      '헬스체크 명령 자체가 없어서 실패하는 것과 앱이 아파서 실패하는 것을 어떻게 구분할 수 있을까요?',
      'How would you tell a check that fails because its command is missing from one that fails because the app is sick?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 이미지 안에 있는 도구로 헬스체크하기\n# 고려사항:\n# - python 이미지라면 python -c 와 urllib.request로 같은 확인이 가능합니다\n# - 정말 curl이 필요하다면 Dockerfile에서 설치할 수 있나요? 이미지 크기는?\n# - 데이터 저장소는 전용 명령(pg_isready, redis-cli ping, mc ready local)이 있나요?\n# healthcheck:\n#   test: # TODO\n',
    en: '# TODO: check health with a tool the image has\n# Consider:\n# - a python image can do the same request with python -c and urllib.request\n# - if curl is really needed, can the Dockerfile install it, and at what size cost?\n# - data stores have their own commands (pg_isready, redis-cli ping, mc ready local)\n# healthcheck:\n#   test: # TODO\n',
  },
  project(context) {
    const report = (path: string, range: Range, tool: Tool, image: string) => context.report({ path, range, messageId: 'missing', data: { tool, image } });
    const dockerfiles = new Map<string, DockerfileFacts>();
    for (const [path, facts] of context.view.files) if (facts.kind === 'dockerfile') dockerfiles.set(path, facts);
    // Dockerfile HEALTHCHECKs of runtime stages.
    for (const { path, facts, stage } of runtimeStages(context.view.files)) {
      if (!stage.healthcheck) continue;
      for (const tool of toolsUsed(stage.healthcheck.text)) {
        const image = missingInStage(facts, stage, tool);
        if (image) report(path, stage.healthcheck.range, tool, image);
      }
      for (const module of modulesUsed(stage.healthcheck.text)) {
        const image = moduleMissing(facts, stage, path, context.view.files);
        if (image) context.report({ path, range: stage.healthcheck.range, messageId: 'module', data: { tool: module, image } });
      }
    }
    // Compose healthchecks: the image named, or the Dockerfile the service is built from.
    const builtFrom = new Map<string, string>();
    for (const deployment of context.view.deployments)
      if (deployment.kind === 'compose' && deployment.dockerfile) builtFrom.set(`${deployment.file}\0${deployment.name}`, deployment.dockerfile);
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const service of facts.compose) {
        if (!service.healthcheck) continue;
        for (const tool of toolsUsed(service.healthcheck.command)) {
          let image: string | undefined;
          if (service.build) {
            const dockerfile = builtFrom.get(`${path}\0${service.name}`);
            const built = dockerfile ? dockerfiles.get(dockerfile) : undefined;
            const stage = built?.stages[built.stages.length - 1];
            image = built && stage ? missingInStage(built, stage, tool) : undefined;
          } else if (service.image && lacks(service.image, tool)) image = service.image;
          if (image) report(path, service.healthcheck.range, tool, image);
        }
        const dockerfile = service.build ? builtFrom.get(`${path}\0${service.name}`) : undefined;
        const built = dockerfile ? dockerfiles.get(dockerfile) : undefined;
        const stage = built?.stages[built.stages.length - 1];
        for (const module of modulesUsed(service.healthcheck.command)) {
          const image = built && stage && dockerfile ? moduleMissing(built, stage, dockerfile, context.view.files) : undefined;
          if (image) context.report({ path, range: service.healthcheck.range, messageId: 'module', data: { tool: module, image } });
        }
      }
    }
  },
});
