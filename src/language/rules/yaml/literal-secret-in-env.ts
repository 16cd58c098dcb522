import { l, yamlRule } from '../../rule';
import { azurePipelineJobs, isAzurePipelines } from '../../yaml/azure-pipelines';
import { composeEnvironment, composeServices } from '../../yaml/compose';
import { isTemplatePlaceholder } from '../../yaml/helm';
import { isLiteralSecret } from '../../yaml/secrets';
import { allContainers } from '../../yaml/kubernetes';
import { at, entries, has, items, scalar, type YamlDocument, type YEntry, type YNode } from '../../yaml/model';
import { scalarsUnder } from '../../yaml/values';

/** A placeholder left in a Secret template (`<password>`, `changeme-in-ci`, `REPLACE_ME`) is not a leak. */
const PLACEHOLDER = /^(<[^>]*>|\$\{?\w+\}?|(replace|change|your)[-_ ]?(me|this|.*here)|x{3,}|\*{3,}|todo)$/i;

/**
 * An incoming-webhook URL carries its own credential: whoever has it can post to the channel
 * (Slack `hooks.slack.com/services/T…/B…/…`, Discord `discord.com/api/webhooks/<id>/<token>`,
 * Microsoft Teams `….webhook.office.com/webhookb2/…`). Documentation placeholders (`XXXX`, `0000`) are not.
 */
const WEBHOOK_URL =
  /https:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/T\w+\/\w+\/(\w{8,})|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{5,}\/([\w-]{20,})|[\w-]+\.webhook\.office\.com\/webhookb2\/[\w@-]+\/IncomingWebhook\/(\w{16,}))/;

function webhookIn(value: string): boolean {
  const match = WEBHOOK_URL.exec(value);
  const token = match ? (match[1] ?? match[2] ?? match[3] ?? '') : '';
  return token !== '' && !/^(x+|0+|\*+)$/i.test(token) && !/x{6,}|your|example|placeholder/i.test(token);
}

/**
 * A password written on a service's command line: `airflow users create ... --password admin`
 * (or `-p admin`), `redis-server --requirepass s3cret`. A value from the environment (`$PW`,
 * `${ADMIN_PASSWORD}`) is not a literal. A line continued with a backslash is read on.
 */
const COMMAND_PASSWORD = /\b(?:airflow\s+users\s+create|redis-server)\b(?:[^\n\\]|\\[^])*?\s(?:--password|-p|--requirepass)(?:[ \t]+|=)(['"]?)([^\s'"$\\][^\s'"]*)\1/;

/** The command the password was found in, by the program named in the match. */
function commandName(match: string): string {
  return /^airflow/.test(match) ? 'airflow users create' : 'redis-server';
}

/**
 * Where a command node writes a password: the line of it in a block scalar (not the scalar's
 * first line), or the list item that holds it in exec form (`["redis-server", "--requirepass", "x"]`).
 */
function commandPassword(node: YNode): { range: YNode['range']; command: string } | undefined {
  if (node.kind === 'seq') {
    // `["-c", "airflow users create ... --password admin"]`: one item holds the whole command line.
    for (const item of node.items) {
      const found = item.kind === 'scalar' ? commandPassword(item) : undefined;
      if (found) return found;
    }
    const words = node.items.map((item) => scalar(item) ?? '');
    const match = COMMAND_PASSWORD.exec(words.join(' '));
    const item = match && node.items.find((candidate, index) => index > 0 && words[index] === match[2]);
    return match && item ? { range: item.range, command: commandName(match[0]) } : undefined;
  }
  if (node.kind !== 'scalar') return undefined;
  const match = COMMAND_PASSWORD.exec(node.value);
  if (!match) return undefined;
  const command = commandName(match[0]);
  // The same search over the source text finds the password's own line and column.
  const inSource = node.raw ? COMMAND_PASSWORD.exec(node.raw) : null;
  if (!inSource || !node.raw) return { range: node.range, command };
  const offset = inSource.index + inSource[0].lastIndexOf(inSource[2]);
  const before = node.raw.slice(0, offset);
  const lines = before.split('\n').length - 1;
  const column = lines === 0 ? node.range.start.column + offset : offset - before.lastIndexOf('\n') - 1;
  const start = { line: node.range.start.line + lines, column };
  return { range: { start, end: { line: start.line, column: column + inSource[2].length } }, command };
}

