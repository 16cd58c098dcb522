import type { Node, Tree } from 'web-tree-sitter';
import type { Localized, Range, RuleMeta, Severity } from './types';
import type { PythonModel } from './python/model';
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
  report(report: Report): void;
}

export interface PythonContext extends BaseContext {
  readonly tree: Tree;
  readonly model: PythonModel;
}

export interface YamlContext extends BaseContext {
  readonly model: YamlModel;
}

export interface PythonRule extends RuleMeta {
  readonly language: 'python';
  check(context: PythonContext): void;
}

/** YAML rules run once per document whose kind is in `documentKinds`. */
export interface YamlRule extends RuleMeta {
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
