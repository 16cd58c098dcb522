import { INTENTS, TABS, type FollowupView, type TabId } from '../shared/protocol';

/**
 * What the panel keeps across hide/show and reloads through `getState/setState`: the active
 * tab, the conversation, the hint levels revealed per card, and unsent drafts. Restored state is
 * normalised by a total function, because it may come from an older version of the panel.
 */
export interface TranscriptEntry {
  readonly id: string;
  readonly role: 'learner' | 'teacher';
  text: string;
  status: 'done' | 'streaming' | 'stopped' | 'error';
  followups?: FollowupView[];
  guarded?: boolean;
}

export interface PanelState {
  tab: TabId;
  transcript: TranscriptEntry[];
  /** `fileUri|cardId` -> number of hint levels revealed (0..3). */
  revealed: Record<string, number>;
  draft: string;
  checkpointDraft: string;
}

export const MAX_TRANSCRIPT = 200;

export function emptyState(): PanelState {
  return { tab: 'review', transcript: [], revealed: {}, draft: '', checkpointDraft: '' };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function entry(v: unknown): TranscriptEntry | undefined {
  if (!isObj(v) || typeof v.id !== 'string' || typeof v.text !== 'string') return undefined;
  if (v.role !== 'learner' && v.role !== 'teacher') return undefined;
  const status = v.status === 'done' || v.status === 'stopped' || v.status === 'error' ? v.status : v.status === 'streaming' ? 'stopped' : 'done';
  const followups = Array.isArray(v.followups)
    ? v.followups
        .filter((f): f is FollowupView => isObj(f) && typeof f.label === 'string' && typeof f.prompt === 'string')
        .map((f) => ((INTENTS as readonly unknown[]).includes(f.intent) ? { label: f.label, prompt: f.prompt, intent: f.intent } : { label: f.label, prompt: f.prompt }))
    : undefined;
  // An answer that was still streaming when the panel went away will never finish: mark it stopped.
  return { id: v.id, role: v.role, text: v.text, status, followups, guarded: v.guarded === true };
}

export function restoreState(raw: unknown): PanelState {
  const state = emptyState();
  if (!isObj(raw)) return state;
  if ((TABS as readonly unknown[]).includes(raw.tab)) state.tab = raw.tab as TabId;
  if (Array.isArray(raw.transcript))
    state.transcript = raw.transcript
      .map(entry)
      .filter((e): e is TranscriptEntry => e !== undefined)
      .slice(-MAX_TRANSCRIPT);
  if (isObj(raw.revealed)) {
    for (const [key, value] of Object.entries(raw.revealed)) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3) state.revealed[key] = value;
    }
  }
  if (typeof raw.draft === 'string') state.draft = raw.draft;
  if (typeof raw.checkpointDraft === 'string') state.checkpointDraft = raw.checkpointDraft;
  return state;
}
