import type { Node } from 'web-tree-sitter';
import { hasSplat, keywordArgument, subjectArgument, type PythonModel } from '../../python/model';
import { aliasFact, hardcodedModelAliases } from '../../python/llm-models';
import { firstListedFiles, movingModelReferences, registryUrisInCommands } from '../../python/moving-models';
import { HEX_REVISION, HUB_ID, ORGLESS_ID, parameterDefault, resolveString, revisionOf, stringConstants, type ResolvedString } from '../../python/references';
import { enclosingFunction, stringValue } from '../../python/nodes';
import { HF_HUB_PREFIXED, HF_MODULES, HUB_WRAPPERS, isHubLoad, PEFT_ADAPTER, TORCH_HUB, HUB_LOADS, HUB_LOADS_WITH_MODULES } from '../../python/hub-loads';
import { libraryDefaultCalls, namesNoModel } from '../../python/library-defaults';
import { distributionKey } from '../../project/text-facts';
import { keywordNameAt } from '../../python/scan';
import { l, nodeRange, pythonRule } from '../../rule';
import type { Localized, Range } from '../../types';

export default pythonRule({
  id: 'unpinned-model-reference',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['B615', 'semgrep:huggingface-remote-code'],
  severityReasons: {
    hostedAlias: {
      severity: 'info',
      message: l(
        '제공자가 관리하는 이름이라 가중치 파일처럼 사라지지는 않고, 스냅숏이 바뀌는 것은 대개 공지됩니다: 재현성을 위한 작은 정리입니다',
        'the provider manages the name, so it does not vanish like a weights file and snapshot changes are usually announced: a small tidy-up for reproducibility',
      ),
    },
  },
  messages: {
    hub: l(
      "'{ref}' 모델을 커밋 해시(revision) 없이 내려받습니다 — 저장소가 바뀌면 모델도 바뀝니다",
      "'{ref}' is downloaded without a commit-hash revision — when the repository changes, so does your model",
    ),
    hubDataset: l(
      "'{ref}' 데이터셋을 커밋 해시(revision) 없이 내려받습니다 — 저장소가 바뀌면 학습하는 데이터도 바뀝니다",
      "The dataset '{ref}' is downloaded without a commit-hash revision — when the repository changes, so does the data you train on",
    ),
    torchvision: l(
      '{name}(pretrained=True)는 없어질 예정인 방식이고 어떤 가중치 버전인지 말하지 않습니다 — torchvision이 바뀌면 다른 가중치를 받을 수 있습니다',
      '{name}(pretrained=True) is deprecated and names no weights version — another torchvision may hand you other weights',
    ),
    remoteCode: l('trust_remote_code=True는 모델 저장소의 파이썬 코드를 그대로 실행합니다', 'trust_remote_code=True runs the model repository’s Python code as-is'),
    mlflow: l(
      "'{ref}'는 움직이는 참조(latest/스테이지)라 언제 어떤 버전이 로딩될지 모릅니다",
      "'{ref}' is a moving reference (latest or a stage), so which version loads can change at any time",
    ),
    wandb: l(
      "W&B 아티팩트 '{ref}'를 latest 별칭으로 가져옵니다 — 마지막으로 기록된 버전이 누가 어떤 실행으로 만들었든 쓰입니다. 버전(v3)이나 검토를 거쳐 붙인 별칭으로 고정하세요",
      "The W&B artifact '{ref}' is fetched by its latest alias — the version logged last is used, whichever run logged it; pin a version (v3) or an alias given after review",
    ),
    hubVia: l(
      "{name}를 거쳐 온 '{ref}' 모델을 커밋 해시(revision) 없이 내려받습니다 — 저장소가 바뀌면 모델도 바뀝니다",
      "'{ref}' (through {name}) is downloaded without a commit-hash revision — when the repository changes, so does your model",
    ),
    hubConfigured: l(
      'Hub 저장소 {expr}에서 파일을 커밋 해시(revision) 없이 내려받습니다 — 저장소 이름은 설정에서 오지만, 받는 것은 그 저장소의 기본 브랜치에 지금 있는 무엇이든입니다',
      "A file is downloaded from the Hub repository {expr} without a commit-hash revision — the repository's name comes from configuration, but what you get is whatever its default branch holds now",
    ),
    noOrg: l(
      "'{ref}'는 조직 없는 옛 허브 이름이고 revision도 없습니다 — 어떤 저장소의 어느 커밋이 내려올지 허브가 정합니다",
      "'{ref}' is a legacy Hub name without an organisation, and no revision — the Hub decides which repository and commit you get",
    ),
    bento: l(
      "BentoML 모델 '{ref}'를 버전 태그 없이(latest) 가져옵니다 — 누가 새로 저장하면 다음 시작 때 다른 모델이 서빙됩니다",
      "The BentoML model '{ref}' is fetched with no version tag (latest) — whoever saves a new one changes what the next start serves",
    ),
    newestFile: l(
      '디스크에서 가장 최근 모델 파일을 고릅니다 — 어떤 모델이 서빙되는지는 마지막에 누가 파일을 썼는지에 달려 있습니다',
      'The newest model file on disk is picked, so what runs depends on whoever wrote a file last, not on a pinned version',
    ),
    newestRun: l(
      '추적 서버에서 가장 최근 실행(버전)을 골라 씁니다 — 이 파이프라인이 학습한 것인지, 실패했거나 다른 사람이 만든 것인지 상관없이 마지막에 끝난 것이 쓰입니다',
      'The newest run (or version) in the tracker is picked — whichever finished last is used, whether this pipeline trained it, another user did or it is a failed experiment; pass the run id on or pin a registered version',
    ),
    firstFile: l(
      '디렉터리 목록의 첫 파일을 모델로 고릅니다 — 목록 순서는 정해져 있지 않아서 어떤 버전이 로딩될지 모릅니다',
      'The first file of a directory listing is taken as the model: listings come in no set order, so which version loads is left to chance',
    ),
    alias: l(
      "'{ref}'는 제공자의 최신 스냅숏을 따라가는 별칭입니다 — 배포 없이 모델의 행동이 바뀝니다",
      "'{ref}' is an alias that follows the provider's newest snapshot, so the model's behaviour changes without a deploy",
    ),
    ollamaTag: l(
      "Ollama 모델 '{ref}'에 버전 태그가 없습니다(:latest로 해석) — 라이브러리의 태그가 다시 올라오거나 새 머신에서 pull하면 다른 모델이 돌아갑니다. 태그를 고정하고 설정에서 읽으세요",
      "The Ollama model '{ref}' has no version tag, so it resolves to :latest, which is re-pushed over time — a fresh machine or a new pull runs another model; pin a tag and read it from configuration",
    ),
    hubUrl: l(
      "'{ref}'의 파일을 '{branch}' 브랜치 URL로 내려받습니다 — 브랜치가 움직이면 받는 파일도 바뀝니다. URL의 브랜치 자리에 커밋 해시를 쓰세요",
      "Files of '{ref}' are fetched by a '{branch}' branch URL — when the branch moves, so do the files; a commit hash belongs where the branch is",
    ),
    torchHub: l(
      "torch.hub가 '{ref}' 저장소를 태그나 커밋 없이 가져옵니다 — 기본 브랜치가 바뀌면 코드와 가중치가 함께 바뀝니다",
      "torch.hub fetches the '{ref}' repository with no tag or commit — when its default branch moves, the code and weights you load move with it",
    ),
    defaultModel: l(
      "pipeline('{task}')에 model이 없습니다 — transformers 버전이 바뀌면 기본 모델도 바뀔 수 있습니다",
      "pipeline('{task}') names no model — the default model can change with the transformers version",
    ),
    libraryDefault: l(
      '{name}()에 모델 이름이 없습니다 — 라이브러리의 기본 모델이 답하고, 라이브러리 버전이 바뀌면 다른 모델이 답합니다',
      '{name}() names no model — the library default answers, and another library version answers with another model',
    ),
    libraryDefaultEmbeddings: l(
      '{name}()에 모델 이름이 없습니다 — 라이브러리 기본 임베딩 모델이 쓰이고, 버전이 바뀌면 새 벡터가 저장된 벡터와 맞지 않습니다',
      '{name}() names no model — the library default embeds, and after a library upgrade new vectors no longer match the stored ones',
    ),
  },
  docs: {
    summary: l(
      "Hugging Face 'org/name' 모델을 hex revision 없이 받는 호출(어느 라이브러리든 from_pretrained — Chronos, diffusers, PEFT 어댑터 —, timm·open_clip의 'hf-hub:' 이름, LangChain·LlamaIndex의 HuggingFaceEmbeddings, Chroma의 SentenceTransformerEmbeddingFunction, CrossEncoder 포함), 태그 없는 torch.hub 저장소, 브랜치(main)를 가리키는 허브 파일 URL, trust_remote_code=True, MLflow models:/x/latest 나 스테이지 URI(스테이지를 옮기는 승격 단계가 비교하려고 읽는 Production/Staging은 제외), latest 별칭으로 가져오는 W&B 아티팩트(api.artifact·use_artifact·use_model), 태그 없이(또는 :latest로) 가져오는 BentoML 모델, 디스크에서 가장 최근 모델 파일 고르기(max(..., key=getctime), sorted(glob)[-1]), 추적 서버에서 가장 최근 실행·버전 고르기(start_time DESC로 정렬한 search_runs의 첫 결과), -latest로 끝나는 제공자 별칭, 코드에 적힌 LLM 별칭(날짜 스냅숏 없는 gpt-4o-mini, claude-sonnet-4-5, gemini-1.5-flash, init_chat_model·create_react_agent의 'openai:gpt-5-nano'처럼 제공자 접두사가 붙은 이름, 호스팅 제공자가 붙인 오픈 모델 이름 — Groq의 llama-3.3-70b-versatile, DeepSeek의 deepseek-chat — — 호출, 모듈 상수, 매개변수 기본값)과 태그 없는 Ollama 모델 이름(llama3, nomic-embed-text — 환경 변수로 읽는 이름은 제외), 가중치 버전 없이 pretrained=True로 만드는 torchvision 모델, 모델 이름 없이 만들어 라이브러리 기본 모델을 쓰는 LangChain·LlamaIndex 모델 클래스(ChatOpenAI(), OpenAIEmbeddings(), HuggingFaceEmbeddings(), Ollama())를 찾습니다.",
      "Flags Hugging Face 'org/name' downloads without a hex revision (any library's from_pretrained — Chronos, diffusers, PEFT adapters —, timm and open_clip 'hf-hub:' names, LangChain and LlamaIndex HuggingFaceEmbeddings, Chroma's SentenceTransformerEmbeddingFunction and CrossEncoder included), trust_remote_code=True, torch.hub repositories with no tag, Hub file URLs on a branch (resolve/main), MLflow models:/x/latest or stage URIs (not the Production/Staging model a promotion step loads to compare its candidate with), W&B artifacts fetched by the latest alias (api.artifact, use_artifact, use_model), BentoML store models fetched with no tag or :latest, the newest model file on disk (max by ctime, sorted(glob)[-1]), the newest run or version of a tracker query (search_runs ordered by start_time DESC, first result), provider aliases ending in -latest, LLM aliases written in code with no dated snapshot (gpt-4o-mini, claude-sonnet-4-5, gemini-1.5-flash, a name behind a provider prefix in init_chat_model or create_react_agent such as 'openai:gpt-5-nano', a hosted provider's name for an open model — Groq's llama-3.3-70b-versatile, DeepSeek's deepseek-chat — — at the call, in a module constant or a parameter default) and Ollama names with no tag (llama3, nomic-embed-text; a name read from the environment is configuration), torchvision models built with pretrained=True instead of a weights version, and LangChain and LlamaIndex model classes built with no model name, which run the library's default (ChatOpenAI(), OpenAIEmbeddings(), HuggingFaceEmbeddings(), Ollama()).",
    ),
    why: l(
      '같은 코드를 다시 배포했는데 다른 모델이 로딩되면 성능 변화의 원인을 찾을 수 없고 롤백도 되지 않습니다. 원격 코드 실행은 공급망 공격의 통로가 됩니다.',
      'When redeploying the same code loads a different model, you cannot explain a performance change or roll back. Remote code execution opens a supply-chain path.',
    ),
    bad: "from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained('bert-org/bert-base')\n",
    good: "from transformers import AutoModel\n\n# TODO: 이 해시는 어디에 기록하고 어떻게 갱신할까요?\nMODEL_REVISION = '3f2c1a9'\nmodel = AutoModel.from_pretrained('bert-org/bert-base', revision='3f2c1a9')\n",
  },
  weeks: ['beginner/3', 'advanced/2', 'advanced/8'],
  questions: [
    l(
      '다음 주에 같은 코드를 다시 배포했을 때, 지금과 똑같은 모델이 로딩된다고 어떻게 보장할 수 있을까요?',
      'If you redeploy this same code next week, how do you guarantee the same model loads?',
    ),
    l(
      '운영 중 예측 품질이 떨어졌을 때, 어떤 모델 버전이 서빙되고 있었는지 어떻게 알 수 있을까요?',
      'When prediction quality drops in production, how do you find out which model version was serving?',
    ),
    l('모델 저장소의 주인이 파일을 바꾸면 우리 서비스에는 어떤 일이 생길까요?', 'What happens to your service if the repository owner changes the files?'),
  ],
  scaffold: {
    ko: '# TODO: 모델 버전 고정\n# 고려사항:\n# - revision(커밋 해시)이나 레지스트리 버전 번호를 어디에 기록할까요? (설정, 환경 변수)\n# - 버전을 올릴 때는 어떤 검증을 거칠까요?\n# - 원격 코드 실행이 꼭 필요한가요? 필요하다면 코드를 검토했나요?\n# TODO: 움직이는 참조 대신 고정된 버전 사용하기\n',
    en: '# TODO: pin the model version\n# Consider:\n# - where do you record the revision (commit hash) or registry version? (config, environment)\n# - what checks run before you bump it?\n# - do you really need remote code? if so, have you reviewed it?\n# TODO: use a fixed version instead of a moving reference\n',
  },
  // Each finding is judged at its call, keyword or string; what it reads elsewhere is the fact below.
  local: 'statement',
  statementFact,
  check(context) {
    const { model } = context;
    const usesHub = [...model.imports.values()].some((target) => HF_MODULES.test(target));
    // The keyword is read from the text at each argument: a file that never writes it has none to read.
    if (model.source.includes('trust_remote_code'))
      for (const argument of model.keywordArguments) {
        if (keywordNameAt(model.source, argument.startIndex) === 'trust_remote_code' && argument.childForFieldName('value')?.text === 'True') {
          context.report({ node: argument, messageId: 'remoteCode' });
        }
      }
    // The tokenizer and the model of one id load side by side: one lesson, said at the first. A
    // load that names a revision (a branch) is its own lesson and is always said.
    const saidAt = new Map<string, number>();
    const reportHub =
      (call: Node): ReportFn =>
      (report) => {
        const line = report.node.startPosition.row;
        const previous = saidAt.get(report.data.ref);
        saidAt.set(report.data.ref, line);
        if (previous === undefined || line - previous > ADJACENT_LINES || keywordArgument(call, 'revision')) context.report(report);
      };
    for (const call of model.calls) {
      const callee = call.callee ?? '';
      if (isHubLoad(callee, usesHub)) checkHub(model, call.node, callee, reportHub(call.node));
      else if (TORCHVISION_MODEL.test(callee) && keywordArgument(call.node, 'pretrained')?.text === 'True') {
        // The weights enum (`weights=ResNet50_Weights.IMAGENET1K_V2`) names a version; `pretrained=True` does not.
        context.report({ node: keywordArgument(call.node, 'pretrained')!, messageId: 'torchvision', data: { name: callee.slice(callee.lastIndexOf('.') + 1) } });
      } else if (BENTO_GET.test(callee)) {
        // `bentoml.sklearn.get("iris_clf")` and `"iris_clf:latest"` resolve to whatever was saved last.
        const tag = resolveString(model, subjectArgument(call.node, 'tag'));
        if (tag && /^[\w.-]+(:latest)?$/.test(tag.value)) context.report({ node: call.node, messageId: 'bento', data: { ref: tag.value } });
      }
    }
    // `ChatOpenAI()`, `OpenAIEmbeddings()`: the model is whatever the installed version defaults to. One
    // lesson per file, said at the first such class; the others are its related places.
    const defaults = libraryDefaultCalls(model);
    if (defaults.length > 0) {
      const [first, ...others] = defaults;
      const name = (node: Node) => node.childForFieldName('function')?.text ?? 'model';
      context.report({
        node: first,
        messageId: /Embedding/.test(name(first)) ? 'libraryDefaultEmbeddings' : 'libraryDefault',
        data: { name: name(first) },
        related: others.length > 0 ? others.map((node) => ({ range: nodeRange(node), message: ALSO_DEFAULT })) : undefined,
      });
    }
    for (const moving of movingModelReferences(model)) context.report({ node: moving.node, messageId: MOVING_MESSAGE[moving.kind], data: { ref: moving.ref } });
    // LLM names written in code as a moving alias or an untagged Ollama name.
    for (const alias of hardcodedModelAliases(model))
      context.report({
        node: alias.node,
        messageId: alias.provider === 'ollama' ? 'ollamaTag' : 'alias',
        data: { ref: alias.ref },
        // Reviewers of blind-written cases named a hosted alias about one time in four: a minor lesson.
        ...(alias.provider === 'ollama' ? {} : { severityReason: 'hostedAlias' }),
      });
    // A Hub file URL on a branch (`huggingface.co/org/name/resolve/main/model.bin`), literal or f-string.
    if (model.source.includes('/resolve/')) {
      // The files of one repository (config, weights) are one place to pin it: said at the first URL.
      const said = new Set<string>();
      for (const m of model.source.matchAll(HUB_FILE_URL)) {
        if (said.has(m[3])) continue;
        said.add(m[3]);
        const start = m.index + m[0].indexOf(m[2]);
        context.report({ range: model.rangeOf(start, start + m[2].length), messageId: 'hubUrl', data: { ref: m[3], branch: m[4] } });
      }
    }
    // W&B artifacts fetched by the `latest` alias (`api.artifact(f"{entity}/{project}/model:latest")`).
    if (model.source.includes(':latest')) {
      for (const m of model.source.matchAll(WANDB_LATEST)) {
        const ref = m[3];
        const start = m.index + m[0].indexOf(ref);
        context.report({ range: model.rangeOf(start, start + ref.length), messageId: 'wandb', data: { ref } });
      }
    }
    // MLflow registry URIs by stage or `latest`, literal or built in an f-string (`models:/{name}/{STAGE}`).
    if (!model.source.includes('models:/')) return;
    const promotes = PROMOTES.test(model.source);
    for (const m of model.source.matchAll(MLFLOW_URI)) {
      const ref = m[2];
      const last = ref.slice(ref.lastIndexOf('/') + 1);
      if (!MOVING_STAGE.test(last)) continue;
      // A promotion step loads what is in Production now on purpose: the incumbent the candidate must beat.
      if (promotes && SERVED_STAGE.test(last) && promotesAround(model, m.index)) continue;
      const start = m.index + m[0].indexOf(ref);
      context.report({ range: model.rangeOf(start, start + ref.length), messageId: 'mlflow', data: { ref } });
    }
  },
  // Registry URIs are also written in start commands (`mlflow models serve -m models:/x/latest`).
  project(context) {
    const { view } = context;
    for (const { path, range, ref } of registryUrisInCommands(view)) context.report({ path, range, messageId: 'mlflow', data: { ref } });
    // An embeddings default is fixed where the project pins the package that defines the class
    // (`langchain-openai==1.1.0`): the next install embeds with the same model, so stored vectors still match.
    const pinned = new Set<string>();
    for (const facts of view.files.values())
      if (facts.kind === 'requirements') for (const p of facts.packages) if (p.pinned && !p.dev && !p.vcs) pinned.add(distributionKey(p.name));
    for (const [path, facts] of view.python) {
      const defaults = facts.libraryDefaults;
      if (defaults && defaults.packages.every((name) => pinned.has(distributionKey(name)))) context.withdraw(path, defaults.line);
    }
    // A Hub id held in a constant of another module (`from config import MODEL_NAME`): the per-file
    // pass cannot read what the name holds. One finding per id and file, at its first load.
    for (const [path, facts] of view.python) {
      const said = new Set<string>();
      for (const load of facts.hubNameLoads ?? []) {
        const fact = facts.imports.find((i) => i.local === load.name && i.name !== undefined && i.scope === undefined);
        const target = fact ? view.modules.module(path, fact.module) : undefined;
        const constant = target ? view.python.get(target)?.hubConstants?.find((c) => c.name === fact!.name) : undefined;
        if (!constant || said.has(constant.value)) continue;
        said.add(constant.value);
        const at = (line: number) => ({ start: { line, column: 0 }, end: { line, column: 0 } });
        context.report({
          path,
          range: at(load.line),
          messageId: 'hubVia',
          data: { ref: constant.value, name: load.name },
          related: [{ path: target!, range: at(constant.line), message: WRITTEN_AT }],
        });
      }
    }
  },
});

