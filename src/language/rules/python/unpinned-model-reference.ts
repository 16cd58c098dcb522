import type { Node } from 'web-tree-sitter';
import { keywordArgument, stringValue } from '../../python/model';
import { keywordNameAt } from '../../python/scan';
import { l, pythonRule } from '../../rule';

const HF_MODULES = /^(transformers|huggingface_hub|diffusers|peft|sentence_transformers|datasets|timm|optimum|accelerate)\b/;
const HF_LOADERS = /(^|\.)(from_pretrained|hf_hub_download|snapshot_download|load_dataset|SentenceTransformer|pipeline)$/;
/** `org/name` on the Hub; local paths start with `.`, `/`, `~` or contain more than one slash. */
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const HEX_REVISION = /^[0-9a-f]{7,40}$/;
const MLFLOW_MOVING = /^models:\/[^/]+\/(latest|production|staging|archived|none)$/i;

export default pythonRule({
  id: 'unpinned-model-reference',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['B615', 'semgrep:huggingface-remote-code'],
  messages: {
    hub: l("'{ref}' 모델을 커밋 해시(revision) 없이 내려받습니다 — 저장소가 바뀌면 모델도 바뀝니다", "'{ref}' is downloaded without a commit-hash revision — when the repository changes, so does your model"),
    remoteCode: l('trust_remote_code=True는 모델 저장소의 파이썬 코드를 그대로 실행합니다', 'trust_remote_code=True runs the model repository’s Python code as-is'),
    mlflow: l("'{ref}'는 움직이는 참조(latest/스테이지)라 언제 어떤 버전이 로딩될지 모릅니다", "'{ref}' is a moving reference (latest or a stage), so which version loads can change at any time"),
  },
  docs: {
    summary: l(
      "Hugging Face 'org/name' 모델을 hex revision 없이 받는 호출, trust_remote_code=True, MLflow models:/x/latest 나 스테이지 URI를 찾습니다.",
      "Flags Hugging Face 'org/name' downloads without a hex revision, trust_remote_code=True, and MLflow models:/x/latest or stage URIs.",
    ),
    why: l(
      '같은 코드를 다시 배포했는데 다른 모델이 로딩되면 성능 변화의 원인을 찾을 수 없고 롤백도 되지 않습니다. 원격 코드 실행은 공급망 공격의 통로가 됩니다.',
      'When redeploying the same code loads a different model, you cannot explain a performance change or roll back. Remote code execution opens a supply-chain path.',
    ),
    bad: "from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained('bert-org/bert-base')\n",
    good:
      "from transformers import AutoModel\n\n# TODO: 이 해시는 어디에 기록하고 어떻게 갱신할까요?\nMODEL_REVISION = '3f2c1a9'\nmodel = AutoModel.from_pretrained('bert-org/bert-base', revision='3f2c1a9')\n",
  },
  weeks: ['beginner/3', 'advanced/2', 'advanced/8'],
  questions: [
    l(
      '다음 주에 같은 코드를 다시 배포했을 때, 지금과 똑같은 모델이 로딩된다고 어떻게 보장할 수 있을까요?',
      'If you redeploy this same code next week, how do you guarantee the same model loads?',
    ),
    l('운영 중 예측 품질이 떨어졌을 때, 어떤 모델 버전이 서빙되고 있었는지 어떻게 알 수 있을까요?', 'When prediction quality drops in production, how do you find out which model version was serving?'),
    l('모델 저장소의 주인이 파일을 바꾸면 우리 서비스에는 어떤 일이 생길까요?', 'What happens to your service if the repository owner changes the files?'),
  ],
  scaffold: {
    ko: '# TODO: 모델 버전 고정\n# 고려사항:\n# - revision(커밋 해시)이나 레지스트리 버전 번호를 어디에 기록할까요? (설정, 환경 변수)\n# - 버전을 올릴 때는 어떤 검증을 거칠까요?\n# - 원격 코드 실행이 꼭 필요한가요? 필요하다면 코드를 검토했나요?\n# TODO: 움직이는 참조 대신 고정된 버전 사용하기\n',
    en: '# TODO: pin the model version\n# Consider:\n# - where do you record the revision (commit hash) or registry version? (config, environment)\n# - what checks run before you bump it?\n# - do you really need remote code? if so, have you reviewed it?\n# TODO: use a fixed version instead of a moving reference\n',
  },
  check(context) {
    const { model } = context;
    const usesHub = [...model.imports.values()].some((target) => HF_MODULES.test(target));
    for (const argument of model.keywordArguments) {
      if (keywordNameAt(model.source, argument.startIndex) === 'trust_remote_code' && argument.childForFieldName('value')?.text === 'True') {
        context.report({ node: argument, messageId: 'remoteCode' });
      }
    }
    for (const call of model.calls) {
      const callee = call.callee ?? '';
      if (usesHub && HF_LOADERS.test(callee)) checkHub(call.node, callee, context.report);
      if (/(^|\.)(load_model|download_artifacts|get_model_version_download_uri)$/.test(callee) || /^mlflow\.\w+(\.\w+)?\.load_model$/.test(callee)) {
        const uri = firstArgument(call.node, 'model_uri');
        const ref = uri ? stringValue(uri) : undefined;
        if (uri && ref && MLFLOW_MOVING.test(ref)) context.report({ node: uri, messageId: 'mlflow', data: { ref } });
      }
    }
  },
});

type ReportFn = (report: { node: Node; messageId: string; data: Record<string, string> }) => void;

function checkHub(call: Node, callee: string, report: ReportFn): void {
  const keyword = /pipeline$/.test(callee) ? 'model' : /download$/.test(callee) ? 'repo_id' : 'pretrained_model_name_or_path';
  const arg = /pipeline$/.test(callee) ? keywordArgument(call, 'model') : firstArgument(call, keyword);
  const ref = arg ? stringValue(arg) : undefined;
  if (!arg || !ref || !HUB_ID.test(ref)) return;
  const revision = keywordArgument(call, 'revision') ?? keywordArgument(call, 'commit_id');
  // A revision read from config is trusted; only a literal that is not a hex hash is a moving ref.
  if (revision && (revision.type !== 'string' || HEX_REVISION.test(stringValue(revision) ?? ''))) return;
  report({ node: arg, messageId: 'hub', data: { ref } });
}

function firstArgument(call: Node, keyword: string): Node | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const first = args[0];
  return first && first.type !== 'keyword_argument' ? first : keywordArgument(call, keyword);
}
