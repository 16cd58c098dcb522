import { fileStatus, noticeStatus } from '../language/notices';
import type { EngineNotice, FileSummary, Finding, Lang, Range } from '../language/types';
import { findingQuestions, ruleMeta, ruleScaffold } from './catalog';
import { fileFacts, type FileFacts } from './facts';
import { strengthsOf } from './strengths';
import { withParticle } from '../shared/korean';
import { profileAdvice } from './profile';
import type { ReviewTarget, TeacherFollowup, TeacherRequest, TeacherResponse, TeacherSection } from './types';
import { THEME_OF, THEME_TITLE, byImportance, fence, lineLabel, loc, renderSections, t, type Theme } from './text';

/**
 * The code review in the seed's format (코드 리뷰 스타일): a concrete acknowledgement, the
 * findings as questions grouped by theme, a TODO scaffold, and an invitation to come back.
 */

export const REVIEW_HEADINGS = {
  questions: loc('🤔 **하지만 프로덕션 관점에서 개선할 점들이 있어요:**', "🤔 **But from a production point of view, there's room to improve:**"),
  deeper: loc('🤔 **한 단계 더 깊이 생각해 볼까요?**', '🤔 **Shall we think one level deeper?**'),
  nextSteps: loc('💡 **다음 단계로 개선해보세요:**', '💡 **Try improving it as a next step:**'),
  invitation: loc('개선된 버전을 보여주시면 함께 리뷰해볼게요!', "Show me the improved version and we'll review it together!"),
  nextLevel: loc('💡 **다음 단계로 한 걸음 더:**', '💡 **One level further:**'),
};

/** At most this many themes and rules per theme reach the learner; the rest are summarised, not listed. */
const MAX_THEMES = 4;
const MAX_RULES_PER_THEME = 3;
const MAX_SCAFFOLD_RULES = 3;

interface RuleGroup {
  readonly ruleId: string;
  readonly findings: readonly Finding[];
}

export function inSelection(finding: Finding, selection: Range | undefined): boolean {
  if (!selection) return true;
  return finding.range.end.line >= selection.start.line && finding.range.start.line <= selection.end.line;
}

/** Findings grouped by rule, most important rule first; the order is total, so output is deterministic. */
export function rankedGroups(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of [...findings].sort(byImportance)) {
    const list = groups.get(f.ruleId) ?? [];
    list.push(f);
    groups.set(f.ruleId, list);
  }
  return [...groups].map(([ruleId, list]) => ({ ruleId, findings: list }));
}

const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { flask: 'Flask', fastapi: 'FastAPI', django: 'Django', starlette: 'Starlette', bentoml: 'BentoML' };

function headline(summary: FileSummary, path: string, facts: FileFacts | undefined, lang: Lang): string {
  const ko = lang === 'ko';
  if (summary.language === 'python') {
    const framework = summary.framework ? (FRAMEWORK_NAMES[summary.framework] ?? summary.framework) : undefined;
    if (summary.role === 'serving')
      return framework
        ? ko
          ? `${withParticle(framework, '로')} 모델 서빙을 구현하셨네요!`
          : `You've built model serving with ${framework}!`
        : ko
          ? '모델 서빙 코드를 작성하셨네요!'
          : "You've written model-serving code!";
    if (summary.role === 'training') return ko ? '모델 훈련 스크립트를 작성하셨네요!' : "You've written a model training script!";
    return ko ? `\`${path}\` 코드를 작성하셨네요!` : `You've written \`${path}\`!`;
  }
  const kinds = summary.yamlKinds ?? [];
  if (kinds.includes('kubernetes')) return ko ? 'Kubernetes 매니페스트로 배포를 정의하셨네요!' : "You've defined the deployment with Kubernetes manifests!";
  if (kinds.includes('compose')) {
    const names = [...(facts?.services.keys() ?? [])].slice(0, 4).map((n) => `\`${n}\``);
    if (names.length)
      return ko
        ? `docker-compose로 ${names.join(', ')} 서비스를 구성하셨네요!`
        : `You've composed the ${names.join(', ')} service${names.length > 1 ? 's' : ''} with docker-compose!`;
    return ko ? 'docker-compose로 서비스를 구성하셨네요!' : "You've composed the services with docker-compose!";
  }
  if (kinds.includes('github-actions')) return ko ? 'GitHub Actions로 파이프라인을 자동화하셨네요!' : "You've automated the pipeline with GitHub Actions!";
  if (kinds.includes('prometheus-rules')) return ko ? 'Prometheus 알람 규칙을 작성하셨네요!' : "You've written Prometheus alerting rules!";
  return ko ? 'YAML 설정을 작성하셨네요!' : "You've written a YAML configuration!";
}

