import { recordFixed, recordSeen, recurringMistakes, type MistakeLog } from '../curriculum/progress';
import type { Curriculum, ProgressStore } from '../curriculum/types';
import { ruleById } from '../language/rules';
import type { Finding, Lang, WeekRef } from '../language/types';
import type { ModelClient } from './backends/types';
import { hintTarget } from './coach';
import { fillTemplate } from './facts';
import { gradeAnswer } from './grading';
import { modelGrade } from './grading-model';
import { unlockedLevel, type HintLevel } from './hints';
import { answerLanguage } from './intent';
import { matchTopic } from './knowledge/answer';
import { attemptsFor, findingKey, recordAttempt, recordReview, touchedFindings, withFocus, type LearnerMemory } from './memory';
import { courseContext } from './course';
import { offlineTeacher } from './offline';
import { rankedGroups } from './review';
import { lineLabel } from './text';
import { resolveTurn, wantsFile, type ConversationFile, type LearnerInput, type ResolvedTurn } from './turn';
import type { AnswerMemory, ChatTurn, CurriculumContext, LearnerProfile, TeacherGateway, TeacherIntent, TeacherRequest, TeacherResponse } from './types';

export type { ConversationFile, LearnerInput } from './turn';

/**
 * The conversation core: one implementation of a teacher's turn for the chat participant, the
 * panel and the CLI, which only translate. It reads the turn, picks the answer's language,
 * gathers the context (files, course, memory), asks the teacher (offline or a model, always
 * behind the guard), and records what the turn changed: hints shown, attempts, reviews and
 * mistakes, a passed checkpoint, the learner's profile.
 */

export interface MemoryStore {
  get(): LearnerMemory;
  set(memory: LearnerMemory): Promise<void>;
}

export interface ConversationDeps {
  readonly teacher: TeacherGateway;
  /** `auto`: answer in the question's language; `ko`/`en`: the learner fixed one. */
  langSetting(): 'auto' | Lang;
  /** The display language, for turns whose text says nothing (a rule id, an empty prompt). */
  displayLang(): Lang;
  curriculum(): Promise<Curriculum | undefined>;
  readonly progress: Pick<ProgressStore, 'status' | 'setStatus' | 'current' | 'mistakes' | 'setMistakes'>;
  profile(): LearnerProfile;
  saveProfile(profile: LearnerProfile): Promise<void>;
  readonly memory: MemoryStore;
  now?(): number;
  log?(message: string): void;
}

export interface TurnContext {
  /** Every earlier turn of this conversation, both sides, the teacher's as the Markdown shown. */
  readonly history: readonly ChatTurn[];
  /** Files the turn may look at, the active one first. */
  readonly files: readonly ConversationFile[];
}

export interface TurnOptions {
  readonly onChunk?: (markdown: string) => void;
  readonly signal?: AbortSignal;
  /** The model a surface picked for this request (the participant's `request.model`). */
  readonly model?: ModelClient;
}

export interface TurnResult {
  readonly intent: TeacherIntent;
  readonly lang: Lang;
  /** One answer per reviewed file; one answer otherwise. */
  readonly answers: readonly { readonly file?: ConversationFile; readonly response: TeacherResponse }[];
  readonly response: TeacherResponse;
  /** Everything streamed to the learner, in order. */
  readonly markdown: string;
  readonly ruleId?: string;
  /** Lines worth a link (the participant's anchors). */
  readonly anchors: readonly { readonly file: ConversationFile; readonly finding: Finding }[];
  /** A finding whose TODO scaffold the surface may offer to insert. */
  readonly scaffold?: { readonly file: ConversationFile; readonly finding: Finding };
  readonly week?: WeekRef;
  /** A week the surface may offer to start. */
  readonly startWeek?: WeekRef;
  readonly topics: readonly string[];
}

const MAX_FILES = 3;
const MAX_ANCHORS = 5;

