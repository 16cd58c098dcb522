import type { FileFacts } from './project/facts';

/**
 * Shared vocabulary of the language layer. Everything here is plain data so the
 * CLI, the teacher, the webview and the VS Code adapter can all consume it.
 */

export type Lang = 'ko' | 'en';

/** A text in both languages the product speaks. Korean first, English too. */
export interface Localized {
  readonly ko: string;
  readonly en: string;
}

export const CATEGORIES = ['validation', 'error-handling', 'observability', 'health', 'security', 'reliability', 'scalability', 'reproducibility', 'delivery'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The one ranking of severities, higher is more severe. `hint` is the editor's level below info
 * (a user override); the engine itself never reports it.
 */
export const SEVERITY_RANK: Readonly<Record<Severity | 'hint', number>> = { hint: 0, info: 1, warning: 2, error: 3 };

/** Sort comparator: the most severe first. */
export function mostSevereFirst(a: Severity | 'hint', b: Severity | 'hint'): number {
  return SEVERITY_RANK[b] - SEVERITY_RANK[a];
}

/**
 * Orders rule ids as `localeCompare` did, without it: a first `localeCompare` loads ICU's
 * collation (20 to 45 ms), which the editor's first lint of a file paid for. For kebab-case
 * ids (`rules-meta.test.ts` holds every id to `[a-z0-9-]`) code-unit order is the same order.
 */
export function compareRuleIds(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Findings in reading order: line, column, then rule id. */
export function findingOrder(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || compareRuleIds(a.ruleId, b.ruleId);
}

export type SourceLanguage = 'python' | 'yaml';
/** The languages rules report in: the parsed ones, and Dockerfiles, which the project model reads. */
export type RuleLanguage = SourceLanguage | 'dockerfile';

/** The parsed language whose comment and string rules a file of this language follows (`#` comments, no strings across lines). */
export function commentLanguage(language: RuleLanguage): SourceLanguage {
  return language === 'dockerfile' ? 'yaml' : language;
}

/** The kinds of YAML document the rules know about. */
export type YamlDocKind = 'kubernetes' | 'compose' | 'github-actions' | 'prometheus-rules' | 'other';

/** Zero-based position, columns counted in UTF-16 code units (as VS Code does). */
export interface Position {
  readonly line: number;
  readonly column: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A curriculum week reference such as "beginner/5" or "advanced/3" or "capstone/1". */
export type WeekRef = `${'beginner' | 'intermediate' | 'advanced' | 'capstone'}/${number}`;

export interface RuleDocs {
  /** One sentence: what the rule flags. */
  readonly summary: Localized;
  /** Why it matters in production. */
  readonly why: Localized;
  /** A minimal bad example; the meta test requires the rule to fire on it. */
  readonly bad: string;
  /** A better direction; the meta test requires the rule to stay silent on it. It may contain TODOs. */
  readonly good: string;
}

export interface RuleMeta {
  /** kebab-case, equal to the file name; names the pattern, not the fix. */
  readonly id: string;
  readonly language: RuleLanguage;
  /** For YAML rules, the document kinds the rule applies to. */
  readonly documentKinds?: readonly YamlDocKind[];
  readonly category: Category;
  readonly severity: Severity;
  /** Message templates by id. Placeholders are `{name}` and are filled from the report's data. */
  readonly messages: Readonly<Record<string, Localized>>;
  readonly docs: RuleDocs;
  /** Curriculum weeks this rule belongs to (the first is the one that teaches it). */
  readonly weeks: readonly WeekRef[];
  /** At least two Socratic questions, most important first. */
  readonly questions: readonly Localized[];
  /** A TODO skeleton in the file's language: considerations and TODO comments, never a finished fix. */
  readonly scaffold: Localized;
  /** Related ids in other tools (Bandit B301, Ruff S301, kube-linter ...), used as SARIF tags. */
  readonly anchors?: readonly string[];
  /**
   * The cases the rule rates above or below its default severity, by id: the level and why (a
   * `{name}` template filled from the report's data). Reports name one with `severityReason`.
   */
  readonly severityReasons?: Readonly<Record<string, SeverityReason>>;
}

export interface SeverityReason {
  readonly severity: Severity;
  readonly message: Localized;
}

export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  /** Message already rendered in the requested language. */
  readonly message: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly range: Range;
  /** Values used to fill the message template; also useful to the teacher. */
  readonly data?: Readonly<Record<string, string | number>>;
  /** Set when the rule rated this case away from its default severity: the reason's id and its text in the requested language. */
  readonly severityReasonId?: string;
  readonly severityReason?: string;
  /** Places in other files that cause this finding (a probe's path vs the app's routes). */
  readonly related?: readonly RelatedLocation[];
}

export interface RelatedLocation {
  /** The file's path as the project index knows it. */
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

/**
 * Something the engine could not do: a rule that threw, a part of the file it skipped. The kind
 * decides the file's status (language/notices.ts): `syntax` and `encoding` make it partial,
 * `skipped` skipped, `unreadable` and `internal-error` an error; `truncated` (findings over the
 * per-file cap were left out) leaves it as it is.
 */
export interface EngineNotice {
  readonly kind: 'skipped' | 'internal-error' | 'syntax' | 'encoding' | 'unreadable' | 'truncated';
  /** A stable reason for tools: `too-large`, `binary`, `fifo`, `permission-denied`, `python2`... */
  readonly code?: string;
  readonly message: string;
  readonly ruleId?: string;
  readonly range?: Range;
}

/** What the teacher and the panel need to know about the file, without the tree. */
export interface FileSummary {
  readonly language: SourceLanguage;
  /** python: 'serving' | 'training' | 'library' | 'script'; yaml: the document kinds found. */
  readonly role: string;
  readonly framework?: string;
  readonly handlers?: readonly { readonly name: string; readonly route?: string; readonly line: number }[];
  readonly loadsModel?: boolean;
  readonly yamlKinds?: readonly YamlDocKind[];
  readonly lineCount: number;
}

export interface LintResult {
  readonly path: string;
  readonly findings: readonly Finding[];
  readonly notices: readonly EngineNotice[];
  /** Absent when the file was skipped before parsing. */
  readonly summary?: FileSummary;
  /** The file's project facts, when asked for (`LintOptions.facts`); plain data from the same parse. */
  readonly facts?: FileFacts;
}