/**
 * The seed's acknowledgement, concrete: what the file is, and what it already does well (from
 * the file itself: a schema, a health route, probes, replicas ...).
 */
export function acknowledgement(summary: FileSummary | undefined, path: string, lang: Lang, facts?: FileFacts, findings: readonly Finding[] = []): string {
  const ko = lang === 'ko';
  if (!summary) return ko ? `\`${path}\` 파일을 보여주셔서 고마워요!` : `Thanks for sharing \`${path}\`!`;
  const good = ko ? '기본적인 구조는 좋아요. 👍' : 'The basic structure is good. 👍';
  const head = headline(summary, path, facts, lang);
  const strengths = facts ? strengthsOf(facts, findings, lang) : [];
  if (strengths.length) {
    const list = strengths.map((s) => `- ✅ ${ko ? s : capitalise(s)}`).join('\n');
    return `${head} ${good}\n\n${ko ? '특히 이런 점이 좋아요:' : 'What already works well:'}\n${list}`;
  }
  const details: string[] = [];
  if (summary.language === 'python') {
    const routes = (summary.handlers ?? []).filter((h) => h.route).map((h) => `\`${h.route}\``);
    if (routes.length) details.push(ko ? `${routes.join(', ')} 엔드포인트` : `the ${routes.join(', ')} endpoint${routes.length > 1 ? 's' : ''}`);
    if (summary.loadsModel) details.push(ko ? '모델 로딩' : 'model loading');
  }
  const detail = details.length ? (ko ? ` ${details.join('와 ')}까지 한눈에 보이네요.` : ` ${capitalise(details.join(' and '))} are easy to follow.`) : '';
  return `${head} ${good}${detail}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Where a theme's questions come from: the rule's own questions, with the finding and its lines first. */
function themeBlock(index: number, theme: Theme, groups: readonly RuleGroup[], lang: Lang, facts: FileFacts | undefined): string {
  const lines = [`${index}. **${t(lang, THEME_TITLE[theme])}**:`];
  groups.forEach((group, i) => {
    const first = group.findings[0];
    const where = group.findings
      .map((f) => lineLabel(lang, f.range.start.line))
      .slice(0, 3)
      .join(', ');
    const questions = findingQuestions(group.ruleId, first.category, first, facts, lang);
    lines.push(`   - ${where}: ${first.message} (\`${group.ruleId}\`) — ${questions[0]}`);
    // A short theme's most important rule gets a second question; more would become a list nobody reads.
    if (i === 0 && groups.length < MAX_RULES_PER_THEME && questions[1]) lines.push(`   - ${questions[1]}`);
  });
  return lines.join('\n');
}

