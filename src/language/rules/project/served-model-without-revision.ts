import { simpleCommands, splitCommand } from '../../project/commands';
import { isProductionDockerfile } from '../../project/deploy';
import type { Range } from '../../types';
import { l, projectRule } from '../../rule';

/** A Hugging Face Hub id (`org/name`); a path (`/models/x`, `./x`) or a variable (`$MODEL`) is not. */
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/**
 * The Hub model an LLM server downloads at start, when no revision pins it: vLLM (`vllm serve ID`,
 * `python -m vllm.entrypoints.openai.api_server --model ID`) and Hugging Face TGI
 * (`text-generation-launcher --model-id ID`). Both take `--revision`.
 */
function unpinnedServedModel(command: readonly string[]): string | undefined {
  const words = command.flatMap((w) => (w.startsWith('--') && w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w]));
  if (words.includes('--revision')) return undefined;
  const vllm = words.some((w) => /^vllm\.entrypoints\./.test(w)) || /(^|\/)vllm$/.test(words[0] ?? '');
  const tgi = /(^|\/)text-generation-launcher$/.test(words[0] ?? '');
  let model: string | undefined;
  if (vllm && /(^|\/)vllm$/.test(words[0] ?? '') && words[1] === 'serve' && !(words[2] ?? '-').startsWith('-')) model = words[2];
  const option = vllm ? words.indexOf('--model') : tgi ? words.indexOf('--model-id') : -1;
  if (model === undefined && option >= 0) model = words[option + 1];
  return model !== undefined && HUB_ID.test(model) ? model : undefined;
}

export default projectRule({
  scope: 'project',
  id: 'served-model-without-revision',
  language: 'dockerfile',
  category: 'reproducibility',
  severity: 'info',
  anchors: ['gap:unpinned-model-reference'],
  messages: {
    unpinned: l(
      'LLM 서버가 시작할 때마다 Hub에서 {model}을(를) 받는데 --revision이 없습니다 — 저장소에 새로 올라온 가중치나 토크나이저가 다음 재시작부터 서빙됩니다',
      'The LLM server downloads {model} from the Hub at every start with no --revision — whatever is pushed to that repository next is what the next restart serves',
    ),
  },
  docs: {
    summary: l(
      'Dockerfile CMD/ENTRYPOINT, compose command:, Kubernetes command/args에서 vLLM(`vllm serve`, `--model`)이나 TGI(`--model-id`)가 Hugging Face Hub 모델을 `--revision` 없이 서빙하는 경우를 찾습니다. 경로나 환경 변수로 준 모델은 제외합니다.',
      'Flags start commands (Dockerfile CMD/ENTRYPOINT, compose command:, Kubernetes command/args) where vLLM (`vllm serve`, `--model`) or TGI (`--model-id`) serves a Hugging Face Hub model with no `--revision`. A model given as a path or a variable is left alone.',
    ),
    why: l(
      'Hub id는 움직이는 브랜치(main)를 가리킵니다. 작성자가 가중치, 토크나이저, 채팅 템플릿을 바꾸면 코드도 이미지도 그대로인데 다시 시작한 서버만 다른 모델을 서빙하고, 어느 버전이 답했는지 기록도 없습니다.',
      'A Hub id points at a moving branch (main). When the author changes the weights, the tokenizer or the chat template, the code and the image stay the same, yet a restarted server serves another model, and nothing records which version answered.',
    ),
    bad: 'FROM vllm/vllm-openai:v0.6.3\nUSER 1000\nCMD ["--model", "Qwen/Qwen2.5-0.5B-Instruct", "--host", "0.0.0.0"]\nENTRYPOINT ["python3", "-m", "vllm.entrypoints.openai.api_server"]\n',
    good: 'FROM vllm/vllm-openai:v0.6.3\nUSER 1000\n# TODO: 어떤 커밋의 가중치를 서빙하나요? (Hub의 커밋 해시)\nCMD ["--model", "Qwen/Qwen2.5-0.5B-Instruct", "--revision", "REPLACE_WITH_COMMIT_SHA", "--host", "0.0.0.0"]\nENTRYPOINT ["python3", "-m", "vllm.entrypoints.openai.api_server"]\n',
  },
  weeks: ['beginner/3', 'advanced/2'],
  questions: [
    l(
      '{model|이 모델}의 저장소에 작성자가 새 가중치를 올리면, 다음에 서버가 다시 시작될 때 무엇이 서빙되나요?',
      "If the author pushes new weights to {model|this model}'s repository, what does the server serve after its next restart?",
    ),
    l(
      '지난주와 오늘 답이 달라졌을 때, 어느 모델 버전이 답했는지 어떻게 확인할 수 있을까요?',
      'When answers differ from last week, how would you find out which model version gave them?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 서빙하는 모델의 버전 고정하기\n# 고려사항:\n# - Hub 커밋 해시를 --revision으로 주기 (토크나이저도 같이: --tokenizer-revision)\n# - 가중치를 미리 받아 볼륨이나 이미지에 두고 경로로 서빙하기\n# TODO: 어느 방법이 이 배포에 맞나요?\n',
    en: '# TODO: pin the version of the served model\n# Consider:\n# - pass the Hub commit hash as --revision (and the tokenizer: --tokenizer-revision)\n# - download the weights ahead into a volume or the image and serve them by path\n# TODO: which fits this deployment?\n',
  },
  project(context) {
    const report = (path: string, range: Range, words: readonly string[] | undefined) => {
      if (!words?.length) return;
      for (const command of simpleCommands(words)) {
        const model = unpinnedServedModel(command);
        if (model) return context.report({ path, range, messageId: 'unpinned', data: { model } });
      }
    };
    for (const [path, facts] of context.view.files) {
      if (facts.kind === 'dockerfile') {
        if (!isProductionDockerfile(path)) continue;
        const last = facts.stages[facts.stages.length - 1];
        const entry = last?.entrypoint;
        const cmd = last?.cmd;
        const words = (i: typeof cmd) => (i ? (i.words ?? splitCommand(i.text)) : []);
        // An exec-form ENTRYPOINT takes the CMD as its arguments: the server and its model are one command.
        if (entry || cmd) report(path, (cmd ?? entry)!.range, [...words(entry), ...words(cmd)]);
      } else if (facts.kind === 'yaml') {
        for (const service of facts.compose) if (service.command) report(path, service.commandRange ?? service.nameRange, service.command);
        for (const workload of facts.workloads)
          for (const container of workload.containers) report(path, container.commandRange ?? container.nameRange, [...(container.command ?? []), ...(container.args ?? [])]);
      }
    }
  },
});
