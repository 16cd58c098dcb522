import type { Checkpoint, Curriculum, ProgressStore, Week, WeekStatus } from '../curriculum/types';
import type { Lang, WeekRef } from '../language/types';
import type { CurriculumContext, TeacherFollowup, TeacherRequest, TeacherResponse, TeacherSection } from './types';
import { gradeAnswer, type Grade } from './grading';
import { renderSections, t } from './text';

/** The course as the teacher reads it: the curriculum, every week's status and the current week (no curriculum when the data cannot load). */
export async function courseContext(curriculum: () => Promise<Curriculum | undefined>, progress: Pick<ProgressStore, 'status' | 'current'>): Promise<CurriculumContext> {
  const loaded = await curriculum().catch(() => undefined);
  const statuses: CurriculumContext['statuses'] = Object.fromEntries((loaded?.weeks ?? []).map((w) => [w.id, progress.status(w.id)]));
  const current = progress.current();
  return { curriculum: loaded, statuses, ...(current ? { current } : {}) };
}

/**
 * Week overview, progress and checkpoint assessment. The course data and the statuses come in
 * with the request; this module only reads them, so it stays pure and testable.
 */

const STATUS_LABEL: Readonly<Record<WeekStatus, { ko: string; en: string; icon: string }>> = {
  'not-started': { ko: '시작 전', en: 'not started', icon: '⬜' },
  'in-progress': { ko: '진행 중', en: 'in progress', icon: '🟨' },
  'checkpoint-passed': { ko: '체크포인트 통과', en: 'checkpoint passed', icon: '🟦' },
  done: { ko: '완료', en: 'done', icon: '✅' },
};

function respond(request: TeacherRequest, intent: TeacherResponse['intent'], sections: TeacherSection[], followups: TeacherFollowup[], week?: WeekRef): TeacherResponse {
  return { intent, markdown: renderSections(sections), sections, followups, backend: 'offline', ...(week ? { week } : {}) };
}

/** "beginner/3", "3주차", "week 3" or a bare number (in the current track) to a week of the course. */
export function findWeek(request: TeacherRequest): Week | undefined {
  const weeks = request.curriculum?.curriculum?.weeks ?? [];
  const wanted = request.week ?? parseWeekRef(request.message, request.curriculum?.current ?? request.profile.currentWeek);
  return weeks.find((w) => w.id === wanted) ?? weeks.find((w) => w.id === (request.curriculum?.current ?? request.profile.currentWeek));
}

export function parseWeekRef(message: string, current: WeekRef | undefined): WeekRef | undefined {
  const full = /\b(beginner|intermediate|advanced|capstone)\s*\/\s*(\d+)\b/i.exec(message);
  if (full) return `${full[1].toLowerCase() as 'beginner'}/${Number(full[2])}`;
  const bare = /(?:week\s*)?(\d+)\s*(?:주차)?/i.exec(message);
  if (bare) return `${(current?.split('/')[0] ?? 'beginner') as 'beginner'}/${Number(bare[1])}`;
  return undefined;
}

function statusOf(request: TeacherRequest, week: WeekRef): WeekStatus {
  return request.curriculum?.statuses?.[week] ?? 'not-started';
}

function noCourse(request: TeacherRequest, intent: TeacherResponse['intent']): TeacherResponse {
  const ko = request.lang === 'ko';
  return respond(
    request,
    intent,
    [
      {
        kind: 'note',
        markdown: ko ? '커리큘럼 데이터를 아직 불러오지 못했어요. 잠시 후 다시 시도해 주세요.' : "I couldn't load the course data yet. Please try again in a moment.",
      },
    ],
    [],
  );
}

