/**
 * The one mechanism for the product's own UI strings (the adapter's toasts, quick-fix titles,
 * tooltips and status bar, the panel, the rule page, the week README's headings). A table holds
 * every key in English and Korean; callers pick the teacher language at the moment they speak,
 * so the whole screen follows `aiTeacher.teacher.language` instead of VS Code's display language
 * (which is all `vscode.l10n` can follow). Plain data and code: the extension, the webview, the
 * CLI and the tests import it alike.
 *
 * Every table is created with `defineStrings`, which registers it by name, so a unit test can walk
 * all of them and fail on a missing or empty translation or a placeholder only one side has.
 */
export type UiLang = 'ko' | 'en';
export type Values = Readonly<Record<string, string | number>>;

export interface StringTable<K extends string> {
  readonly name: string;
  readonly en: Readonly<Record<K, string>>;
  readonly ko: Readonly<Record<K, string>>;
}

const registry = new Map<string, StringTable<string>>();

/** Declares a table; the Korean side must have every English key (the type checker holds it to that). */
export function defineStrings<K extends string>(name: string, en: Readonly<Record<K, string>>, ko: Readonly<Record<NoInfer<K>, string>>): StringTable<K> {
  const table: StringTable<K> = Object.freeze({ name, en: Object.freeze({ ...en }), ko: Object.freeze({ ...ko }) });
  registry.set(name, table as StringTable<string>);
  return table;
}

/** Every table created so far (modules register theirs when they load). */
export function stringTables(): readonly StringTable<string>[] {
  return [...registry.values()];
}

/** Fills `{name}` placeholders; unknown placeholders stay as they are. */
export function format(template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A key's text in `lang`, with placeholders filled; English when a table lacks the key at run time. */
export function translate<K extends string>(table: StringTable<K>, lang: UiLang, key: K, values?: Values): string {
  return format(table[lang][key] ?? table.en[key] ?? key, values);
}

/** What is wrong with a table: keys missing or empty on one side, placeholders that differ. */
export function tableProblems(table: StringTable<string>): string[] {
  const problems: string[] = [];
  const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(',');
  const keys = new Set([...Object.keys(table.en), ...Object.keys(table.ko)]);
  for (const key of keys) {
    const en = table.en[key];
    const ko = table.ko[key];
    if (typeof en !== 'string' || !en.trim()) problems.push(`${table.name}: "${key}" has no English text`);
    if (typeof ko !== 'string' || !ko.trim()) problems.push(`${table.name}: "${key}" has no Korean text`);
    if (typeof en === 'string' && typeof ko === 'string' && placeholders(en) !== placeholders(ko)) {
      problems.push(`${table.name}: "${key}" placeholders differ: en {${placeholders(en)}} vs ko {${placeholders(ko)}}`);
    }
  }
  return problems;
}
