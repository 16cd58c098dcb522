import type { Finding, Lang, Localized } from '../language/types';
import type { FileFacts } from './facts';

/**
 * What the learner's file already does well, read from its text, so the acknowledgement names
 * it ("`PredictRequest` 스키마로 입력을 검증하고 있어요") instead of a template. A strength is only
 * named when the file shows it and no finding of the same topic contradicts it.
 */

interface Strength {
  readonly id: string;
  readonly language: 'python' | 'yaml';
  /** The evidence in the file (a name to show), or undefined when the file does not show it. */
  find(facts: FileFacts): string | undefined;
  /** Rules whose findings say the strength is not (fully) there. */
  readonly unless: readonly string[];
  readonly text: (evidence: string) => Localized;
}

const first = (re: RegExp, text: string): string | undefined => re.exec(text)?.[1];

const STRENGTHS: readonly Strength[] = [
  {
    id: 'pydantic',
    language: 'python',
    find: (f) => first(/class\s+(\w+)\s*\(\s*(?:pydantic\.)?BaseModel\s*\)/, f.text),
    unless: ['unvalidated-request-payload'],
    text: (e) => ({ ko: `\`${e}\` 스키마로 요청 입력을 검증하고 있어요`, en: `the \`${e}\` schema validates request input` }),
  },
  {
    id: 'health-route',
    language: 'python',
    find: (f) => first(/["'](\/(?:health|healthz|ready|readyz|readiness|live|livez|liveness|ping)\b[^"']*)["']/, f.text),
    unless: ['missing-health-endpoint'],
    text: (e) => ({ ko: `\`${e}\` 헬스 체크 엔드포인트가 있어요`, en: `there is a \`${e}\` health-check endpoint` }),
  },
  {
    id: 'metrics',
    language: 'python',
    find: (f) =>
      /\bprometheus_client\b/.test(f.text)
        ? 'prometheus_client'
        : /\bInstrumentator\b/.test(f.text)
          ? 'Instrumentator'
          : /\bopentelemetry\b/.test(f.text)
            ? 'OpenTelemetry'
            : undefined,
    unless: ['missing-metrics'],
    text: (e) => ({ ko: `\`${e}\`로 메트릭을 내보내고 있어요`, en: `it exports metrics with \`${e}\`` }),
  },
  {
    id: 'logging',
    language: 'python',
    find: (f) => (/logging\.getLogger\(|\bstructlog\b|\bloguru\b/.test(f.text) ? 'logging' : undefined),
    unless: ['print-instead-of-logging'],
    text: () => ({ ko: '`logging`으로 로그를 남기고 있어요', en: 'it logs with `logging` instead of print' }),
  },
  {
    id: 'timeouts',
    language: 'python',
    find: (f) => (/\b(requests|httpx)\.\w+\([^)]*timeout\s*=/.test(f.text) ? 'timeout=' : undefined),
    unless: ['http-call-without-timeout'],
    text: () => ({ ko: '외부 호출에 `timeout`을 두었어요', en: 'external calls have a `timeout`' }),
  },
  {
    id: 'seed',
    language: 'python',
    find: (f) => first(/\b((?:np\.)?random\.seed|torch\.manual_seed|set_seed|tf\.random\.set_seed|seed_everything)\s*\(/, f.text),
    unless: ['missing-random-seed'],
    text: (e) => ({ ko: `\`${e}\`로 시드를 고정했어요`, en: `the seed is fixed with \`${e}\`` }),
  },
  {
    id: 'tracking',
    language: 'python',
    find: (f) => (/\bmlflow\.\w+/.test(f.text) ? 'MLflow' : /\bwandb\.\w+/.test(f.text) ? 'W&B' : undefined),
    unless: ['missing-experiment-tracking'],
    text: (e) => ({ ko: `${e}로 실험을 기록하고 있어요`, en: `runs are tracked with ${e}` }),
  },
  {
    id: 'env-config',
    language: 'python',
    find: (f) => (/os\.environ(?:\.get)?[[(]|os\.getenv\(|BaseSettings\b/.test(f.text) ? 'os.environ' : undefined),
    unless: ['hardcoded-secret', 'debug-mode-enabled'],
    text: () => ({ ko: '설정을 환경 변수에서 읽고 있어요', en: 'configuration comes from environment variables' }),
  },
  {
    id: 'probes',
    language: 'yaml',
    find: (f) =>
      /^\s*readinessProbe:/m.test(f.text) && /^\s*livenessProbe:/m.test(f.text)
        ? 'readinessProbe, livenessProbe'
        : /^\s*readinessProbe:/m.test(f.text)
          ? 'readinessProbe'
          : undefined,
    unless: ['identical-liveness-readiness-probes'],
    text: (e) => ({ ko: `\`${e}\`를 정의했어요`, en: `it defines \`${e}\`` }),
  },
  {
    id: 'replicas',
    language: 'yaml',
    find: (f) => {
      const n = first(/^\s*replicas:\s*(\d+)/m, f.text);
      return n && Number(n) >= 2 ? `replicas: ${n}` : undefined;
    },
    unless: ['single-replica-deployment'],
    text: (e) => ({ ko: `\`${e}\`로 여러 레플리카를 두었어요`, en: `it runs several replicas (\`${e}\`)` }),
  },
  {
    id: 'resources',
    language: 'yaml',
    find: (f) => (/^[^\S\r\n\u2028\u2029]*resources:[^\S\n]*\n\s+(requests|limits):/m.test(f.text) ? 'resources' : undefined),
    unless: ['missing-resource-requirements'],
    text: () => ({ ko: '컨테이너 `resources`를 정했어요', en: 'containers declare their `resources`' }),
  },
  {
    id: 'non-root',
    language: 'yaml',
    find: (f) => (/runAsNonRoot:\s*true/.test(f.text) ? 'runAsNonRoot: true' : undefined),
    unless: ['missing-security-context'],
    text: (e) => ({ ko: `\`${e}\`로 root가 아닌 사용자로 실행해요`, en: `it runs as non-root (\`${e}\`)` }),
  },
  {
    id: 'pinned-image',
    language: 'yaml',
    find: (f) => first(/^[^\S\r\n\u2028\u2029]*(?:-\s*)?image:\s*["']?([\w./-]+(?::[\w.-]*\d[\w.-]*|@sha256:[0-9a-f]{12,}))["']?\s*$/m, f.text),
    unless: ['mutable-image-tag'],
    text: (e) => ({ ko: `이미지를 \`${e}\`로 고정했어요`, en: `the image is pinned to \`${e}\`` }),
  },
  {
    id: 'compose-healthcheck',
    language: 'yaml',
    find: (f) => (f.kinds.includes('compose') && /^\s*healthcheck:/m.test(f.text) ? 'healthcheck' : undefined),
    unless: [],
    text: () => ({ ko: '`healthcheck`를 둔 서비스가 있어요', en: 'some services have a `healthcheck`' }),
  },
  {
    id: 'restart',
    language: 'yaml',
    find: (f) => (f.kinds.includes('compose') ? first(/^\s*restart:\s*["']?([\w-]+)/m, f.text) : undefined),
    unless: [],
    text: (e) => ({ ko: `\`restart: ${e}\` 재시작 정책이 있어요`, en: `there is a \`restart: ${e}\` policy` }),
  },
  {
    id: 'permissions',
    language: 'yaml',
    find: (f) => (f.kinds.includes('github-actions') && /^permissions:/m.test(f.text) ? 'permissions' : undefined),
    unless: ['unrestricted-token-permissions'],
    text: () => ({ ko: '`permissions`로 토큰 권한을 제한했어요', en: '`permissions` limit the token' }),
  },
  {
    id: 'job-timeout',
    language: 'yaml',
    find: (f) => (f.kinds.includes('github-actions') && /timeout-minutes:/.test(f.text) ? 'timeout-minutes' : undefined),
    unless: [],
    text: () => ({ ko: '`timeout-minutes`로 job 시간을 제한했어요', en: 'jobs are bounded by `timeout-minutes`' }),
  },
  {
    id: 'pinned-action',
    language: 'yaml',
    find: (f) => first(/uses:\s*([\w.-]+\/[\w./-]+@[0-9a-f]{40})/, f.text),
    unless: [],
    text: () => ({ ko: '액션을 커밋 SHA로 고정했어요', en: 'actions are pinned to commit SHAs' }),
  },
  {
    id: 'alert-for',
    language: 'yaml',
    find: (f) => (f.kinds.includes('prometheus-rules') && /^\s*for:\s*\S+/m.test(f.text) ? 'for' : undefined),
    unless: [],
    text: () => ({ ko: '알림에 `for` 지속 시간을 두었어요', en: 'alerts wait with a `for` duration' }),
  },
];

/** Up to `max` strengths of the file, in the answer's language. */
export function strengthsOf(facts: FileFacts, findings: readonly Finding[], lang: Lang, max = 3): string[] {
  const firing = new Set(findings.map((f) => f.ruleId));
  const out: string[] = [];
  for (const strength of STRENGTHS) {
    if (strength.language !== facts.language || strength.unless.some((r) => firing.has(r))) continue;
    const evidence = strength.find(facts);
    if (evidence) out.push(strength.text(evidence)[lang]);
    if (out.length >= max) break;
  }
  return out;
}
