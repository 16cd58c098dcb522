import { defineStrings, translate } from '../shared/i18n';
import type { Lang } from '../language/types';
import type { Resource, Week } from './types';

/**
 * Starter files are kept bilingual and rendered into one language when a week is started, so a
 * learner never opens an exercise that mixes Korean and English. The format is plain Python or
 * YAML with language tags on whole lines, so the source files still parse and lint as they are:
 *
 *   #[ko] TODO: 모델을 안전하게 로드하세요          a comment line: kept as `# ...` in Korean only
 *   #[en] TODO: load the model safely              ... and this one in English only
 *   """모델 양자화"""  #[ko]                       any line ending in a tag: kept (tag removed) in
 *   """Quantise the model"""  #[en]                that language only, e.g. docstrings
 *
 * Consecutive tagged lines form a block, and every block must have both languages
 * (`starterProblems`), so a translation cannot go missing. Untagged lines are the same in both.
 */
const LEADING = /^(\s*)#\[(ko|en)\](?: (.*)|)$/;
const TRAILING = /^(.*?\S)\s+#\[(ko|en)\]\s*$/;

interface TaggedLine {
  readonly lang: Lang;
  /** The line as it is rendered in its language. */
  readonly text: string;
}

function tagged(line: string): TaggedLine | undefined {
  const leading = LEADING.exec(line);
  if (leading) return { lang: leading[2] as Lang, text: leading[3] === undefined || leading[3] === '' ? `${leading[1]}#` : `${leading[1]}# ${leading[3]}` };
  const trailing = TRAILING.exec(line);
  return trailing ? { lang: trailing[2] as Lang, text: trailing[1] } : undefined;
}

/** The starter file in one language: the other language's lines dropped, tags removed. */
export function renderStarter(content: string, lang: Lang): string {
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  for (const line of content.split(/\r?\n/)) {
    const tag = tagged(line);
    if (!tag) out.push(line);
    else if (tag.lang === lang) out.push(tag.text);
  }
  return out.join(eol);
}

/**
 * Tagged blocks that lack a language: a block is a run of one language's lines followed by a run
 * of the other's (Korean then English, or the reverse), so `#[ko] a / #[en] a / #[ko] b` reports
 * the untranslated `b`. Line numbers are 1-based.
 */
export function starterProblems(content: string): string[] {
  const problems: string[] = [];
  let runs: { lang: Lang; start: number }[] = [];
  const close = () => {
    for (let i = 0; i < runs.length; i += 2) {
      if (runs[i + 1]) continue;
      problems.push(`line ${runs[i].start}: the ${runs[i].lang === 'ko' ? 'Korean' : 'English'} lines have no ${runs[i].lang === 'ko' ? 'English' : 'Korean'} counterpart`);
    }
    runs = [];
  };
  content.split(/\r?\n/).forEach((line, index) => {
    const tag = tagged(line);
    if (!tag) return close();
    if (runs[runs.length - 1]?.lang !== tag.lang) runs.push({ lang: tag.lang, start: index + 1 });
  });
  close();
  return problems;
}

const README = defineStrings(
  'readme',
  {
    objectives: 'Learning objectives',
    concepts: 'Key concepts',
    exercise: 'Exercise',
    files: 'Starter files',
    done: 'Definition of done',
    checkpoint: 'Checkpoint',
    resources: 'Resources',
    doneRules: 'When you save, none of these diagnostics may remain:',
    doneCheckpoint: "And answer the checkpoint question with the teacher (the Teacher panel's Curriculum tab, or `@ai-engineer-teacher /checkpoint` in chat).",
    noSolution: '> The teacher never hands out a finished solution. When stuck, use "Ask the Teacher" on a diagnostic for a hint.',
    main: 'open this first',
    generated: 'created for you when the week started',
    clear: 'Findings to clear this week',
  },
  {
    objectives: '학습 목표',
    concepts: '핵심 개념',
    exercise: '실습 과제',
    files: '시작 파일',
    done: '완료 조건',
    checkpoint: '체크포인트',
    resources: '추천 학습 자료',
    doneRules: '저장했을 때 다음 진단이 더 이상 나타나지 않아야 합니다:',
    doneCheckpoint: '그리고 체크포인트 질문에 답해 선생님과 이야기해 보세요 (선생님 패널의 커리큘럼 탭, 또는 채팅에서 `@ai-engineer-teacher /checkpoint`).',
    noSolution: '> 선생님은 완성된 답을 드리지 않아요. 막히면 진단의 "선생님께 묻기"로 힌트를 받아 보세요.',
    main: '먼저 열어 볼 파일',
    generated: '주차를 시작할 때 만들어 드린 파일',
    clear: '이번 주에 사라져야 할 진단',
  },
);

/** The week's README, entirely in the learner's language (no other-language subtitle or breadcrumb). */
export function renderReadme(week: Week, lang: Lang): string {
  const t = (key: keyof typeof README.en) => translate(README, lang, key);
  const h = (key: keyof typeof README.en) => `## ${t(key)}`;
  const lines: string[] = [
    `# ${week.id} · ${week.title[lang]}`,
    '',
    week.intro[lang],
    '',
    t('noSolution'),
    '',
    h('objectives'),
    '',
    ...week.objectives.map((o) => `- ${o[lang]}`),
    '',
    h('concepts'),
    '',
    ...week.concepts.map((c) => `- ${c[lang]}`),
    '',
    h('exercise'),
    '',
    week.exercise[lang],
    '',
    h('files'),
    '',
    ...week.starterFiles.map((f) => `- \`${f.path}\`${f.main ? ` (${t('main')})` : ''}`),
    ...(week.generatedFiles ?? []).map((f) => `- \`${f.path}\` (${t('generated')})`),
    '',
    h('done'),
    '',
    t('doneRules'),
    '',
    ...week.definitionOfDone.clearRules.map((r) => `- \`${r}\``),
    ...(week.definitionOfDone.notes ?? []).map((n) => `- ${n[lang]}`),
    '',
    t('doneCheckpoint'),
    '',
    h('checkpoint'),
    '',
    ...week.checkpoints.map((c) => `> ${c.question[lang]}`),
    '',
    h('resources'),
    '',
    ...week.resources.map((r) => `- ${renderResource(r, lang)}`),
    '',
  ];
  return lines.join('\n');
}

/**
 * A walkthrough step's media (`media/walkthrough/<lang>/week-NN.md`, generated by
 * `npm run docs`): the week at a glance, in one language. VS Code picks the file through the
 * manifest's `%key%` strings, so it follows the display language like the rest of the manifest.
 */
export function renderWalkthroughStep(week: Week, lang: Lang): string {
  const t = (key: keyof typeof README.en) => translate(README, lang, key);
  return [
    `# ${week.id} · ${week.title[lang]}`,
    '',
    week.intro[lang],
    '',
    `## ${t('objectives')}`,
    '',
    ...week.objectives.map((o) => `- ${o[lang]}`),
    '',
    `## ${t('checkpoint')}`,
    '',
    ...week.checkpoints.map((c) => `> ${c.question[lang]}`),
    '',
    `## ${t('clear')}`,
    '',
    ...week.definitionOfDone.clearRules.map((r) => `- \`${r}\``),
    '',
  ].join('\n');
}

function renderResource(resource: Resource, lang: Lang): string {
  const title = resource.url ? `[${resource.title[lang]}](${resource.url})` : resource.title[lang];
  return resource.note ? `${title} — ${resource.note[lang]}` : title;
}
