import type { Node, Tree } from 'web-tree-sitter';
import type { Lang, Localized, Range, RuleMeta, Severity } from './types';
import type { ProjectView } from './project/index';
import type { CallInfo, PythonModel } from './python/model';
import type { RuleMatch } from './query';
import type { YamlDocument, YamlModel } from './yaml/model';

/** What a rule hands to `report`: a node or a range, a message id, and template data. */
export interface Report {
  readonly node?: Node;
  readonly range?: Range;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /**
   * When this case is more or less serious than the rule's default (unpickling request bytes
   * versus loading one's own artifact at start-up). A config setting for the rule or its
   * category still wins.
   */
  readonly severity?: Severity;
  /**
   * Why this case is rated away from the default: a key of the rule's `severityReasons`. It also
   * gives the severity when `severity` is absent. The finding carries the rendered reason, so the
   * editor, the rule page and the teacher can say "info: the service loads its own model file once
   * at start-up" instead of a bare level.
   */
  readonly severityReason?: string;
  /**
   * Other places of the same file that belong to the lesson (the line that prints the score a
   * tracker would record): the editor shows them with the finding, whose range stays the squiggle.
   */
  readonly related?: readonly { readonly range: Range; readonly message: Localized }[];
}

interface BaseContext {
  readonly path: string;
  readonly text: string;
  /** The matches of the rule's `query` in this file, in document order (empty without a query). */
  readonly matches: readonly RuleMatch[];
  report(report: Report): void;
}

/**
 * The declarative part of a rule: tree-sitter query patterns (S-expressions) matched inside
 * WASM, once per file for all rules together. A rule with a query runs its `check` only in
 * files where the query matched; a rule without one (say, "this app has no health route")
 * runs on every file of its language.
 */
interface Matching {
  readonly query?: string;
}

export interface PythonContext extends BaseContext {
  readonly tree: Tree;
  readonly model: PythonModel;
  /** The calls whose resolved name is in the rule's `callees`, in document order (empty without). */
  readonly calls: readonly CallInfo[];
}

export interface YamlContext extends BaseContext {
  readonly model: YamlModel;
}

/** A finding of the project pass: on any file of the project, possibly caused by another one. */
export interface ProjectReport {
  readonly path: string;
  readonly range: Range;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly severity?: Severity;
  /** As for a per-file report: a key of the rule's `severityReasons`, which sets the level and says why. */
  readonly severityReason?: string;
  /** The places in other files that cause the finding (the app's route list, the Dockerfile's CMD). */
  readonly related?: readonly { readonly path: string; readonly range: Range; readonly message: Localized }[];
}

export interface ProjectContext {
  /** The joined facts of every file of the project (see project/index.ts). */
  readonly view: ProjectView;
  readonly lang: Lang;
  report(report: ProjectReport): void;
  /**
   * Withdraws this rule's per-file finding on that line of that file: the project shows it is not
   * a problem. With no line, every per-file finding of this rule in that file.
   */
  withdraw(path: string, line?: number): void;
}

/**
 * Runs once over the project index after the per-file pass (see project/run.ts). A per-file
 * rule whose answer may lie in another file keeps its per-file `check` (for a lone file) and
 * adds this hook; a rule about how files fit together has only the hook.
 */
interface ProjectHook {
  project?(context: ProjectContext): void;
}