export function weekResponse(request: TeacherRequest): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const week = findWeek(request);
  if (!week) return request.curriculum?.curriculum?.weeks.length ? progressResponse(request) : noCourse(request, 'week');
  const status = STATUS_LABEL[statusOf(request, week.id)];
  const lines: TeacherSection[] = [
    { kind: 'week', markdown: `📅 **${t(lang, week.title)}** (\`${week.id}\`) — ${status.icon} ${status[lang]}\n\n${t(lang, week.intro)}` },
    { kind: 'week', title: ko ? '**학습 목표**' : '**Objectives**', markdown: week.objectives.map((o) => `- ${t(lang, o)}`).join('\n') },
    { kind: 'week', title: ko ? '**실습 과제**' : '**Exercise**', markdown: t(lang, week.exercise) },
  ];
  if (week.focusRules.length)
    lines.push({ kind: 'week', title: ko ? '**이번 주에 살펴볼 규칙**' : '**Rules this week**', markdown: week.focusRules.map((r) => `\`${r}\``).join(', ') });
  if (week.checkpoints[0]) lines.push({ kind: 'week', title: ko ? '**체크포인트**' : '**Checkpoint**', markdown: `"${t(lang, week.checkpoints[0].question)}"` });
  lines.push({
    kind: 'invitation',
    markdown: ko
      ? '과제를 직접 작성해 보시고, 막히면 `/hint`, 다 되면 `/review`로 보여주세요!'
      : 'Write the exercise yourself; if you get stuck use `/hint`, and when it is done show me with `/review`!',
  });
  return respond(
    request,
    'week',
    lines,
    [
      { label: ko ? '체크포인트 풀기' : 'Take the checkpoint', prompt: '', command: 'checkpoint' },
      { label: ko ? '과제 리뷰받기' : 'Review my exercise', prompt: '', command: 'review' },
    ],
    week.id,
  );
}

function bar(done: number, total: number): string {
  return '█'.repeat(done) + '░'.repeat(Math.max(0, total - done));
}

export function progressResponse(request: TeacherRequest): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const course = request.curriculum?.curriculum;
  if (!course?.weeks.length) return noCourse(request, 'progress');
  const rows = course.tracks.map((track) => {
    const weeks = course.weeks.filter((w) => w.track === track.id);
    const done = weeks.filter((w) => statusOf(request, w.id) === 'done').length;
    const started = weeks.filter((w) => statusOf(request, w.id) !== 'not-started').length;
    return `- **${t(lang, track.title)}**: \`${bar(done, weeks.length)}\` ${done}/${weeks.length} ${ko ? '완료' : 'done'}${started > done ? (ko ? ` (${started - done}개 진행 중)` : ` (${started - done} in progress)`) : ''}`;
  });
  const current = request.curriculum?.current ?? request.profile.currentWeek;
  const currentWeek = course.weeks.find((w) => w.id === current);
  const track = currentWeek?.track ?? 'beginner';
  const next = course.weeks.find((w) => w.track === track && statusOf(request, w.id) !== 'done');
  const sections: TeacherSection[] = [{ kind: 'week', title: ko ? '📈 **학습 진행 상황**' : '📈 **Your progress**', markdown: rows.join('\n') }];
  if (currentWeek)
    sections.push({
      kind: 'text',
      markdown: ko
        ? `지금은 **${t(lang, currentWeek.title)}** (\`${currentWeek.id}\`) 주차를 하고 있어요. ${STATUS_LABEL[statusOf(request, currentWeek.id)].icon} ${STATUS_LABEL[statusOf(request, currentWeek.id)].ko}`
        : `You're working on **${t(lang, currentWeek.title)}** (\`${currentWeek.id}\`). ${STATUS_LABEL[statusOf(request, currentWeek.id)].icon} ${STATUS_LABEL[statusOf(request, currentWeek.id)].en}`,
    });
  if (next)
    sections.push({
      kind: 'invitation',
      markdown: ko
        ? `다음은 \`${next.id}\` — ${t(lang, next.title)}. 지난 주차에서 배운 것 중 가장 기억에 남는 것은 무엇인가요?`
        : `Next up: \`${next.id}\` — ${t(lang, next.title)}. What stuck with you most from the weeks so far?`,
    });
  return respond(request, 'progress', sections, next ? [{ label: ko ? `${next.id} 주차 보기` : `Show week ${next.id}`, prompt: next.id, command: 'week' }] : [], next?.id);
}

