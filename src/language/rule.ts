import type { Node, Tree } from 'web-tree-sitter';
import type { Localized, Range, RuleMeta, Severity } from './types';
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

export interface PythonRule extends RuleMeta, Matching {
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
  check(context: PythonContext): void;
}

/** YAML rules run once per document whose kind is in `documentKinds`. */
export interface YamlRule extends RuleMeta, Matching {
  readonly language: 'yaml';
  readonly documentKinds: RuleMeta['documentKinds'] & object;
  check(context: YamlContext, document: YamlDocument): void;
}

export type Rule = PythonRule | YamlRule;

/** Identity helpers that give rule files a checked shape without casts. */
export function pythonRule(rule: PythonRule): PythonRule {
  return rule;
}
export function yamlRule(rule: YamlRule): YamlRule {
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
