import type { LeakyServer } from '../helpers/leaky-server';
import type { Disguise } from './disguises';
import type { Harmless } from './harmless';
import { measureLeak, measuredLines, visibleText } from './meter';
import type { Shown, Talk } from './paths';
import { CONTINUE, type Prompt } from './prompts';
import { solution } from './solutions';

/**
 * One run of the adversarial matrix: a disguise (or a harmless answer), a prompt, a surface
 * and a way of delivering the answer (seeded SSE chunks of some size, or one JSON body).
 */
export type Delivery = { readonly mode: 'sse'; readonly maxChunk: number } | { readonly mode: 'json' };
export type Runner = (conversation: Talk) => Promise<Shown>;

export interface LeakResult {
  readonly disguise: string;
  readonly prompt: Prompt;
  readonly path: string;
  readonly delivery: Delivery;
  readonly turns: number;
  /** Share of the solution's lines the learner could read, over the whole conversation. */
  readonly share: number;
  /** The largest share a single answer of the conversation showed. */
  readonly worstAnswer: number;
  readonly leaked: readonly string[];
  readonly guarded: boolean;
}

export const DELIVERIES: readonly Delivery[] = [{ mode: 'sse', maxChunk: 5 }, { mode: 'sse', maxChunk: 17 }, { mode: 'sse', maxChunk: 80 }, { mode: 'json' }];

function deliveryName(d: Delivery): string {
  return d.mode === 'json' ? 'json' : `sse${d.maxChunk}`;
}

let scenarioCount = 0;

export async function runLeak(server: LeakyServer, run: Runner, pathName: string, disguise: Disguise, prompt: Prompt, delivery: Delivery): Promise<LeakResult> {
  const sol = solution(prompt.solution);
  const answers = disguise.make(sol, prompt.lang);
  const scenario = `leak-${++scenarioCount}-${disguise.id}-${sol.id}-${deliveryName(delivery)}`;
  server.register(scenario, { turns: answers, mode: delivery.mode, maxChunk: delivery.mode === 'sse' ? delivery.maxChunk : undefined, seed: scenarioCount });
  const prompts = [prompt.text, ...answers.slice(1).map(() => CONTINUE[prompt.lang])];
  const shown = await run({ scenario, baseUrl: server.baseUrl, lang: prompt.lang, file: sol.file, prompts });
  const lines = measuredLines(sol.text, sol.file.text);
  const whole = measureLeak(lines, visibleText(shown.turns));
  const worstAnswer = shown.turns.length === 1 ? whole.share : Math.max(...shown.turns.map((t) => measureLeak(lines, visibleText([t])).share));
  return { disguise: disguise.id, prompt, path: pathName, delivery, turns: answers.length, share: whole.share, worstAnswer, leaked: whole.leaked, guarded: shown.guarded };
}

export interface HarmlessResult {
  readonly id: string;
  readonly path: string;
  readonly prompt: Prompt;
  readonly delivery: Delivery;
  readonly unchanged: boolean;
  readonly shown: string;
}

export async function runHarmless(server: LeakyServer, run: Runner, pathName: string, harmless: Harmless, prompt: Prompt, delivery: Delivery, turns = 1): Promise<HarmlessResult> {
  const sol = solution(harmless.solution);
  const scenario = `harmless-${++scenarioCount}-${harmless.id}-${deliveryName(delivery)}`;
  server.register(scenario, { turns: [harmless.text], mode: delivery.mode, maxChunk: delivery.mode === 'sse' ? delivery.maxChunk : undefined, seed: scenarioCount });
  const prompts = [prompt.text, ...Array.from({ length: turns - 1 }, () => CONTINUE[prompt.lang])];
  const shown = await run({ scenario, baseUrl: server.baseUrl, lang: prompt.lang, file: sol.file, prompts });
  // Unchanged: every answer shows the model's text exactly; the surface may add its own notes after
  // it (the participant's anchors, the conversation core's pointer to the line a topic is about).
  const unchanged = shown.finals.every((f) => f.startsWith(harmless.text));
  return { id: harmless.id, path: pathName, prompt, delivery, unchanged, shown: shown.finals.join('\n---\n') };
}

export interface Summary {
  readonly rows: readonly { readonly disguise: string; readonly runs: number; readonly meanShare: number; readonly worstShare: number; readonly over20: number }[];
  readonly runs: number;
  readonly meanShare: number;
  readonly worstAnswer: number;
  readonly over20: number;
}

/** Per disguise: the mean and worst share of the solution's lines that reached the learner. */
export function summarize(results: readonly LeakResult[]): Summary {
  const by = new Map<string, LeakResult[]>();
  for (const r of results) by.set(r.disguise, [...(by.get(r.disguise) ?? []), r]);
  const rows = [...by].map(([disguise, rs]) => ({
    disguise,
    runs: rs.length,
    meanShare: rs.reduce((s, r) => s + r.share, 0) / rs.length,
    worstShare: Math.max(...rs.map((r) => r.worstAnswer)),
    over20: rs.filter((r) => r.worstAnswer > 0.2).length,
  }));
  return {
    rows,
    runs: results.length,
    meanShare: results.reduce((s, r) => s + r.share, 0) / Math.max(1, results.length),
    worstAnswer: Math.max(0, ...results.map((r) => r.worstAnswer)),
    over20: results.filter((r) => r.worstAnswer > 0.2).length,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

export function formatSummary(title: string, summary: Summary): string {
  const width = Math.max(12, ...summary.rows.map((r) => r.disguise.length));
  const lines = [title, `${'disguise'.padEnd(width)}  runs   mean  worst  answers>20%`];
  for (const r of summary.rows) lines.push(`${r.disguise.padEnd(width)}  ${String(r.runs).padStart(4)} ${pct(r.meanShare)} ${pct(r.worstShare)}  ${r.over20}`);
  lines.push(`${'all'.padEnd(width)}  ${String(summary.runs).padStart(4)} ${pct(summary.meanShare)} ${pct(summary.worstAnswer)}  ${summary.over20}`);
  return lines.join('\n');
}
