import type { StringKey } from '../shared/panel-strings';
import type { PanelIntent, TabId, ToExtension } from '../shared/protocol';
import type { MarkdownRenderer } from './markdown';
import type { PanelState } from './state';

/** What the sections share: strings, Markdown, state, and the way out to the extension. */
export interface PanelContext {
  t(key: StringKey, values?: Readonly<Record<string, string | number>>): string;
  readonly md: MarkdownRenderer;
  readonly state: PanelState;
  /** Persists `state` with `setState`. */
  save(): void;
  post(message: ToExtension): void;
  /** Sends a question to the teacher and shows the Chat tab. */
  ask(text: string, intent: PanelIntent, extra?: { cardId?: string; week?: string; display?: string }): void;
  selectTab(tab: TabId): void;
}

/** Ctrl+Enter (Cmd+Enter on macOS) in a text box sends it. */
export function isSendShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey;
}
