import type { FileFacts } from '../../project/facts';
import { dirname, joinDir } from '../../project/modules';
import { l, projectRule } from '../../rule';

/** A chart's values files: `values.yaml`, `values-prod.yaml`, `values.dev.yml`. */
const VALUES_FILE = /^values([._-][\w.-]*)?\.ya?ml$/i;
/** A pipeline that hands the chart a values file of its own (`helm upgrade -f env/prod.yaml`): the keys may be written there. */
const OTHER_VALUES = /\bhelm\b[^\n]*\s(?:-f|--values)[\s=]/;
/** `--set image.tag=...,replicaCount=2` (and --set-string, --set-file, --set-json). */
const SET_FLAG = /--set(?:-string|-file|-json)?[\s=]+['"]?([^\s'"]+)/g;

/** The chart a template belongs to: the folder above its `templates/` folder. */
function chartRoot(path: string): string | undefined {
  if (path.startsWith('templates/')) return '';
  const index = path.lastIndexOf('/templates/');
  return index < 0 ? undefined : path.slice(0, index);
}

/** Keys that pipelines set on the command line, and whether some pipeline passes its own values file. */
function commandLineValues(files: ReadonlyMap<string, FileFacts>): { keys: Set<string>; otherFile: boolean } {
  const keys = new Set<string>();
  let otherFile = false;
  for (const facts of files.values()) {
    if (facts.kind !== 'yaml') continue;
    for (const run of facts.workflowRuns) {
      if (OTHER_VALUES.test(run.value)) otherFile = true;
      for (const flag of run.value.matchAll(SET_FLAG))
        for (const pair of flag[1].split(',')) {
          const key = pair.split('=')[0].replace(/\[\d*\]/g, '');
          if (key) keys.add(key);
        }
    }
  }
  return { keys, otherFile };
}

export default projectRule({
  scope: 'project',
  id: 'helm-value-undefined',
  language: 'yaml',
  documentKinds: ['kubernetes', 'other'],
  category: 'reliability',
  severity: 'error',
  anchors: ['helm-lint:strict', 'gap:helm-undefined-value'],
  messages: {
    undefined: l(
      '템플릿이 .Values.{path}를 읽지만 차트의 values 파일 어디에도 이 키가 없습니다; helm은 빈 값으로 렌더링합니다',
      'The template reads .Values.{path}, but no values file of the chart defines it; helm renders it empty',
    ),
    nilParent: l(
      '템플릿이 조건 안에서 .Values.{path}를 읽지만 values 파일에 {root} 키 자체가 없습니다: helm이 "nil pointer evaluating interface {}.{field}"로 렌더링을 멈춥니다 (조건은 거짓이 되지 않고 릴리스 전체가 실패합니다)',
      'The template tests .Values.{path}, but no values file defines {root} at all: helm stops the render with "nil pointer evaluating interface {}.{field}" (the condition is not just false, the whole release fails)',
    ),
  },
  docs: {
    summary: l(
      'Helm 차트 템플릿(templates/ 아래)이 읽는 .Values 경로가 같은 차트의 values 파일(values.yaml, values-*.yaml)에도, 파이프라인의 --set에도 없는 경우를 찾습니다. if/with/range로 조건을 걸거나 default/required로 대비한 최상위 키 아래의 값, global, 빈 맵({})이나 null로 열어 둔 키 아래, 파이프라인이 -f/--values로 다른 values 파일을 넘기는 프로젝트는 묻지 않습니다. 다만 values 파일에 아예 없는 최상위 키 아래를 조건이나 default로 읽으면({{ if .Values.prometheusRules.enabled }}인데 prometheusRules가 없음) helm이 없는 맵의 필드를 평가하지 못해 렌더링이 실패하므로 찾습니다.',
      "Flags a .Values path that a chart's template (under templates/) reads and that neither a values file of the same chart (values.yaml, values-*.yaml) nor a pipeline's --set defines. Values under a top-level key some action conditions, scopes or defaults (if/with/range, default/required), global, keys left open by an empty map ({}) or null, and projects whose pipelines pass another values file (-f/--values) are not asked. A condition or default that reads below a top-level key no values file defines at all ({{ if .Values.prometheusRules.enabled }} with no prometheusRules) is reported: helm cannot evaluate a field of a missing map and the render fails.",
    ),
    why: l(
      '정의되지 않은 값은 오류 없이 빈 문자열로 렌더링됩니다. containerPort나 Service 포트가 비면 매니페스트가 거부되고, 이미지나 비밀번호가 비면 잘못된 설정으로 배포된 뒤에야 드러납니다. 키 이름의 오타 하나가 배포 전체를 멈춥니다.',
      'An undefined value renders as an empty string with no error. An empty containerPort or Service port makes the manifest invalid; an empty image or password only shows once the release is running with the wrong settings. One typo in a key name stops the whole release.',
    ),
    bad:
      '# --- Chart.yaml ---\napiVersion: v2\nname: model-api\nversion: 0.1.0\n\n' +
      '# --- values.yaml ---\nimage:\n  repository: registry.example.com/model-api\n  tag: "1.4.2"\nservice:\n  port: 80\n\n' +
      '# --- templates/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          ports:\n            - containerPort: {{ .Values.service.targetPort }}\n',
    good:
      '# --- Chart.yaml ---\napiVersion: v2\nname: model-api\nversion: 0.1.0\n\n' +
      '# --- values.yaml ---\nimage:\n  repository: registry.example.com/model-api\n  tag: "1.4.2"\nservice:\n  port: 80\n  # TODO: 앱이 실제로 듣는 포트는 어디에 적혀 있나요?\n  targetPort: 8000\n\n' +
      '# --- templates/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          ports:\n            - containerPort: {{ .Values.service.targetPort }}\n',
  },
  weeks: ['intermediate/7', 'advanced/1'],
  questions: [
    l(
      '이 차트를 렌더링하면 {path} 자리에 무엇이 나올까요? 그 결과를 쿠버네티스는 받아들일까요?',
      'If you render this chart, what ends up where {path} is read, and would Kubernetes accept the result?',
    ),
    l(
      '값이 꼭 있어야 한다면, 빠졌을 때 배포한 뒤가 아니라 배포 전에 실패하게 하려면 차트가 어떻게 할 수 있을까요?',
      'If the value must be set, how could the chart make a missing one fail before the release instead of after it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 템플릿이 읽는 값을 values.yaml에 정의하기\n# 고려사항:\n# - 이 키의 이름이 values.yaml의 키와 정확히 같나요? (대소문자, 철자)\n# - 기본값이 있어야 하나요, 아니면 설치할 때 반드시 받아야 하나요? (default / required)\n# TODO: values.yaml에 키와 기본값을 추가하거나 템플릿의 키 이름을 고치세요\n',
    en: '# TODO: define the values the templates read\n# Consider:\n# - is this key spelled exactly as in values.yaml? (case, spelling)\n# - should it have a default, or must the installer always pass it? (default / required)\n# TODO: add the key with a default to values.yaml, or fix the key name in the template\n',
  },
  project(context) {
    const { files } = context.view;
    let commandLine: ReturnType<typeof commandLineValues> | undefined;
    const charts = new Map<string, { defined: Set<string>; open: string[] } | null>();
    for (const [path, facts] of files) {
      if (facts.kind !== 'yaml' || !facts.helmValueRefs) continue;
      const root = chartRoot(path);
      if (root === undefined) continue;
      let chart = charts.get(root);
      if (chart === undefined) {
        chart = null;
        // A chart is a folder with a Chart.yaml and at least one values file: without values, everything comes from the command line.
        if (files.has(joinDir(root, 'Chart.yaml'))) {
          const defined = new Set<string>();
          const open: string[] = [];
          let found = false;
          for (const [other, otherFacts] of files) {
            if (otherFacts.kind !== 'yaml' || !otherFacts.valuesKeys || dirname(other) !== root || !VALUES_FILE.test(other.slice(other.lastIndexOf('/') + 1))) continue;
            found = true;
            for (const key of otherFacts.valuesKeys.defined) defined.add(key);
            open.push(...otherFacts.valuesKeys.open);
          }
          if (found) {
            commandLine ??= commandLineValues(files);
            if (!commandLine.otherFile) {
              for (const key of commandLine.keys) defined.add(key);
              chart = { defined, open };
            }
          }
        }
        charts.set(root, chart);
      }
      if (!chart) continue;
      const { defined, open } = chart;
      const reported = new Set<string>();
      for (const reference of facts.helmValueRefs) {
        if (defined.has(reference.path) || reported.has(reference.path)) continue;
        const segments = reference.path.split('.');
        if (reference.guarded) {
          // Tested under a condition or default: only a parent no values file writes at all breaks the render.
          const root = segments[0];
          if (defined.has(root) || open.includes(root) || [...defined].some((key) => key.startsWith(`${root}.`))) continue;
          reported.add(reference.path);
          context.report({ path, range: reference.range, messageId: 'nilParent', data: { path: reference.path, root, field: segments[1] } });
          continue;
        }
        // Under a key left open (an empty map, null, a scalar, a list), or a key a --set writes deeper: not missing.
        if (segments.some((_, i) => open.includes(segments.slice(0, i + 1).join('.')))) continue;
        if ([...defined].some((key) => key.startsWith(`${reference.path}.`))) continue;
        reported.add(reference.path);
        context.report({ path, range: reference.range, messageId: 'undefined', data: { path: reference.path } });
      }
    }
  },
});