export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  async respond(input: LearnerInput, context: TurnContext, options: TurnOptions = {}): Promise<TurnResult> {
    const memory = this.deps.memory.get();
    const profile = this.deps.profile();
    const primary = context.files[0];
    const focus = memory.focus && primary && memory.focus.path === primary.path ? memory.focus.ruleId : undefined;
    const turn = resolveTurn(input, context.history, profile, context.files.length > 0, focus);
    const lang = answerLanguage(this.deps.langSetting(), this.deps.displayLang(), turn.message || input.text);
    // Findings speak the answer's language, whatever language the editor linted in.
    context = { ...context, files: context.files.map((f) => ({ ...f, result: { ...f.result, findings: f.result.findings.map((x) => inLanguage(x, lang)) } })) };
    const course = await courseContext(() => this.deps.curriculum(), this.deps.progress);
    let markdown = '';
    const emit = (piece: string) => {
      markdown += piece;
      options.onChunk?.(piece);
    };
    const base = { lang, message: turn.message, profile, history: context.history, curriculum: course };
    const ask = (request: TeacherRequest) => this.deps.teacher.ask(request, { signal: options.signal, model: options.model, onChunk: emit });

    switch (turn.intent) {
      case 'review':
        return this.review(turn, lang, context, base, ask, emit, () => markdown);
      case 'hint':
        return this.hint(turn, input, lang, context, base, ask, emit, () => markdown);
      case 'checkpoint':
        return this.checkpoint(turn, input, lang, base, course, ask, options, () => markdown);
      default:
        return this.other(turn, input, lang, context, base, ask, emit, () => markdown);
    }
  }

  private async review(turn: ResolvedTurn, lang: Lang, context: TurnContext, base: Base, ask: Ask, emit: (s: string) => void, shown: () => string): Promise<TurnResult> {
    const files = context.files.slice(0, MAX_FILES);
    if (files.length === 0) {
      const response = await ask({ ...base, intent: 'review' });
      return result(turn.intent, lang, [{ response }], shown(), {});
    }
    const answers: { file: ConversationFile; response: TeacherResponse }[] = [];
    const anchors: TurnResult['anchors'][number][] = [];
    let memory = this.deps.memory.get();
    let log = this.deps.progress.mistakes?.() ?? {};
    const week = this.deps.progress.current();
    for (const [i, file] of files.entries()) {
      if (files.length > 1) emit(`${i ? '\n\n---\n\n' : ''}### \`${file.path}\`\n\n`);
      const recorded = recordReview(memory, file.path, file.result.findings, this.now());
      memory = recorded.memory;
      const recurring = recurringFor(log, file.result.findings);
      log = recordSeen(
        log,
        file.result.findings.map((f) => f.ruleId),
        file.path,
        week,
        this.now(),
      );
      const answerMemory: AnswerMemory = { fixedSinceLastReview: recorded.fixed, recurring };
      answers.push({
        file,
        response: await ask({ ...base, intent: 'review', review: { path: file.path, text: file.text, result: file.result, selection: file.selection }, memory: answerMemory }),
      });
      for (const group of rankedGroups(file.result.findings).slice(0, MAX_ANCHORS)) anchors.push({ file, finding: group.findings[0] });
    }
    await this.deps.memory.set(memory);
    await this.deps.progress.setMistakes?.(log);
    const top = answers.map((a) => ({ file: a.file, group: rankedGroups(a.file.result.findings)[0] })).find((a) => a.group);
    return result(turn.intent, lang, answers, shown(), {
      anchors,
      ...(top?.group ? { ruleId: top.group.ruleId, scaffold: { file: top.file, finding: top.group.findings[0] } } : {}),
    });
  }

  private async hint(
    turn: ResolvedTurn,
    input: LearnerInput,
    lang: Lang,
    context: TurnContext,
    base: Base,
    ask: Ask,
    emit: (s: string) => void,
    shown: () => string,
  ): Promise<TurnResult> {
    const file = context.files[0];
    let memory = this.deps.memory.get();
    const review = file && { path: file.path, text: file.text, result: file.result };
    // The rule asked for, else the one the conversation is on, else the file's most important.
    const focusRule = memory.focus && file && memory.focus.path === file.path ? memory.focus.ruleId : undefined;
    const target = hintTarget({ ...base, intent: 'hint', review, finding: input.finding, ruleId: turn.ruleId ?? focusRule });
    const ruleId = target.ruleId;
    const finding = target.finding;
    const key = file && finding ? findingKey(file.path, finding) : undefined;
    if (key && turn.answersHint) memory = recordAttempt(memory, key, finding!.ruleId, file!.path, this.now());
    const attempts = key ? attemptsFor(memory, key) : 0;
    const unlocked = key ? unlockedLevel(attempts) : 3;
    const previous = key && memory.focus?.key === key ? (memory.focus.level ?? 0) : 0;
    const asked = Math.min(3, turn.level ?? (turn.answersHint ? unlocked : previous + 1)) as HintLevel;
    const level = Math.min(asked, unlocked) as HintLevel;
    if (key && ruleId && file) memory = withFocus(memory, { key, ruleId, path: file.path, level: Math.max(previous, level) });
    await this.deps.memory.set(memory);
    const request: TeacherRequest = {
      ...base,
      intent: 'hint',
      review,
      ruleId,
      finding,
      hintLevel: asked,
      memory: { hintUnlocked: unlocked, attempts },
      ...(turn.answersHint ? { message: turn.message } : {}),
    };
    if (turn.answersHint) {
      const ko = lang === 'ko';
      const note = ko
        ? `💬 생각을 들려주셔서 고마워요! 한 번의 시도로 기록했어요 (시도 ${attempts}번).${unlocked > previous ? ` 🔓 힌트 ${unlocked}단계가 열렸어요.` : ''}\n\n`
        : `💬 Thanks for sharing your thinking! That counts as an attempt (${attempts} so far).${unlocked > previous ? ` 🔓 Hint level ${unlocked} is open now.` : ''}\n\n`;
      emit(note);
    }
    const response = await ask(request);
    return result('hint', lang, [{ file, response }], shown(), {
      ruleId,
      anchors: file && finding ? [{ file, finding }] : [],
      ...(file && finding && level >= 3 ? { scaffold: { file, finding } } : {}),
    });
  }

  private async checkpoint(
    turn: ResolvedTurn,
    input: LearnerInput,
    lang: Lang,
    base: Base,
    course: CurriculumContext,
    ask: Ask,
    options: TurnOptions,
    shown: () => string,
  ): Promise<TurnResult> {
    const weekRef = input.week ?? course.current;
    const week = course.curriculum?.weeks.find((w) => w.id === weekRef);
    const checkpoint = week?.checkpoints[0];
    const answer = turn.message.trim();
    let grade = checkpoint && answer ? gradeAnswer(checkpoint, answer, lang) : undefined;
    if (checkpoint && answer && grade) {
      const client = await this.deps.teacher.modelFor?.(options.model).catch(() => undefined);
      if (client) grade = (await modelGrade(client, checkpoint, answer, lang, grade, options.signal).catch(() => undefined)) ?? grade;
    }
    const response = await ask({ ...base, intent: 'checkpoint', week: week?.id, curriculum: { ...course, checkpoint }, ...(grade ? { grade } : {}) });
    if (grade?.passed && week) {
      const status = this.deps.progress.status(week.id);
      if (status !== 'done' && status !== 'checkpoint-passed') await this.deps.progress.setStatus(week.id, 'checkpoint-passed');
    }
    return result('checkpoint', lang, [{ response }], shown(), { week: week?.id });
  }

  private async other(
    turn: ResolvedTurn,
    input: LearnerInput,
    lang: Lang,
    context: TurnContext,
    base: Base,
    ask: Ask,
    emit: (s: string) => void,
    shown: () => string,
  ): Promise<TurnResult> {
    const file = context.files[0];
    const finding = input.finding ?? (turn.ruleId ? file?.result.findings.find((f) => f.ruleId === turn.ruleId) : undefined);
    const ruleId = turn.ruleId ?? finding?.ruleId;
    const recurring = ruleId ? recurringFor(this.deps.progress.mistakes?.() ?? {}, [{ ruleId } as Finding]) : undefined;
    // Explaining a rule the open file breaks is not a way around the hint ladder: its skeleton waits for the attempts.
    const attempts = file && finding && turn.intent === 'explain' ? attemptsFor(this.deps.memory.get(), findingKey(file.path, finding)) : undefined;
    const memory = { ...(recurring ? { recurring } : {}), ...(attempts !== undefined ? { attempts, hintUnlocked: unlockedLevel(attempts) } : {}) };
    let request: TeacherRequest = {
      ...base,
      intent: turn.intent,
      ...(turn.intent === 'explain' ? { ruleId, finding, message: turn.ruleId ?? turn.message } : {}),
      ...(turn.intent === 'week' && input.week ? { week: input.week } : {}),
      ...(Object.keys(memory).length ? { memory } : {}),
    };
    // The file goes with the request only when the context policy says this request needs it.
    const withFile: TeacherRequest | undefined = file && { ...request, review: { path: file.path, text: file.text, result: file.result } };
    const attach = withFile !== undefined && wantsFile(withFile);
    if (attach) request = withFile;
    else if (file) request = { ...request, ownCode: file.text };
    const response = await ask(request);
    if (response.profile) await this.deps.saveProfile(response.profile);
    // A free question about a topic the open file shows: point at the line, without sending the file anywhere.
    const topics = response.topics ?? (response.backend === 'offline' ? [] : (offlineTeacher(request).topics ?? []));
    if (turn.intent === 'chat' && file && !attach && topics[0] && topics[0] !== 'refusal') emit(pointer(file, topics[0], request, lang));
    const startWeek =
      response.week && (turn.intent === 'week' || this.deps.progress.status(response.week) === 'not-started') && turn.intent !== 'checkpoint' ? response.week : undefined;
    return result(turn.intent, lang, [{ response }], shown(), { week: response.week, startWeek, topics, ...(ruleId ? { ruleId } : {}) });
  }
}