export interface PythonRule extends RuleMeta, Matching, ProjectHook {
  readonly language: 'python';
  /**
   * The calls the rule looks at, by resolved dotted name after imports and aliases
   * (`pickle.load` also finds `from pickle import load as l; l(f)`); a name starting with a
   * dot matches any receiver (`.fit_transform`), as `PythonModel.callsTo` does. Names are a
   * job for this selector, not for a query: a query's text predicates (`#eq?`, `#match?`) run
   * in JavaScript on every structural match, so `(call function: (identifier) @f (#eq? @f
   * "eval"))` marshals every call of the file, while this looks names up in an index the
   * model builds once. Like a query, it gates the rule: with `query` and/or `callees`
   * declared, `check` runs only in files where at least one of them found something.
   * A regular expression is tested against every call's resolved name.
   */
  readonly callees?: readonly (string | RegExp)[];
  /**
   * Each finding comes from one call or query match the rule is given (`context.calls`,
   * `context.matches`), lies inside that call's or match's top-level statement, and is computed
   * from that statement plus the file-wide facts of `fileFacts` in incremental.ts (imports, bound
   * instances, framework, role, handlers, function and class names, decorators, the main guard,
   * whether it is a notebook export).
   * After an edit, such a rule re-runs on the edited statements alone and keeps its other
   * findings. A rule that iterates the model's own lists (`model.calls`, `model.handlers` ...),
   * looks at other statements (helpers elsewhere in the file) or reports away from its call is
   * not local. Declare it only with the property test (test/unit/incremental.test.ts) green.
   *
   * `'handler'` is the wider class of the rules that follow a request handler into the rest of
   * the file: each finding lies in one top-level statement and is computed from that statement
   * and what lies outside the request handlers (imports, app set-up, module-level helpers,
   * registered error handlers), never from another handler's body. Such a rule may iterate
   * `model.handlers` and `model.calls` and read helpers anywhere, and reads an except clause of
   * `model.excepts` only to report inside it; after an edit inside a handler it re-runs with
   * `model.handlers` (and `model.excepts`) holding the edited region's only, and keeps its findings
   * elsewhere while the text outside the handlers is unchanged (`handlerBodies` and `heldAround` in incremental.ts).
   *
   * `'statement'` is the class of the rules that iterate the model's lists (`model.calls`,
   * `model.functions`, `model.assignments` ...) but judge each item by its own top-level statement:
   * each finding lies in one top-level statement and is computed from that statement, the
   * file-wide facts and the module's code outside the bodies of its top-level functions (imports,
   * constants, app set-up, classes), never from another function's body (no helper followed, no
   * "anywhere in the file" search, no one-finding-per-file). After an edit inside a function's
   * body it re-runs on a model whose lists hold the edited statements' items only
   * (`statementView` in incremental.ts) and keeps its findings elsewhere while the text outside the
   * function bodies is unchanged (`functionBodies`). A rule without a declaration re-runs on the
   * whole file: never wrong, only not sped up.
   */
  readonly local?: boolean | 'handler' | 'statement';
  /**
   * For a `local: 'statement'` rule that also reads a little of the rest of the file (whether any
   * call loads a model, a later use of a name): what it reads there, as text, computed on the
   * whole file's model. After an edit the rule keeps its findings outside the region only while
   * this is unchanged too; otherwise it re-runs on the whole file, as a rule without `local` does.
   * Inside `check`, `model.whole` is the whole file's model (a statement view holds the region's
   * items only). Undefined: the findings are not statement-local in this file. Keep it small and
   * cheap: it is computed on every re-lint.
   */
  readonly statementFact?: (model: PythonModel) => string | undefined;
  check(context: PythonContext): void;
}

/** YAML rules run once per document whose kind is in `documentKinds`. */
export interface YamlRule extends RuleMeta, Matching, ProjectHook {
  readonly language: 'yaml';
  readonly documentKinds: RuleMeta['documentKinds'] & object;
  check(context: YamlContext, document: YamlDocument): void;
}

/** A rule about how the files of a project fit together; `language` is that of the files it reports on. */
export interface ProjectRule extends RuleMeta {
  readonly scope: 'project';
  readonly query?: undefined;
  project(context: ProjectContext): void;
}

export type FileRule = PythonRule | YamlRule;
export type Rule = FileRule | ProjectRule;

export function isFileRule(rule: Rule): rule is FileRule {
  return !('scope' in rule);
}

/** Identity helpers that give rule files a checked shape without casts. */
export function pythonRule(rule: PythonRule): PythonRule {
  return rule;
}
export function yamlRule(rule: YamlRule): YamlRule {
  return rule;
}
export function projectRule(rule: ProjectRule): ProjectRule {
  return rule;
}

export function l(ko: string, en: string): Localized {
  return { ko, en };
}

export function nodeRange(node: Node): Range {
  // Each read of `endPosition` crosses into WASM; the start position is stored on the node.
  const start = node.startPosition;
  const end = node.endPosition;
  return {
    start: { line: start.row, column: start.column },
    end: { line: end.row, column: end.column },
  };
}
