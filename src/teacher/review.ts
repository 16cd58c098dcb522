import type { FileSummary, Finding, Lang, Range } from '../language/types';
import { ruleMeta, ruleQuestions, ruleScaffold } from './catalog';
import { profileAdvice } from './profile';
import type { ReviewTarget, TeacherFollowup, TeacherRequest, TeacherResponse, TeacherSection } from './types';
import { THEME_OF, THEME_TITLE, byImportance, fence, lineLabel, loc, renderSections, t, type Theme } from './text';

/**
 * The code review in the seed's format (코드 리뷰 스타일): a concrete acknowledgement, the
 * findings as questions grouped by theme, a TODO scaffold, and an invitation to come back.
 */

export const REVIEW_HEADINGS = {
  questions: loc('🤔 **하지만 프로덕션 관점에서 개선할 점들이 있어요:**', "🤔 **But from a production point of view, there's room to improve:**"),
  deeper: loc('🤔 **한 단계 더 깊이 생각해 볼까요?**', "🤔 **Shall we think one level deeper?**"),
  nextSteps: loc('💡 **다음 단계로 개선해보세요:**', '💡 **Try improving it as a next step:**'),
  invitation: loc('개선된 버전을 보여주시면 함께 리뷰해볼게요!', "Show me the improved version and we'll review it together!"),
};

/** At most this many themes and rules per theme reach the learner; the rest are summarised, not listed. */
const MAX_THEMES = 4;
const MAX_RULES_PER_THEME = 3;
const MAX_SCAFFOLD_RULES = 3;

interface RuleGroup {
  readonly ruleId: string;
  readonly findings: readonly Finding[];
}

function inSelection(finding: Finding, selection: Range | undefined): boolean {
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

export function acknowledgement(summary: FileSummary | undefined, path: string, lang: Lang): string {
  const ko = lang === 'ko';
  if (!summary) return ko ? `\`${path}\` 파일을 보여주셔서 고마워요!` : `Thanks for sharing \`${path}\`!`;
  const good = ko ? '기본적인 구조는 좋아요. 👍' : 'The basic structure is good. 👍';
  if (summary.language === 'python') {
    const framework = summary.framework ? (FRAMEWORK_NAMES[summary.framework] ?? summary.framework) : undefined;
    let head: string;
    if (summary.role === 'serving') head = framework ? (ko ? `${framework}로 모델 서빙을 구현하셨네요!` : `You've built model serving with ${framework}!`) : ko ? '모델 서빙 코드를 작성하셨네요!' : "You've written model-serving code!";
    else if (summary.role === 'training') head = ko ? '모델 훈련 스크립트를 작성하셨네요!' : "You've written a model training script!";
    else head = ko ? `\`${path}\` 코드를 작성하셨네요!` : `You've written \`${path}\`!`;
    const details: string[] = [];
    const routes = (summary.handlers ?? []).filter((h) => h.route).map((h) => `\`${h.route}\``);
    if (routes.length) details.push(ko ? `${routes.join(', ')} 엔드포인트` : `the ${routes.join(', ')} endpoint${routes.length > 1 ? 's' : ''}`);
    if (summary.loadsModel) details.push(ko ? '모델 로딩' : 'model loading');
    const detail = details.length ? (ko ? ` ${details.join('와 ')}까지 한눈에 보이네요.` : ` ${capitalise(details.join(' and '))} are easy to follow.`) : '';
    return `${head} ${good}${detail}`;
  }
  const kinds = summary.yamlKinds ?? [];
  let head: string;
  if (kinds.includes('kubernetes')) head = ko ? 'Kubernetes 매니페스트로 배포를 정의하셨네요!' : "You've defined the deployment with Kubernetes manifests!";
  else if (kinds.includes('compose')) head = ko ? 'docker-compose로 서비스를 구성하셨네요!' : "You've composed the services with docker-compose!";
  else if (kinds.includes('github-actions')) head = ko ? 'GitHub Actions로 파이프라인을 자동화하셨네요!' : "You've automated the pipeline with GitHub Actions!";
  else if (kinds.includes('prometheus-rules')) head = ko ? 'Prometheus 알람 규칙을 작성하셨네요!' : "You've written Prometheus alerting rules!";
  else head = ko ? 'YAML 설정을 작성하셨네요!' : "You've written a YAML configuration!";
  return `${head} ${good}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Where a theme's questions come from: the rule's own questions, with the finding and its lines first. */
function themeBlock(index: number, theme: Theme, groups: readonly RuleGroup[], lang: Lang): string {
  const lines = [`${index}. **${t(lang, THEME_TITLE[theme])}**:`];
  groups.forEach((group, i) => {
    const first = group.findings[0];
    const where = group.findings.map((f) => lineLabel(lang, f.range.start.line)).slice(0, 3).join(', ');
    const questions = ruleQuestions(group.ruleId, first.category);
    lines.push(`   - ${where}: ${first.message} (\`${group.ruleId}\`) — ${t(lang, questions[0])}`);
    // A short theme's most important rule gets a second question; more would become a list nobody reads.
    if (i === 0 && groups.length < MAX_RULES_PER_THEME && questions[1]) lines.push(`   - ${t(lang, questions[1])}`);
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

export function reviewResponse(request: TeacherRequest, target: ReviewTarget): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const summary = target.result.summary;
  const findings = target.result.findings.filter((f) => inSelection(f, target.selection));
  const groups = rankedGroups(findings);
  const sections: TeacherSection[] = [{ kind: 'acknowledge', markdown: acknowledgement(summary, target.path, lang) }];

  for (const notice of target.result.notices) {
    if (notice.kind === 'syntax' || notice.kind === 'encoding' || notice.kind === 'skipped') {
      sections.push({ kind: 'note', markdown: `> ℹ️ ${ko ? '참고' : 'Note'}: ${notice.message}` });
    }
  }

  if (groups.length === 0) {
    sections.push({ kind: 'text', markdown: ko ? '🎉 규칙 검사에서는 눈에 띄는 문제를 찾지 못했어요. 잘하셨어요!' : "🎉 The rule checks found nothing to flag. Well done!" });
    sections.push({ kind: 'questions', title: t(lang, REVIEW_HEADINGS.deeper), markdown: deeperQuestions(summary, lang) });
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
    const blocks = shown.map(([theme, list], i) => themeBlock(i + 1, theme, list, lang));
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

    const language = summary?.language ?? (/\.ya?ml$/i.test(target.path) ? 'yaml' : 'python');
    const header = language === 'yaml'
      ? (ko ? '# TODO: 프로덕션 레디 배포로 개선' : '# TODO: make the deployment production ready')
      : (ko ? '# TODO: 프로덕션 레디 서비스로 개선' : '# TODO: make the service production ready');
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