type Base = Omit<TeacherRequest, 'intent'>;
type Ask = (request: TeacherRequest) => Promise<TeacherResponse>;

/** Rules of these findings that the learner fixed before and that fire again. */
function recurringFor(log: MistakeLog, findings: readonly Pick<Finding, 'ruleId'>[]): AnswerMemory['recurring'] | undefined {
  const ids = new Set(findings.map((f) => f.ruleId));
  const out: Record<string, { weeks: WeekRef[]; count: number }> = {};
  for (const mistake of recurringMistakes(log)) if (ids.has(mistake.ruleId)) out[mistake.ruleId] = { weeks: [...mistake.weeks], count: mistake.count };
  for (const id of ids) {
    const entry = log[id];
    if (!out[id] && entry?.fixed.length) out[id] = { weeks: [...new Set(entry.fixed.map((e) => e.week).filter((w): w is WeekRef => !!w))], count: entry.seen.length };
  }
  return Object.keys(out).length ? out : undefined;
}

function inLanguage(finding: Finding, lang: Lang): Finding {
  const rule = ruleById(finding.ruleId);
  const template = rule?.messages[finding.messageId];
  const message = template && fillTemplate(template[lang], Object.fromEntries(Object.entries(finding.data ?? {}).map(([k, v]) => [k, String(v)])), lang);
  return message ? { ...finding, message } : finding;
}

