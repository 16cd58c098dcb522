/**
 * Inline suppression comments, in Python and YAML alike:
 *   `# ai-teacher: ignore`               every finding on this line
 *   `# ai-teacher: ignore[rule-a, rule-b]` those rules on this line
 *   `# ai-teacher: ignore-file[rule-a]`  that rule in the whole file
 * A comment alone on its line applies to the next line, so block YAML keys can be silenced
 * without touching the value.
 */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

const PATTERN = /#\s*ai-teacher:\s*(ignore-file|ignore)(?:\[([^\]]*)\])?/g;

export function parseSuppressions(text: string): Suppressions {
  if (!text.includes('ai-teacher:')) return { isSuppressed: () => false };
  const { byLine, fileRules } = scan(text);
  return {
    isSuppressed(ruleId, line) {
      if (fileRules.has(ruleId)) return true;
      const entry = byLine.get(line);
      return entry === 'all' || (entry !== undefined && entry.has(ruleId));
    },
  };
}

/** The same comments as plain data, kept with a file's project facts. */
export interface SuppressionList {
  readonly file: readonly string[];
  readonly lines: readonly (readonly [number, readonly string[] | '*'])[];
}

export const NO_SUPPRESSIONS: SuppressionList = Object.freeze({ file: [], lines: [] });

export function suppressionList(text: string): SuppressionList {
  if (!text.includes('ai-teacher:')) return NO_SUPPRESSIONS;
  const { byLine, fileRules } = scan(text);
  return { file: [...fileRules], lines: [...byLine].map(([line, rules]) => [line, rules === 'all' ? '*' : [...rules]] as const) };
}

export function isListed(list: SuppressionList, ruleId: string, line: number): boolean {
  if (list.file.includes(ruleId)) return true;
  const entry = list.lines.find(([at]) => at === line)?.[1];
  return entry === '*' || (entry !== undefined && entry.includes(ruleId));
}

function scan(text: string): { byLine: Map<number, Set<string> | 'all'>; fileRules: Set<string> } {
  const byLine = new Map<number, Set<string> | 'all'>();
  const fileRules = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!line.includes('ai-teacher:')) return;
    for (const match of line.matchAll(PATTERN)) {
      const rules = match[2]
        ?.split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      if (match[1] === 'ignore-file') {
        rules?.forEach((r) => fileRules.add(r));
        continue;
      }
      const target = line.trimStart().startsWith('#') ? index + 1 : index;
      const existing = byLine.get(target);
      if (!rules || rules.length === 0 || existing === 'all') byLine.set(target, 'all');
      else byLine.set(target, new Set([...(existing ?? []), ...rules]));
    }
  });
  return { byLine, fileRules };
}
