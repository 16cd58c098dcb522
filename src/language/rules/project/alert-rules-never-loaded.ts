import type { Range } from '../../types';
import { copySources } from '../../project/copies';
import type { InstructionFact } from '../../project/facts';
import { basename, dirname, joinDir } from '../../project/modules';
import { l, projectRule } from '../../rule';

/** A file put into the Prometheus container: where it comes from in the tree, where it lands, and the line that puts it there. */
interface Placed {
  readonly file: string;
  readonly host: string;
  readonly target: string;
  readonly range: Range;
  /** A Dockerfile COPY names its source relative to a build context: only the path's tail is compared. */
  readonly tail?: true;
}

/** Prometheus's own storage, which holds no rule files. */
const DATA = /^\/(prometheus|data)\/?$/;

const FILE = /\.(ya?ml|rules|json)$/i;

/** A COPY's (source, target) pairs; undefined when a source is a folder or the destination is not absolute. */
function copied(copy: InstructionFact): { source: string; target: string }[] | undefined {
  const { sources, destination: dest } = copySources(copy);
  if (!dest?.startsWith('/') || sources.length === 0 || sources.some((source) => !FILE.test(source))) return undefined;
  const tails = sources.map((source) => source.replace(/^(\$\{?\w+\}?\/)+/, '').replace(/^\.\//, ''));
  return tails.map((source) => ({ source, target: dest.endsWith('/') || sources.length > 1 ? joinDir(dest, basename(source)) : dest }));
}

function matches(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/\*+/g, '*')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`).test(path);
}

export default projectRule({
  scope: 'project',
  id: 'alert-rules-never-loaded',
  language: 'yaml',
  documentKinds: ['other', 'compose'],
  category: 'observability',
  severity: 'warning',
  anchors: ['gap:alert-rules-never-loaded'],
  messages: {
    notInContainer: l(
      '{config}의 rule_files는 {pattern}을 읽지만, Prometheus 컨테이너에는 {config}만 들어가고 그 경로에 맞는 규칙 파일은 마운트·복사되지 않습니다: Prometheus는 아무 말 없이 규칙 없이 시작하고 알림은 한 번도 울리지 않습니다',
      'rule_files in {config} reads {pattern}, but only {config} is put into the Prometheus container and no rule file there matches it: Prometheus starts with no rules and says nothing, so no alert ever fires',
    ),
    notWritten: l(
      '{config}의 rule_files는 {pattern}을 읽지만 그런 규칙 파일은 저장소에도 Prometheus 컨테이너에도 없습니다: Prometheus는 아무 말 없이 규칙 없이 시작하고 알림은 한 번도 울리지 않습니다',
      'rule_files in {config} reads {pattern}, but no such rule file is in the repository or in the Prometheus container: Prometheus starts with no rules and says nothing, so no alert ever fires',
    ),
    notListed: l(
      '{rules}에 알림 규칙이 있지만 Prometheus가 읽는 {config}에는 rule_files가 없습니다: 이 규칙들은 한 번도 평가되지 않습니다',
      'The alert rules in {rules} are never loaded: {config}, the configuration Prometheus reads, has no rule_files, so none of them is ever evaluated',
    ),
  },
  docs: {
    summary: l(
      'compose 볼륨이나 Dockerfile COPY로 Prometheus 컨테이너에 넣는 설정 파일의 rule_files 패턴(설정 파일 폴더 기준)에 맞는 파일이 같은 컨테이너에 마운트·복사되지 않거나, 설정 파일 옆 폴더에 알림·기록 규칙 파일(groups:)이 있는데 설정에 rule_files가 없으면 설정 파일을 넣는 줄에 알립니다. 폴더 마운트·복사, 변수, 템플릿(Helm, {{ }}), 쿠버네티스 ConfigMap, 컨테이너에 넣는 곳을 찾을 수 없는 설정은 묻지 않습니다. 저장소 어디에도 없는 파일 이름은 rule_files 항목에, 비어 있는 rule_files:는 그 키에 알립니다.',
      "Flags the line that puts a Prometheus configuration into its container (a compose volume or a Dockerfile COPY) when a rule_files pattern (relative to the configuration's folder) matches no file mounted or copied into the same container, or when a rule file (groups: with alert or record rules) lies beside the configuration and the configuration has no rule_files. Folder mounts and copies, variables, templates (Helm, {{ }}), Kubernetes ConfigMaps and configurations that nothing in the tree puts into a container are not asked. A name no file in the repository has is reported at the rule_files entry, and an empty rule_files: at the key.",
    ),
    why: l(
      'Prometheus는 rule_files의 패턴에 맞는 파일이 없어도 오류 없이 시작합니다. 규칙 파일을 저장소에 써 두고 마운트하지 않거나 rule_files에 적지 않으면, 대시보드는 정상이지만 알림은 존재하지 않습니다. 장애가 나도 아무도 호출되지 않고, 이는 Prometheus의 Rules 페이지가 비어 있는 것으로만 보입니다.',
      'Prometheus starts without an error when a rule_files pattern matches nothing. A rule file written in the repository but not mounted, or not listed in rule_files, leaves the dashboards working and the alerts absent: an outage pages nobody, and the only sign is an empty Rules page in Prometheus.',
    ),
    bad:
      '# --- docker-compose.yml ---\nservices:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    volumes:\n      - ./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro\n\n' +
      "# --- monitoring/prometheus.yml ---\nrule_files:\n  - alerts.yml\nscrape_configs:\n  - job_name: model\n    static_configs:\n      - targets: ['model-api:8000']\n",
    good:
      '# --- docker-compose.yml ---\nservices:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    volumes:\n      - ./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro\n      # TODO: 규칙 파일도 컨테이너 안 같은 폴더에 넣기\n      - ./monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro\n\n' +
      "# --- monitoring/prometheus.yml ---\nrule_files:\n  - alerts.yml\nscrape_configs:\n  - job_name: model\n    static_configs:\n      - targets: ['model-api:8000']\n",
  },
  weeks: ['intermediate/5', 'advanced/1'],
  questions: [
    l(
      'Prometheus 컨테이너 안에는 어떤 파일들이 있나요? rule_files의 경로는 컨테이너 안의 어느 파일을 가리키나요?',
      'Which files are inside the Prometheus container? Which file inside it does the rule_files path point at?',
    ),
    l(
      '알림 규칙이 실제로 로드되었는지 어떻게 확인할 수 있을까요? (Rules 페이지, promtool check config)',
      'How could you check that the alert rules are actually loaded (the Rules page, promtool check config)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 알림 규칙을 Prometheus가 실제로 읽게 하기\n# 고려사항:\n# - rule_files의 패턴은 설정 파일 폴더 기준으로 컨테이너 안 어디를 가리키나요?\n# - 그 경로에 규칙 파일을 마운트(volumes)하거나 복사(COPY)했나요?\n# - promtool check config로 확인했나요?\n# rule_files: [] # TODO\n',
    en: "# TODO: make Prometheus actually read the alert rules\n# Consider:\n# - where inside the container does the rule_files pattern point (relative to the config's folder)?\n# - is the rule file mounted (volumes) or copied (COPY) to that path?\n# - did promtool check config confirm it?\n# rule_files: [] # TODO\n",
  },
  project(context) {
    const configs = new Map<string, { readonly ruleFiles: readonly { pattern: string; range: Range }[]; readonly keyRange?: Range }>();
    const ruleFiles: string[] = [];
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      if (facts.prometheus) configs.set(path, facts.prometheus);
      if (facts.ruleGroups) ruleFiles.push(path);
    }
    if (configs.size === 0) return;
    const containers: { placed: Placed[]; opaque: boolean }[] = [];
    const copiesOf = (dockerfile: string, into: Placed[]): boolean => {
      const facts = context.view.files.get(dockerfile);
      const stage = facts?.kind === 'dockerfile' ? facts.stages[facts.stages.length - 1] : undefined;
      let opaque = !stage;
      for (const copy of stage?.copies ?? []) {
        const pairs = copied(copy);
        if (!pairs) opaque = true;
        else for (const { source, target } of pairs) into.push({ file: dockerfile, host: source, target, range: copy.range, tail: true });
      }
      return opaque;
    };
    const built = new Map<string, string>();
    for (const deployment of context.view.deployments)
      if (deployment.kind === 'compose' && deployment.dockerfile) built.set(`${deployment.file}\0${deployment.name}`, deployment.dockerfile);
    const usedDockerfiles = new Set(built.values());
    for (const [path, facts] of context.view.files) {
      if (facts.kind === 'dockerfile' && !usedDockerfiles.has(path)) {
        const placed: Placed[] = [];
        containers.push({ opaque: copiesOf(path, placed), placed });
      }
      if (facts.kind !== 'yaml') continue;
      for (const service of facts.compose) {
        const placed: Placed[] = [];
        // A volume whose content this tree does not show (a named volume, a folder, a variable) may hold any rule file.
        const files = new Set((service.mounts ?? []).flatMap((m) => (m.target && FILE.test(m.source) ? [m.target] : [])));
        let opaque = (service.volumeTargets ?? []).some((target) => !files.has(target) && !DATA.test(target));
        for (const mount of service.mounts ?? []) {
          if (!mount.target || !FILE.test(mount.source)) opaque = true;
          else placed.push({ file: path, host: joinDir(dirname(path), mount.source), target: mount.target, range: mount.range });
        }
        const dockerfile = service.build ? built.get(`${path}\0${service.name}`) : undefined;
        if (service.build) opaque = !dockerfile || copiesOf(dockerfile, placed) || opaque;
        containers.push({ placed, opaque });
      }
    }
    for (const { placed, opaque } of containers) {
      if (opaque) continue;
      for (const [config, { ruleFiles: patterns, keyRange }] of configs) {
        const entry = placed.find((p) => (p.tail ? config === p.host || config.endsWith(`/${p.host}`) : config === p.host));
        if (!entry) continue;
        const data = { config: basename(config) };
        if (patterns.length === 0) {
          const rules = ruleFiles.find((file) => file.startsWith(`${dirname(config)}/`) || dirname(file) === dirname(config));
          // An empty `rule_files:` is where the list was left unfinished; without the key, the line that sets up the container.
          const at = keyRange ? { path: config, range: keyRange } : { path: entry.file, range: entry.range };
          if (rules) context.report({ ...at, messageId: 'notListed', data: { ...data, rules: basename(rules) } });
          continue;
        }
        const folder = dirname(entry.target);
        const missing = patterns.find(({ pattern }) => {
          if (/[$%{}[]/.test(pattern)) return false;
          const wanted = pattern.startsWith('/') ? pattern : joinDir(folder, pattern);
          return !placed.some((p) => p !== entry && matches(wanted, p.target));
        });
        if (!missing) continue;
        // A rule file written in the tree but left out of the container is fixed where the container is set up; a name no file has, at the name.
        const name = basename(missing.pattern);
        if ([...context.view.files.keys()].some((file) => matches(name, basename(file))))
          context.report({ path: entry.file, range: entry.range, messageId: 'notInContainer', data: { ...data, pattern: missing.pattern } });
        else context.report({ path: config, range: missing.range, messageId: 'notWritten', data: { ...data, pattern: missing.pattern } });
      }
    }
  },
});
