import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';
import type { PythonModel } from './model';
import { statementNames } from './scopes';

/** A name no scope binds (`undefinedNames`), placed by range: its node may be in the tree of an earlier lint. */
export interface UndefinedName {
  readonly name: string;
  readonly range: Range;
  /** The innermost function whose body runs the use (its start and name); undefined at import. */
  readonly inFunction: { readonly startIndex: number; readonly name: string } | undefined;
}

/** One statement's part of the scope walk, positions relative to the statement's start (rows) and its text (indices). */
interface StatementPart {
  readonly binds: ReadonlySet<string>;
  readonly uses: readonly {
    readonly name: string;
    readonly row: number;
    readonly column: number;
    readonly endRow: number;
    readonly endColumn: number;
    readonly fn: { readonly at: number; readonly name: string } | undefined;
  }[];
}

/** A statement nested too deep to judge: the file then gets no verdict, as from `undefinedNames`. */
const TOO_DEEP = 'too deep';
const NOTHING: StatementPart = { binds: new Set(), uses: [] };

function partOf(statement: Node, source: string): StatementPart | typeof TOO_DEEP {
  // The walk from the root visits the named children only.
  if (!statement.isNamed) return NOTHING;
  const scanned = statementNames(statement, source);
  if (!scanned) return TOO_DEEP;
  const { startIndex, startPosition } = statement;
  const uses = scanned.uses.map((use) => {
    const { startPosition: start, endPosition: end } = use.node;
    const fn = use.inFunction && { at: use.inFunction.startIndex - startIndex, name: use.inFunction.childForFieldName('name')?.text ?? '?' };
    return { name: use.name, row: start.row - startPosition.row, column: start.column, endRow: end.row - startPosition.row, endColumn: end.column, fn };
  });
  return { binds: scanned.binds, uses };
}

/**
 * `undefinedNames` of the model's file, joined from each top-level statement's part
 * (`statementNames`): a use its statement leaves unbound is undefined when no other statement binds
 * the name at module level, and only the first such use of a name counts. The parts are kept per
 * statement across re-lints (`PythonModel.perStatement`), so after an edit only the edited
 * statements are walked.
 */
export function undefinedNamesOf(model: PythonModel): UndefinedName[] {
  // The source is index-aligned with the tree: a statement's part reads its own span of it.
  const parts = model.perStatement('undefined-names', (statement) => partOf(statement, model.source));
  const bound = new Set<string>();
  for (const part of parts) {
    if (part === TOO_DEEP) return [];
    for (const name of part.binds) bound.add(name);
  }
  const statements = model.statements;
  const seen = new Set<string>();
  const found: UndefinedName[] = [];
  parts.forEach((part, i) => {
    if (part === TOO_DEEP) return;
    for (const use of part.uses) {
      if (bound.has(use.name) || seen.has(use.name)) continue;
      seen.add(use.name);
      const { startIndex, startPosition } = statements[i];
      const row = startPosition.row;
      found.push({
        name: use.name,
        range: { start: { line: row + use.row, column: use.column }, end: { line: row + use.endRow, column: use.endColumn } },
        inFunction: use.fn && { startIndex: startIndex + use.fn.at, name: use.fn.name },
      });
    }
  });
  return found;
}