function deeperQuestions(summary: FileSummary | undefined, lang: Lang): string {
  const role = summary?.language === 'python' ? summary.role : (summary?.yamlKinds?.[0] ?? 'other');
  const bank: Record<string, ReturnType<typeof loc>[]> = {
    serving: [
      loc('트래픽이 지금의 10배가 되면 어디가 먼저 병목이 될까요?', 'If traffic grows tenfold, where is the first bottleneck?'),
      loc('새 모델 버전을 배포하다 문제가 생기면 어떻게 되돌리나요?', 'If a new model version misbehaves after a deploy, how do you roll back?'),
      loc('모델의 예측 품질이 서서히 떨어지는 것(드리프트)은 어떻게 알아차리나요?', 'How would you notice prediction quality slowly degrading (drift)?'),
    ],
    training: [
      loc('같은 데이터로 다시 돌리면 같은 모델이 나오나요?', 'Does re-running on the same data give the same model?'),
      loc('팀원이 이 실험을 재현하려면 무엇이 필요할까요?', 'What would a teammate need to reproduce this experiment?'),
      loc('언제 모델을 재훈련해야 한다고 판단하시겠어요?', 'When would you decide the model needs retraining?'),
    ],
    kubernetes: [
      loc('롤링 업데이트 중 새 버전이 계속 실패하면 어떤 일이 일어나나요?', 'What happens if the new version keeps failing during a rolling update?'),
      loc('노드 하나가 갑자기 사라지면 서비스는 어떻게 되나요?', 'What happens to the service when a node suddenly disappears?'),
      loc('트래픽이 급증하면 무엇을 기준으로 확장하시겠어요?', 'When traffic spikes, what signal would you scale on?'),
    ],
  };
  const questions = bank[role] ?? [
    loc('이 시스템이 실제 프로덕션에서 어떻게 동작할까요?', 'How will this system behave in real production?'),
    loc('확장성과 안정성은 어떻게 보장하나요?', 'How do you guarantee scalability and reliability?'),
    loc('장애가 발생하면 어떻게 대응하나요?', 'When something fails, how do you respond?'),
  ];
  return questions.map((q) => `- ${t(lang, q)}`).join('\n');
}

/** A TODO skeleton for the next level of a file that already passes every rule. */
function nextLevelScaffold(summary: FileSummary | undefined, lang: Lang): string {
  const ko = lang === 'ko';
  const role = summary?.language === 'python' ? summary.role : (summary?.yamlKinds?.[0] ?? 'other');
  const lines: Record<string, [string, string[]]> = {
    serving: ko
      ? [
          '# TODO: 다음 단계 — 실제 부하에서 확인하기',
          ['목표 QPS와 p99 지연 시간은 얼마인가요?', '어떤 도구와 시나리오로 부하 테스트를 하시겠어요?', '모델 품질(예측 분포)은 어떤 메트릭으로 보시겠어요?'],
        ]
      : [
          '# TODO: next step: check it under real load',
          ['what are the target QPS and p99 latency?', 'which tool and scenario will you load-test with?', 'which metric shows model quality (prediction distribution)?'],
        ],
    training: ko
      ? [
          '# TODO: 다음 단계 — 재현 가능한 파이프라인으로',
          ['데이터 버전은 어디에 기록하나요?', '새 모델이 기존 모델보다 나은지 무엇으로 판단하나요?', '학습을 자동으로 다시 돌릴 조건은 무엇인가요?'],
        ]
      : [
          '# TODO: next step: a reproducible pipeline',
          ['where is the data version recorded?', 'what decides that a new model beats the current one?', 'what should trigger retraining automatically?'],
        ],
    kubernetes: ko
      ? [
          '# TODO: 다음 단계 — 장애와 배포에 대비하기',
          ['PodDisruptionBudget이 필요할까요?', '새 버전은 어떤 전략(롤링, 카나리)으로 내보내나요?', '무엇을 기준으로 오토스케일링하나요?'],
        ]
      : [
          '# TODO: next step: prepare for disruptions and releases',
          ['do you need a PodDisruptionBudget?', 'which strategy (rolling, canary) ships a new version?', 'what signal will autoscaling use?'],
        ],
  };
  const [head, items] =
    lines[role] ??
    (ko
      ? ['# TODO: 다음 단계', ['이 설정이 실패하면 누가, 어떻게 알게 되나요?', '되돌리려면 무엇을 바꾸면 되나요?']]
      : ['# TODO: next step', ['if this fails, who finds out, and how?', 'what would you change to roll it back?']]);
  return [
    head,
    ko ? '# 고려사항:' : '# Consider:',
    ...items.map((i) => `# - ${i}`),
    ko ? '# TODO: 답을 정한 뒤 직접 구현해 보세요' : '# TODO: decide the answers, then implement it yourself',
  ].join('\n');
}