/** A Helm chart's values files (`values.yaml`, `values-prod.yaml`): what the templates render into Secrets and env. */
const HELM_VALUES = /(^|\/)values([.-][\w-]+)?\.ya?ml$/i;

/**
 * Helm's names for a reference to a Secret rather than a value: `existingSecret`,
 * `existingSecretPasswordKey`, `passwordKey`, `tokenSecretName`, `secretName`.
 */
const VALUES_REFERENCE = /^existing|[a-z](?:Password|Token|Secret)(?:Key|Name|Ref)$|^(?:password|token|secret)(?:Name|Ref)$|^(?:secret|password)Key$(?<!^secretKey$)/;

/**
 * The entries of a values file whose key names a credential and whose value is written out
 * (`secret.data.SECRET_KEY: verysecretkey`); each node once, as aliases share nodes.
 */
function* literalValues(node: YNode | undefined, depth = 0, seen = new Set<YNode>()): Generator<{ key: string; value: YNode }> {
  if (!node || depth > 8 || seen.has(node)) return;
  seen.add(node);
  if (node.kind === 'seq') for (const item of node.items) yield* literalValues(item, depth + 1, seen);
  if (node.kind !== 'map') return;
  for (const entry of node.entries) {
    const value = entry.value;
    if (value?.kind === 'scalar' && value.style !== 'block') {
      if (!VALUES_REFERENCE.test(entry.key) && isLiteralSecret(entry.key, value.value) && !PLACEHOLDER.test(value.value.trim())) yield { key: entry.key, value };
    } else yield* literalValues(value, depth + 1, seen);
  }
}

/**
 * The secret-looking keys of a committed `kind: Secret` (`data` decoded from base64, `stringData` as
 * is). A Helm template's value (`{{ randAlphaNum 32 | b64enc }}`, `{{ .Values.db.password | b64enc }}`)
 * is rendered at install time, not committed: it is judged where its value lives (the values file).
 */
function committedSecretKeys(document: YamlDocument) {
  const decoded = entries(at(document.root, 'data'))
    .filter((e) => !isTemplatePlaceholder(scalar(e.value)))
    .map((e) => ({ entry: e, value: Buffer.from(scalar(e.value) ?? '', 'base64').toString('utf8') }));
  const plain = entries(at(document.root, 'stringData')).map((e) => ({ entry: e, value: scalar(e.value) ?? '' }));
  return [...decoded, ...plain].filter(({ entry, value }) => isLiteralSecret(entry.key, value) && !PLACEHOLDER.test(value.trim()));
}

/**
 * The plain values an Azure pipeline sets: `variables:` of the pipeline, its stages and jobs (map
 * or list form; a `group:` or a `template:` holds none) and the `env:` of each step.
 */
function azureValues(root: YNode | undefined): { name: string; value: YNode }[] {
  const found: { name: string; value: YNode }[] = [];
  const fromVariables = (holder: YNode | undefined) => {
    const variables = at(holder, 'variables');
    for (const e of variables?.kind === 'map' ? entries(variables) : []) if (e.value) found.push({ name: e.key, value: e.value });
    for (const item of items(variables)) {
      const name = scalar(at(item, 'name'));
      const value = at(item, 'value');
      if (name && value) found.push({ name, value });
    }
  };
  fromVariables(root);
  for (const stage of items(at(root, 'stages'))) fromVariables(stage);
  for (const job of azurePipelineJobs(root)) {
    if (!job.implicit) fromVariables(job.spec);
    for (const step of job.steps) for (const e of entries(at(step.spec, 'env')) as YEntry[]) if (e.value) found.push({ name: e.key, value: e.value });
  }
  return found;
}