const MOVING_MESSAGE = { alias: 'alias', 'first-file': 'firstFile', 'newest-file': 'newestFile', 'newest-run': 'newestRun' } as const;

/** Loads of one id this close together (tokenizer, then model) are one place to pin it. */
const ADJACENT_LINES = 3;
/** A torchvision model builder (`torchvision.models.resnet50`, `torchvision.models.detection.fasterrcnn_resnet50_fpn`). */
const TORCHVISION_MODEL = /^torchvision\.models\.(\w+\.)?[a-z]\w*$/;
/** BentoML's model store: `bentoml.models.get`, `bentoml.<framework>.get` / `.load_model`. */
const ALSO_DEFAULT = l('여기도 라이브러리 기본 모델을 씁니다', 'the library default model here too');

const BENTO_GET = /^bentoml\.(\w+\.)?(get|load_model)$/;
const BENTO_GETS = [BENTO_GET];
/** A quoted Hub file URL whose revision is a branch: `https://huggingface.co/[datasets/]org/name/resolve/main/...`. */
const HUB_FILE_URL = /[fFrR]{0,2}(['"])(https?:\/\/huggingface\.co\/(?:datasets\/)?([^'"\s/]+\/[^'"\s/]+)\/resolve\/(main|master)\/[^'"\s]*)\1/g;
/** A quoted `models:/name/version-or-stage`, plain or f-string. */
const MLFLOW_URI = /[fFrR]{0,2}(['"])(models:\/[^'"\n]+\/[^'"\n/]+)\1/g;
/**
 * A W&B artifact fetched by its `latest` alias: `wandb.Api().artifact("team/proj/model:latest")`,
 * `run.use_artifact(f"{ENTITY}/{PROJECT}/data:latest")`, `run.use_model("model:latest")`.
 */
const WANDB_LATEST = /\.(artifact|use_artifact|use_model)\(\s*[fFrR]{0,2}(['"])([^'"\n]+:latest)\2/g;
/** `latest`, a stage name, or an interpolated stage (`{MODEL_STAGE}`, `{stage}`). */
const MOVING_STAGE = /^(latest|production|staging|archived|none|\{[^}]*stage[^}]*\})$/i;
/** A file that moves versions between stages or aliases: a promotion step. */
const PROMOTES = /\.(transition_model_version_stage|set_registered_model_alias)\(/;
/**
 * The function holding the URI (or the module, for a script's top level) also moves a stage: a
 * service whose training task promotes still serves its predict route from a moving stage.
 */
function promotesAround(model: PythonModel, index: number): boolean {
  for (let node: Node | null = model.tree.rootNode.descendantForIndex(index); node; node = node.parent) {
    if (node.type === 'function_definition') return PROMOTES.test(node.text);
  }
  return true;
}
/** The stages a promotion step compares its candidate with. */
const SERVED_STAGE = /^(production|staging)$/i;

/**
 * What a finding reads beyond its own top-level statement: the file's string constants (a model id
 * or tag named through one, when the file has a Hub or BentoML load), the lists a first-file pick
 * is looked up in (its findings, by line), and the loads of one id said once when close together,
 * which makes the file not statement-local when two such loads sit in different statements.
 */
function statementFact(model: PythonModel): string | undefined {
  const usesHub = [...model.imports.values()].some((target) => HF_MODULES.test(target));
  // `isHubLoad` through the call index (each distinct callee tested once, its verdict kept across
  // files): this fact is read on the whole file after every edit, and a test per call was most of it.
  const hub = model.callsNamed(usesHub ? HUB_LOADS_WITH_MODULES : HUB_LOADS);
  const parts: string[] = [];
  if (hub.length > 0 || model.callsNamed(BENTO_GETS).length > 0) {
    // The constant's place too: the finding names it as a related place, and a second assignment of one
    // name (or a line added above it) moves that place while its value stays.
    for (const [name, constant] of stringConstants(model))
      parts.push(`${name}@${constant.node.startPosition.row}:${constant.node.startPosition.column}=${constant.via}:${constant.name ?? ''}:${constant.value}`);
    for (const [dest, option] of argparseDefaults(model)) parts.push(`--${dest}@${option.node.startPosition.row}=${option.value}`);
  }
  if (hub.length > 1) {
    const spans = hub.map(({ node }) => ({ start: node.startPosition.row, end: node.endPosition.row, statement: topLevel(node).startIndex }));
    for (const a of spans) for (const b of spans) if (a.statement !== b.statement && Math.abs(b.start - a.end) <= ADJACENT_LINES) return undefined;
  }
  // Branch URLs of one repository are said at the first: which one is first reads the whole file.
  // Library-default classes are said once per file, at the first: which one is first reads the whole file.
  const defaults = libraryDefaultCalls(model);
  if (defaults.length > 1) for (const node of defaults) parts.push(`default@${node.startPosition.row}:${node.startPosition.column}`);
  if (model.source.includes('/resolve/')) for (const m of model.source.matchAll(HUB_FILE_URL)) parts.push(`url:${m[3]}`);
  if (model.whole.linesMatch(LISTING_HINT)) for (const pick of firstListedFiles(model)) parts.push(`${pick.node.startPosition.row}:${pick.ref}`);
  // `files = sorted(..., reverse=True)` is a newest-file pick through a later `files[0]`.
  if (model.source.includes('sorted(') && model.whole.linesMatch(LISTING_HINT)) for (const m of model.source.matchAll(INDEXED_END)) parts.push(m[0]);
  // An alias bound in one function and named from another statement is not statement-local (undefined).
  const aliases = aliasFact(model);
  if (aliases === undefined) return undefined;
  parts.push(aliases);
  // A stage URI is left alone in a promotion step: whether the file promotes is read on the whole file.
  if (model.source.includes('models:/')) parts.push(`promotes:${PROMOTES.test(model.source)}`);
  return parts.join('\n');
}

/** A name indexed at either end (`files[0]`, `files[-1]`). */
const INDEXED_END = /\b\w+\[\s*-?[01]\s*\]/g;
/** A listing call, as `firstListedFiles` gates on (a superset suffices here). */
const LISTING_HINT = /listdir|glob|scandir|iterdir/;

function topLevel(node: Node): Node {
  let at = node;
  while (at.parent && at.parent.type !== 'module') at = at.parent;
  return at;
}

type ReportFn = (report: { node: Node; messageId: string; data: Record<string, string>; related?: { range: Range; message: Localized }[] }) => void;

function checkHub(model: PythonModel, call: Node, callee: string, report: ReportFn): void {
  if (TORCH_HUB.test(callee)) return checkTorchHub(model, call, report);
  const isPipeline = /pipeline$/.test(callee);
  const wrapper = HUB_WRAPPERS.test(callee);
  const keyword =
    wrapper || HF_HUB_PREFIXED.test(callee) ? 'model_name' : /download$/.test(callee) ? 'repo_id' : /load_dataset$/.test(callee) ? 'path' : 'pretrained_model_name_or_path';
  const arg = isPipeline ? keywordArgument(call, 'model') : PEFT_ADAPTER.test(callee) ? secondArgument(call, 'model_id') : subjectArgument(call, keyword);
  if (isPipeline && !arg) {
    // `pipeline("sentiment-analysis")`: the library picks the model.
    const task = resolveString(model, subjectArgument(call, 'task'));
    if (task && !hasSplat(call)) report({ node: call, messageId: 'defaultModel', data: { task: task.value } });
    return;
  }
  if (wrapper && !arg && namesNoModel(call)) {
    // `HuggingFaceEmbeddings()`: the wrapper's default model, whichever the installed version names.
    const name = callee.slice(callee.lastIndexOf('.') + 1);
    report({ node: call, messageId: 'libraryDefaultEmbeddings', data: { name, ref: name } });
    return;
  }
  const resolved = parameterDefault(arg) ?? resolveString(model, arg) ?? argparseDefault(model, arg);
  // `hf_hub_download(repo_id=settings.REPO_ID, ...)`: whatever the id, it names a Hub repository (never a
  // local folder), and with no revision anywhere the file is the default branch's of the day.
  // A parameter is the caller's to name (and to pin): the call site answers for it, not this line.
  if (arg && !resolved && HUB_FILE_DOWNLOAD.test(callee) && !isParameter(arg) && !keywordArgument(call, 'revision') && !hasSplat(call) && !revisionOf(model, call).pinned) {
    report({ node: arg, messageId: 'hubConfigured', data: { expr: arg.text.length > 60 ? `${arg.text.slice(0, 57)}...` : arg.text } });
    return;
  }
  if (!arg || !resolved) return;
  // `hf-hub:org/name`, optionally `@revision`; without the prefix timm and open_clip build a local architecture.
  const prefixed = /^hf-hub:/.test(resolved.value);
  if (HF_HUB_PREFIXED.test(callee) && !prefixed) return;
  const [ref, pin] = prefixed ? resolved.value.slice('hf-hub:'.length).split('@') : [resolved.value];
  if (pin !== undefined && HEX_REVISION.test(pin)) return;
  if (LOCAL_FOLDER.test(ref)) return;
  const dataset = /load_dataset$/.test(callee);
  const hub = HUB_ID.test(ref) || ORGLESS_ID.test(ref) || (dataset && /^[a-z][\w.-]*$/i.test(ref) && !LOCAL_DATASET_BUILDERS.has(ref));
  // A wrapper takes the revision through its model arguments (`model_kwargs={"revision": ...}`).
  if (!hub || revisionOf(model, call).pinned || (wrapper && /\brevision\b/.test(call.text))) return;
  const messageId = dataset ? 'hubDataset' : resolved.via !== 'literal' ? 'hubVia' : HUB_ID.test(ref) ? 'hub' : 'noOrg';
  // Through a constant or an attribute, reviewers point at where the id is written as often as at the load.
  const related = resolved.via === 'literal' ? undefined : [{ range: nodeRange(resolved.node), message: WRITTEN_AT }];
  report({ node: arg, messageId, data: { ref, ...(resolved.name ? { name: resolved.name } : {}) }, related });
}

/**
 * `from_pretrained(args.model_name)` after `parser.add_argument("--model_name", default="roberta-base")`:
 * the option's string default, which is what a run with no flags downloads. Reported at the load,
 * with the default as the place the id is written.
 */
function argparseDefault(model: PythonModel, arg: Node | undefined): ResolvedString | undefined {
  const dest = arg?.type === 'attribute' ? /^\w+\.(\w+)$/.exec(arg.text)?.[1] : undefined;
  if (!dest) return undefined;
  return argparseDefaults(model).get(dest);
}

/** Each `add_argument` option of the file with a string default, by its destination name. */
function argparseDefaults(model: PythonModel): Map<string, ResolvedString> {
  const defaults = new Map<string, ResolvedString>();
  if (!model.source.includes('add_argument')) return defaults;
  for (const call of model.calls) {
    if (!/(^|\.)add_argument$/.test(call.callee ?? '')) continue;
    const fallback = keywordArgument(call.node, 'default');
    const value = fallback?.type === 'string' ? stringValue(fallback) : undefined;
    if (!fallback || value === undefined) continue;
    const explicit = keywordArgument(call.node, 'dest');
    const flags = (call.node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a?.type === 'string').map((a) => stringValue(a!) ?? '');
    const long = flags.find((f) => f.startsWith('--'));
    const dest = explicit ? stringValue(explicit) : long ? long.slice(2).replace(/-/g, '_') : undefined;
    if (dest && !defaults.has(dest)) defaults.set(dest, { value, node: fallback, via: 'constant', name: long ?? dest });
  }
  return defaults;
}

/** `name` is a parameter of the function it is read in. */
function isParameter(node: Node): boolean {
  if (node.type !== 'identifier') return false;
  const fn = enclosingFunction(node);
  const parameters = fn?.childForFieldName('parameters');
  return (
    parameters?.namedChildren.some((p) => p !== null && (p.type === 'identifier' ? p.text : p.namedChildren.find((c) => c?.type === 'identifier')?.text) === node.text) ?? false
  );
}

/** The Hub's own download calls: their repository argument is always a Hub repository. */
const HUB_FILE_DOWNLOAD = /(^|\.)(hf_hub_download|snapshot_download)$/;

const WRITTEN_AT = l('모델 id가 적힌 곳', 'where the model id is written');

/** `load_dataset("csv", ...)` reads local files through a builder, not from the Hub. */
const LOCAL_DATASET_BUILDERS = new Set(['csv', 'json', 'parquet', 'text', 'arrow', 'pandas', 'imagefolder', 'audiofolder', 'videofolder', 'webdataset', 'sql', 'generator', 'xml']);

/**
 * A relative path of two segments reads like `org/name`; a first segment that names a local
 * folder of a project (`models/bert`, `checkpoints/best`, `outputs/run1`) is a path, not an org.
 */
const LOCAL_FOLDER =
  /^(models?|checkpoints?|ckpts?|outputs?|artifacts?|saved_?models?|weights|results|runs|data|tmp|temp|local|pretrained(_?models?)?|experiments?|exp|logs|cache|assets|resources|fine_?tuned[\w-]*|trained[\w-]*|best[\w-]*)\//i;

/** The second positional argument, or the keyword that names it. */
function secondArgument(call: Node, keyword: string): Node | undefined {
  const second = call.childForFieldName('arguments')?.namedChildren[1];
  if (second && second.type !== 'keyword_argument') return second;
  return keywordArgument(call, keyword);
}

/** A GitHub `owner/repo` without a `:tag`, or on a branch; `source="local"` loads a folder. */
function checkTorchHub(model: PythonModel, call: Node, report: ReportFn): void {
  const arg = subjectArgument(call, 'repo_or_dir');
  const resolved = parameterDefault(arg) ?? resolveString(model, arg);
  if (!arg || !resolved || /local/.test(keywordArgument(call, 'source')?.text ?? '')) return;
  const [ref, tag] = resolved.value.split(':');
  if ((tag !== undefined && !/^(main|master)$/.test(tag)) || !HUB_ID.test(ref) || LOCAL_FOLDER.test(ref)) return;
  report({ node: arg, messageId: 'torchHub', data: { ref: resolved.value } });
}