export function reviewResponse(request: TeacherRequest, target: ReviewTarget): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const status = fileStatus(target.result);
  // Never a review, let alone praise, for a file the checks did not read.
  if ((status === 'skipped' || status === 'error') && target.result.findings.length === 0) return notReviewed(target, lang);
  const summary = target.result.summary;
  const findings = target.result.findings.filter((f) => inSelection(f, target.selection));
  const groups = rankedGroups(findings);
  const facts = fileFacts(target.path, target.text, target.result);
  const sections: TeacherSection[] = [{ kind: 'acknowledge', markdown: acknowledgement(summary, target.path, lang, facts, target.result.findings) }];
  const fixed = request.memory?.fixedSinceLastReview ?? [];
  if (fixed.length) {
    // Exercism's "celebratory" comment: what changed since the last review comes first.
    const list = fixed
      .slice(0, 5)
      .map((f) => `- ✅ \`${f.ruleId}\`: ${f.message}`)
      .join('\n');
    sections.push({
      kind: 'acknowledge',
      title: ko ? '🎉 **지난 리뷰 이후 고치신 것:**' : '🎉 **Fixed since the last review:**',
      markdown: `${list}\n\n${ko ? '무엇을 바꿨는지, 왜 그렇게 바꿨는지 한 줄로 설명해 볼 수 있나요?' : 'Can you explain in one line what you changed, and why that way?'}`,
    });
  }

  for (const notice of target.result.notices) {
    if (noticeStatus(notice)) sections.push({ kind: 'note', markdown: `> ℹ️ ${ko ? '참고' : 'Note'}: ${notice.message}` });
  }

  if (groups.length === 0) {
    // A file read only in part earns no praise: the part the parser lost may hold the findings.
    const nothing =
      status === 'partial'
        ? ko
          ? '읽을 수 있었던 부분에서는 규칙 검사가 문제를 찾지 못했어요. 위 참고의 문제를 먼저 고치면 파일 전체를 검사할 수 있어요.'
          : 'In the part the checks could read, they found nothing to flag. Fix what the note above says first, so the whole file can be checked.'
        : ko
          ? '🎉 규칙 검사에서는 눈에 띄는 문제를 찾지 못했어요. 잘하셨어요!'
          : '🎉 The rule checks found nothing to flag. Well done!';
    sections.push({ kind: 'text', markdown: nothing });
    sections.push({ kind: 'questions', title: t(lang, REVIEW_HEADINGS.deeper), markdown: deeperQuestions(summary, lang) });
    // Nothing flagged still gets all four parts: the next step is the next level, not silence.
    const language = summary?.language ?? (/\.ya?ml$/i.test(target.path) ? 'yaml' : 'python');
    sections.push({ kind: 'next-steps', title: t(lang, REVIEW_HEADINGS.nextLevel), markdown: fence(nextLevelScaffold(summary, lang), language) });
  } else {
    const themes = new Map<Theme, RuleGroup[]>();
    for (const group of groups) {
      const theme = THEME_OF[group.findings[0].category];
      const list = themes.get(theme) ?? [];
      list.push(group);
      themes.set(theme, list);
    }
    const shown = [...themes].slice(0, MAX_THEMES).map(([theme, list]) => [theme, list.slice(0, MAX_RULES_PER_THEME)] as const);
    const shownRules = new Set(shown.flatMap(([, list]) => list.map((g) => g.ruleId)));
    const blocks = shown.map(([theme, list], i) => themeBlock(i + 1, theme, list, lang, facts));
    const rest = groups.filter((g) => !shownRules.has(g.ruleId));
    if (rest.length) {
      const count = rest.reduce((n, g) => n + g.findings.length, 0);
      const ids = rest.map((g) => `\`${g.ruleId}\``).join(', ');
      blocks.push(
        ko
          ? `그 밖에도 ${count}가지를 더 발견했어요 (${ids}). 위 질문들을 먼저 생각해 본 뒤 \`/hint\`로 하나씩 살펴봐요.`
          : `I found ${count} more (${ids}). Think about the questions above first, then go through them one by one with \`/hint\`.`,
      );
    }
    sections.push({ kind: 'questions', title: t(lang, REVIEW_HEADINGS.questions), markdown: blocks.join('\n\n') });
    const recurring = groups
      .filter((g) => request.memory?.recurring?.[g.ruleId])
      .map((g) => {
        const seen = request.memory!.recurring![g.ruleId];
        const weeks = seen.weeks.length ? seen.weeks.map((w) => `\`${w}\``).join(', ') : ko ? '이전 파일' : 'an earlier file';
        return ko
          ? `- 🔁 \`${g.ruleId}\`: 전에 (${weeks}) 고치셨던 실수가 다시 나타났어요. 이번에는 무엇이 달랐나요?`
          : `- 🔁 \`${g.ruleId}\`: you fixed this before (${weeks}) and it is back. What was different this time?`;
      });
    if (recurring.length) sections.push({ kind: 'note', title: ko ? '🔁 **다시 나타난 실수**' : '🔁 **A mistake that came back**', markdown: recurring.join('\n') });

    const language = summary?.language ?? (/\.ya?ml$/i.test(target.path) ? 'yaml' : 'python');
    const header =
      language === 'yaml'
        ? ko
          ? '# TODO: 프로덕션 레디 배포로 개선'
          : '# TODO: make the deployment production ready'
        : ko
          ? '# TODO: 프로덕션 레디 서비스로 개선'
          : '# TODO: make the service production ready';
    const scaffolds = groups.slice(0, MAX_SCAFFOLD_RULES).map((g) => ruleScaffold(g.ruleId, g.findings[0].category, lang).trimEnd());
    const advice = profileAdvice(request.profile, lang);
    sections.push({
      kind: 'next-steps',
      title: t(lang, REVIEW_HEADINGS.nextSteps),
      markdown: [fence([header, '', ...scaffolds.join('\n\n').split('\n')].join('\n'), language), advice].filter(Boolean).join('\n\n'),
    });
  }
  sections.push({ kind: 'invitation', markdown: t(lang, REVIEW_HEADINGS.invitation) });

  const followups: TeacherFollowup[] = [];
  const top = groups[0];
  if (top) {
    followups.push({ label: ko ? `힌트: ${top.ruleId}` : `Hint: ${top.ruleId}`, prompt: top.ruleId, command: 'hint' });
    if (ruleMeta(top.ruleId)) followups.push({ label: ko ? `왜 중요한가요? (${top.ruleId})` : `Why does it matter? (${top.ruleId})`, prompt: top.ruleId, command: 'explain' });
  }
  followups.push({ label: ko ? '고친 뒤 다시 리뷰받기' : 'Review again after fixing', prompt: '', command: 'review' });
  return { intent: 'review', markdown: renderSections(sections), sections, followups, backend: 'offline' };
}

/** The answer for a file the checks skipped or could not read: the reason, and where to go instead. */
function notReviewed(target: ReviewTarget, lang: Lang): TeacherResponse {
  const notice: EngineNotice | undefined = target.result.notices.find((n) => noticeStatus(n) === 'skipped' || noticeStatus(n) === 'error');
  const reason = notice?.message ?? '';
  const markdown =
    lang === 'ko'
      ? `\`${target.path}\` 파일은 검토하지 못했어요: ${reason}.\n\n검사하지 않은 파일이라 드릴 질문도, 칭찬도 아직 없어요. 검사할 수 있는 Python이나 YAML 파일로 다시 불러 주세요.`
      : `I could not review \`${target.path}\`: ${reason}.\n\nNothing in it was checked, so I have no questions (and no praise) for it yet. Point me at a Python or YAML file the checks can read.`;
  const sections: TeacherSection[] = [{ kind: 'note', markdown }];
  return { intent: 'review', markdown: renderSections(sections), sections, followups: [], backend: 'offline' };
}