export default yamlRule({
  id: 'literal-secret-in-env',
  language: 'yaml',
  documentKinds: ['kubernetes', 'compose', 'github-actions', 'prometheus-rules', 'other'],
  category: 'security',
  severity: 'error',
  anchors: ['kube-linter:env-var-secret', 'polaris:sensitiveContainerEnvVar', 'CKV_K8S_35', 'compose-lint', 'CWE-798'],
  messages: {
    azureVariable: l(
      '파이프라인 변수 "{name}"에 비밀 값이 그대로 적혀 있습니다: 저장소를 읽을 수 있는 누구나 이 값을 가집니다',
      'Pipeline variable "{name}" holds a literal secret: anyone who can read the repository has it',
    ),
    literal: l('환경 변수 "{name}"에 비밀 값이 그대로 적혀 있습니다', 'Environment variable "{name}" holds a literal secret'),
    commandPassword: l(
      '"{service}" 서비스의 명령({name})에 비밀번호가 그대로 적혀 있습니다: 저장소와 docker inspect, ps를 볼 수 있는 누구나 이 값을 가집니다',
      'The command of service "{service}" ({name}) writes its password out: anyone who can read the repository, docker inspect or ps has it',
    ),
    webhook: l(
      '{service} 웹훅 URL이 토큰째 커밋되어 있습니다: 이 URL을 가진 사람은 누구나 그 채널에 메시지를 보낼 수 있습니다 (알림을 위조하거나 채널을 도배할 수 있습니다)',
      'The {service} webhook URL is committed with its token: anyone who has the URL can post to the channel (forge alerts or flood it)',
    ),
    values: l(
      'Helm values의 "{name}"에 비밀 값이 그대로 적혀 있습니다: 차트와 함께 커밋되고, 렌더링된 Secret도 같은 값을 담습니다',
      'Helm value "{name}" holds a literal secret: it is committed with the chart, and the Secret it renders carries the same value',
    ),
    secretManifest: l(
      'Secret "{secret}"의 값이 저장소에 커밋되어 있습니다 ({name} 외 {count}개 키; base64는 암호화가 아닙니다)',
      'Secret "{secret}" commits its values to the repository ({name} and {count} more keys; base64 is not encryption)',
    ),
  },
  docs: {
    summary: l(
      'Kubernetes env와 compose environment에서 비밀번호, 토큰, API 키 이름에 값이 직접 적힌 경우(또는 비밀번호가 든 접속 URL)와, 그런 값을 data(base64)나 stringData에 담아 커밋한 Secret 매니페스트를 Secret마다 한 번 찾습니다. secretKeyRef, valueFrom, ${VAR}, 자리표시자는 괜찮습니다. 어떤 YAML 파일이든(Alertmanager 설정, 워크플로, compose) 토큰이 든 Slack·Discord·Teams 웹훅 URL도 비밀이고, Helm values 파일에 적힌 자격 증명(`secret.data.SECRET_KEY: verysecretkey`)도 찾습니다. Azure Pipelines의 variables:(파이프라인, stage, job)와 단계의 env:에 평문으로 적힌 비밀도 찾습니다 (변수 그룹과 템플릿은 값을 담지 않습니다). compose 서비스의 command와 entrypoint에 적힌 비밀번호(`airflow users create ... --password admin`, `redis-server --requirepass ...`)도 찾습니다.',
      'Flags Kubernetes env and compose environment entries whose password, token or API-key names carry a literal value (or a URL with a password), and Secret manifests committed with such values in data (base64) or stringData, once per Secret. secretKeyRef, valueFrom, ${VAR} and placeholders are fine. In any YAML file (an Alertmanager config, a workflow, compose), a Slack, Discord or Teams incoming-webhook URL with its token is a secret too, and so is a credential written into a Helm values file (`secret.data.SECRET_KEY: verysecretkey`). In Azure Pipelines a secret written in plain text in variables: (of the pipeline, a stage or a job) or in the env: of a step is flagged too (variable groups and templates hold no values). A password written on a compose service’s command or entrypoint (`airflow users create ... --password admin`, `redis-server --requirepass ...`) is flagged too.',
    ),
    why: l(
      '매니페스트는 Git에 올라가고, CI 로그와 kubectl describe에 그대로 보입니다. 한 번 커밋된 비밀은 히스토리에 남아 교체하기 전까지 유출된 것으로 봐야 합니다.',
      'Manifests go to Git and show up in CI logs and kubectl describe. A committed secret stays in history and must be treated as leaked until it is rotated.',
    ),
    bad: 'services:\n  grafana:\n    image: grafana/grafana:10.4.2\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=admin\n',
    good: 'services:\n  grafana:\n    image: grafana/grafana:10.4.2\n    environment:\n      # TODO: 이 값은 어디에서 주입될까요? (.env, secrets)\n      - GF_SECURITY_ADMIN_PASSWORD=${GRAFANA_PASSWORD}\n',
  },
  weeks: ['intermediate/1'],
  questions: [
    l('이 파일을 볼 수 있는 사람은 누구누구인가요? Git 히스토리와 CI 로그까지 생각해 보면요?', 'Who can read this file, counting the Git history and the CI logs?'),
    l('{name}의 값이 유출됐다면 교체하는 데 무엇을 바꾸고 다시 배포해야 하나요?', 'If the value of {name} leaked, what would you have to change and redeploy to rotate it?'),
  ],
  scaffold: {
    ko: '# TODO: 비밀 값을 파일 밖으로 옮기기\n# 고려사항:\n# - 비밀은 어디에 보관할까요? (Kubernetes Secret, 외부 시크릿 매니저, .env + .gitignore)\n# - 누가 읽을 수 있어야 하고, 얼마나 자주 교체하나요?\n# - 이미 커밋된 값은 어떻게 처리할까요?\n# env:\n#   - name: # TODO\n#     valueFrom:\n#       secretKeyRef: { name: # TODO, key: # TODO }\n',
    en: '# TODO: move the secret out of the file\n# Consider:\n# - where should secrets live (Kubernetes Secret, an external secret manager, .env + .gitignore)?\n# - who must be able to read it, and how often is it rotated?\n# - what do you do about the value already committed?\n# env:\n#   - name: # TODO\n#     valueFrom:\n#       secretKeyRef: { name: # TODO, key: # TODO }\n',
  },
  check(context, document) {
    for (const node of scalarsUnder(document.root)) {
      if (node.kind !== 'scalar' || !node.value.includes('https://') || !webhookIn(node.value)) continue;
      const service = /slack/i.test(node.value) ? 'Slack' : /discord/i.test(node.value) ? 'Discord' : 'Teams';
      context.report({ range: node.range, messageId: 'webhook', data: { service } });
    }
    if (document.kind === 'other' && HELM_VALUES.test(context.path)) {
      for (const { key, value } of literalValues(document.root)) context.report({ range: value.range, messageId: 'values', data: { name: key } });
      return;
    }
    if (document.kind === 'other' && isAzurePipelines(document.root)) {
      for (const { name, value } of azureValues(document.root)) {
        if (value.kind === 'scalar' && isLiteralSecret(name, value.value) && !PLACEHOLDER.test(value.value.trim()))
          context.report({ range: value.range, messageId: 'azureVariable', data: { name } });
      }
      return;
    }
    if (document.kind !== 'compose' && document.kind !== 'kubernetes') return;
    if (document.kind === 'compose') {
      // Services that merge one anchor (`<<: *common-env`) share its lines: say each line once.
      const said = new Set<string>();
      for (const service of composeServices(document)) {
        for (const variable of composeEnvironment(service.spec)) {
          const where = `${variable.range.start.line}:${variable.range.start.column}`;
          if (said.has(where) || !isLiteralSecret(variable.name, variable.value)) continue;
          said.add(where);
          context.report({ range: variable.range, messageId: 'literal', data: { name: variable.name } });
        }
        for (const key of ['command', 'entrypoint']) {
          const node = at(service.spec, key);
          const found = node && commandPassword(node);
          const where = found && `${found.range.start.line}:${found.range.start.column}`;
          if (!found || !where || said.has(where)) continue;
          said.add(where);
          context.report({ range: found.range, messageId: 'commandPassword', data: { service: service.name, name: found.command } });
        }
      }
      return;
    }
    if (scalar(at(document.root, 'kind')) === 'Secret') {
      const keys = committedSecretKeys(document);
      const secret = scalar(at(document.root, 'metadata.name')) ?? '?';
      if (keys.length > 0) {
        const first = keys[0].entry;
        context.report({ range: first.value?.range ?? first.keyRange, messageId: 'secretManifest', data: { secret, name: first.key, count: keys.length - 1 } });
      }
      return;
    }
    for (const container of allContainers(document)) {
      for (const variable of items(at(container.spec, 'env'))) {
        const name = scalar(at(variable, 'name'));
        const value = at(variable, 'value');
        if (!name || has(variable, 'valueFrom') || value?.kind !== 'scalar') continue;
        if (isLiteralSecret(name, value.value)) context.report({ range: value.range, messageId: 'literal', data: { name } });
      }
    }
  },
});