function pointer(file: ConversationFile, topic: string, request: TeacherRequest, lang: Lang): string {
  const match = matchTopic({ ...request, message: request.message });
  const ids = new Set([topic, ...(match?.entry.rules ?? [])]);
  const finding = rankedGroups(file.result.findings.filter((f) => ids.has(f.ruleId)))[0]?.findings[0];
  if (!finding) return '';
  return lang === 'ko'
    ? `\n📍 **여러분의 파일에서:** \`${file.path}\` ${lineLabel(lang, finding.range.start.line)}: ${finding.message} (\`${finding.ruleId}\`)\n`
    : `\n📍 **In your file:** \`${file.path}\` ${lineLabel(lang, finding.range.start.line)}: ${finding.message} (\`${finding.ruleId}\`)\n`;
}

function result(intent: TeacherIntent, lang: Lang, answers: TurnResult['answers'], markdown: string, extra: Partial<TurnResult>): TurnResult {
  const response = answers[answers.length - 1].response;
  return { intent: response.intent ?? intent, lang, answers, response, markdown, anchors: [], topics: response.topics ?? [], ...extra };
}

/**
 * A save of a file the learner works on: every finding whose lines the edit touched earns an
 * attempt, every finding gone afterwards is a fixed mistake, and every finding still there is
 * seen in the current week. Pure: returns the new memory and mistake log.
 */
export function observeEdit(
  memory: LearnerMemory,
  log: MistakeLog,
  edit: {
    readonly path: string;
    readonly before: string;
    readonly after: string;
    readonly previous: readonly Finding[];
    readonly current: readonly Finding[];
    readonly week?: WeekRef;
    readonly at: number;
  },
): { memory: LearnerMemory; log: MistakeLog } {
  let next = memory;
  let nextLog = log;
  const touched = touchedFindings(edit.before, edit.after, edit.previous);
  for (const finding of touched) next = recordAttempt(next, findingKey(edit.path, finding), finding.ruleId, edit.path, edit.at);
  const fixed = touched.filter((f) => !edit.current.some((c) => c.ruleId === f.ruleId));
  // A fixed mistake was made here first: it counts as seen in this file and week.
  const seen = [...edit.current, ...fixed].map((f) => f.ruleId);
  if (seen.length) nextLog = recordSeen(nextLog, seen, edit.path, edit.week, edit.at);
  for (const finding of fixed) nextLog = recordFixed(nextLog, finding.ruleId, edit.path, edit.week, edit.at);
  return { memory: next, log: nextLog };
}
