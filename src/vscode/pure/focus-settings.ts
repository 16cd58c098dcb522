import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type Node } from 'jsonc-parser';

/**
 * The exercise focus mode's settings edits, as pure text transformations of a settings file
 * (`.vscode/settings.json`, or a `.code-workspace` file's `settings` object). Working on the
 * text rather than through `WorkspaceConfiguration.update` is what makes the restore exact:
 * the API cannot write a setting nobody registered (Copilot's, when Copilot is not installed),
 * re-serialises values in its own format, and leaves `{}` or an empty file behind where there
 * was none. Here the snapshot keeps the file's bytes and each value's source text, and putting
 * them back reproduces the file byte for byte, "not set" included.
 */

/** Inline AI-completion switches every learner may have, and the value that turns each off. */
export const AI_COMPLETION_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  'editor.inlineSuggest.enabled': false,
  'github.copilot.enable': { '*': false },
  'github.copilot.nextEditSuggestions.enabled': false,
});

export interface FocusEntry {
  readonly key: string;
  /** The value's source text before focus mode (comments and spacing kept), or `null` for "not set". */
  readonly before: string | null;
  /** The value focus mode wrote. */
  readonly wrote: unknown;
}

/** Everything needed to undo focus mode later, even in another session (it is persisted first). */
export interface FocusSnapshot {
  readonly version: 1;
  readonly week: string;
  /** The settings file, as a URI string. */
  readonly file: string;
  /** `[]` for a folder's settings.json, `['settings']` for a workspace file. */
  readonly prefix: readonly string[];
  /** The whole file before focus mode, `null` when it did not exist. */
  readonly original: string | null;
  /** The whole file as focus mode left it. */
  readonly written: string;
  readonly entries: readonly FocusEntry[];
}

export type FocusEdit = { readonly ok: true; readonly text: string; readonly entries: FocusEntry[] } | { readonly ok: false; readonly reason: string };

/** The settings focus mode writes: the known ones, then the learner's extra ones (which win). */
export function focusSettings(extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ...AI_COMPLETION_SETTINGS, ...extra };
}

/**
 * The learner's extra settings, normalised: an object maps setting ids to the value to write, a
 * list of ids writes `false` to each. Anything else, and ids that are not setting-shaped, are
 * dropped; `aiTeacher.*` is never touched.
 */
export function toExtraSettings(value: unknown): Readonly<Record<string, unknown>> {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string').map((key) => [key, false])
    : value !== null && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
      : [];
  const valid = entries.filter(([key, v]) => /^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(key.trim()) && !key.trim().startsWith('aiTeacher.') && v !== undefined);
  return Object.freeze(Object.fromEntries(valid.map(([key, v]) => [key.trim(), v])));
}

/** Writes `settings` into the file's text (created when `text` is `null`), remembering what was there. */
export function applyFocus(text: string | null, prefix: readonly string[], settings: Readonly<Record<string, unknown>>): FocusEdit {
  let current = text ?? '';
  const tree = current.trim() ? parseTree(current) : undefined;
  if (current.trim() && (!tree || tree.type !== 'object')) return { ok: false, reason: 'the file is not a JSON object' };
  if (prefix.length && tree) {
    const container = findNodeAtLocation(tree, [...prefix]);
    if (container && container.type !== 'object') return { ok: false, reason: `"${prefix.join('.')}" is not an object` };
  }
  const options = formattingOf(current);
  const entries: FocusEntry[] = [];
  for (const [key, value] of Object.entries(settings)) {
    const node = valueNode(current, prefix, key);
    entries.push({ key, before: node ? source(current, node) : null, wrote: value });
    current = applyEdits(current, modify(current, [...prefix, key], value, { formattingOptions: options }));
  }
  if (!current.endsWith(options.eol ?? '\n') && (text === null || text.endsWith('\n'))) current += options.eol ?? '\n';
  return { ok: true, text: current, entries };
}

export interface FocusRestore {
  /** The file's new text, or `null` to delete the file (it did not exist before focus mode). */
  readonly text: string | null;
  /** Settings the learner changed while focus mode was on: their values stay. */
  readonly kept: readonly string[];
}

/**
 * Undoes focus mode on the file as it is now. Untouched since focus mode wrote it: the original
 * bytes come back (or the file goes away). Edited meanwhile: each setting focus mode wrote gets
 * its old source text back, or is removed when it was not set, unless the learner changed that
 * setting too, which then keeps the learner's value. Other edits stay as they are.
 */
export function restoreFocus(current: string | null, snapshot: FocusSnapshot): FocusRestore {
  if (current === snapshot.written) return { text: snapshot.original, kept: [] };
  if (current === null) return { text: null, kept: [] };
  const tree = current.trim() ? parseTree(current) : undefined;
  if (!tree || tree.type !== 'object') return { text: current, kept: snapshot.entries.map((e) => e.key) };
  let text = current;
  const kept: string[] = [];
  const options = formattingOf(text);
  for (const entry of snapshot.entries) {
    const node = valueNode(text, snapshot.prefix, entry.key);
    if (node && !sameValue(source(text, node), entry.wrote)) {
      kept.push(entry.key);
      continue;
    }
    if (entry.before === null) {
      if (node) text = applyEdits(text, modify(text, [...snapshot.prefix, entry.key], undefined, { formattingOptions: options }));
      continue;
    }
    // Put the old source text back exactly: insert a placeholder where needed, then splice.
    if (!node) text = applyEdits(text, modify(text, [...snapshot.prefix, entry.key], null, { formattingOptions: options }));
    const target = valueNode(text, snapshot.prefix, entry.key);
    if (target) text = text.slice(0, target.offset) + entry.before + text.slice(target.offset + target.length);
  }
  return { text, kept };
}

function valueNode(text: string, prefix: readonly string[], key: string): Node | undefined {
  const tree = text.trim() ? parseTree(text) : undefined;
  return tree ? findNodeAtLocation(tree, [...prefix, key]) : undefined;
}

function source(text: string, node: Node): string {
  return text.slice(node.offset, node.offset + node.length);
}

function sameValue(sourceText: string, value: unknown): boolean {
  const tree = parseTree(sourceText);
  return tree !== undefined && JSON.stringify(nodeValue(tree)) === JSON.stringify(value);
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children?.[0]?.value as string, p.children?.[1] ? nodeValue(p.children[1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value as unknown;
  }
}

/** Indentation and line ends as the file already uses them (VS Code writes tabs and `\n`). */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!indent || indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indent.length, eol };
}