/** Which rubric concepts an answer covers, on meaning (see grading.ts). */
export function assess(checkpoint: Checkpoint, answer: string, lang: Lang = 'ko'): Grade {
  return gradeAnswer(checkpoint, answer, lang);
}

function checkpointFor(request: TeacherRequest): { checkpoint?: Checkpoint; week?: Week } {
  const week = findWeek({ ...request, message: '' });
  return { checkpoint: request.curriculum?.checkpoint ?? week?.checkpoints[0], week };
}

export function checkpointResponse(request: TeacherRequest): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const { checkpoint, week } = checkpointFor(request);
  if (!checkpoint) return noCourse(request, 'checkpoint');
  const answer = request.message.trim();
  if (!answer) {
    return respond(
      request,
      'checkpoint',
      [
        { kind: 'rubric', title: ko ? '📝 **체크포인트**' : '📝 **Checkpoint**', markdown: `"${t(lang, checkpoint.question)}"` },
        {
          kind: 'invitation',
          markdown: ko
            ? '정답을 외우기보다 여러분의 말로, 겪어 본 예시와 함께 설명해 주세요.'
            : 'Rather than reciting an answer, explain it in your own words, with an example you have seen.',
        },
      ],
      [],
      week?.id,
    );
  }
  const result = request.grade ?? assess(checkpoint, answer, lang);
  const byId = new Map(checkpoint.rubric.map((c) => [c.id, c]));
  const sections: TeacherSection[] = [
    {
      kind: 'rubric',
      title: ko ? `📝 **체크포인트**: "${t(lang, checkpoint.question)}"` : `📝 **Checkpoint**: "${t(lang, checkpoint.question)}"`,
      markdown: [
        ...result.covered.map((id) => `- ✅ ${t(lang, byId.get(id)!.label)}`),
        ...result.contradicted.map((id) => `- ⚠️ ${t(lang, byId.get(id)!.label)}`),
        ...result.missing.filter((id) => !result.contradicted.includes(id)).map((id) => `- ❓ ${t(lang, byId.get(id)!.label)}`),
      ].join('\n'),
    },
  ];
  sections.push({
    kind: 'text',
    markdown: result.passed
      ? ko
        ? `🎉 **통과!** 핵심 개념 ${checkpoint.rubric.length}개 중 ${result.covered.length}개를 이유와 함께 스스로 설명하셨어요.`
        : `🎉 **Passed!** You explained ${result.covered.length} of ${checkpoint.rubric.length} key concepts yourself, with reasons.`
      : ko
        ? `🌱 **아직이에요.** 핵심 개념 ${checkpoint.rubric.length}개 중 ${result.covered.length}개를 다루셨어요 (통과 기준 ${checkpoint.passWith}개, 이유로 이어진 설명). 조금만 더 생각해 봐요.`
        : `🌱 **Not yet.** You covered ${result.covered.length} of ${checkpoint.rubric.length} key concepts (${checkpoint.passWith} to pass, explained with reasons). Let's think a little more.`,
  });
  if (!result.passed && result.feedback)
    sections.push({ kind: 'questions', title: ko ? '🤔 **이 부분을 더 생각해 보세요:**' : '🤔 **Think about these:**', markdown: result.feedback });
  else {
    const probes = result.missing.map((id) => `- ${t(lang, byId.get(id)!.probe)}`);
    if (probes.length) sections.push({ kind: 'questions', title: ko ? '🤔 **더 깊이 생각해 볼 질문:**' : '🤔 **To go deeper:**', markdown: probes.join('\n') });
  }
  return {
    ...respond(
      request,
      'checkpoint',
      sections,
      result.passed
        ? [{ label: ko ? '진행 상황 보기' : 'Show progress', prompt: '', command: 'progress' }]
        : [{ label: ko ? '다시 답해 보기' : 'Answer again', prompt: '', command: 'checkpoint' }],
      week?.id,
    ),
    checkpoint: { covered: result.covered, missing: result.missing, passed: result.passed, feedback: result.feedback },
  };
}
