/**
 * The scoring half of `npm run accuracy`: matches what the linter reported on a corpus case
 * against what reviewers expect there, and adds the matches up per category and per set.
 * Pure data in, data out (no files, no engine), so test/unit/accuracy.test.ts can check it on
 * tiny synthetic inputs.
 *
 * A finding matches an expected issue when it is in the same file, its line falls in one of
 * the issue's locations (widened by `tolerance` lines; a location without lines is the whole
 * file), and its category is the issue's category, one of its accepted categories or its rule
 * id is one of the accepted rule ids. Each finding is credited to at most one issue, chosen by
 * a maximum bipartite matching so that the recall is the best the findings allow. A finding is
 * also placed at each related location it names (the command that starts a root process, for a
 * root image reported on its FROM): the editor shows those places with the finding, and reviewers
 * split between them. A finding
 * that could match an issue already found by another finding is a duplicate, not a false
 * finding; a finding that matches no issue at all is false.
 */
import { CATEGORIES, type Category } from '../src/language/types';

export const DEFAULT_TOLERANCE = 2;
export const SETS = ['dev', 'holdout'] as const;
export type CaseSet = (typeof SETS)[number];

/** A place in a case: one file, and a one-based inclusive line range (none: the whole file). */
export interface Location {
  readonly file: string;
  readonly start?: number;
  readonly end?: number;
}

export interface ExpectedIssue {
  /** Stable within its case, e.g. `app.py#3`. */
  readonly id: string;
  readonly locations: readonly Location[];
  readonly category: Category;
  /** Further categories and rule ids that also count as finding this issue. */
  readonly accept: readonly string[];
  readonly description: string;
  readonly severity?: 'high' | 'medium' | 'low';
  readonly note?: string;
}

/** A place a naive linter would flag and a reviewer would not. */
export interface NegativeControl {
  readonly id: string;
  readonly location: Location;
  /** Findings of these rule ids trip it when rules are given, else findings of this category, else any finding there. */
  readonly category?: Category;
  readonly rules: readonly string[];
  readonly description: string;
}

export interface ObservedFinding {
  readonly file: string;
  /** One-based. */
  readonly line: number;
  readonly ruleId: string;
  readonly category: string;
  readonly message: string;
  /** Places the finding names as part of the same lesson (shown with it in the editor); they count as its location too. */
  readonly related?: readonly { readonly file: string; readonly line: number }[];
}

export interface CaseInput {
  readonly id: string;
  readonly set: CaseSet;
  readonly issues: readonly ExpectedIssue[];
  readonly controls: readonly NegativeControl[];
  readonly findings: readonly ObservedFinding[];
}

export interface CaseScore {
  readonly id: string;
  readonly set: CaseSet;
  readonly found: readonly { issue: ExpectedIssue; finding: ObservedFinding }[];
  readonly missed: readonly ExpectedIssue[];
  /** Findings that match an issue another finding was credited with. */
  readonly duplicates: readonly ObservedFinding[];
  /** Findings that match no expected issue. */
  readonly unexpected: readonly ObservedFinding[];
  /** Negative controls with at least one unexpected finding on them, and those findings. */
  readonly trippedControls: readonly { control: NegativeControl; findings: readonly ObservedFinding[] }[];
}

export function inLocation(location: Location, file: string, line: number, tolerance: number): boolean {
  if (location.file !== file) return false;
  if (location.start === undefined) return true;
  const end = location.end ?? location.start;
  return line >= location.start - tolerance && line <= end + tolerance;
}

export function findingMatchesIssue(finding: ObservedFinding, issue: ExpectedIssue, tolerance = DEFAULT_TOLERANCE, withRelated = true): boolean {
  const kindMatches = finding.category === issue.category || issue.accept.includes(finding.category) || issue.accept.includes(finding.ruleId);
  if (!kindMatches) return false;
  const places = [{ file: finding.file, line: finding.line }, ...(withRelated ? (finding.related ?? []) : [])];
  return issue.locations.some((location) => places.some((place) => inLocation(location, place.file, place.line, tolerance)));
}

/** Rule ids, when given, name exactly what trips a control; else its category; else any finding. */
export function findingTripsControl(finding: ObservedFinding, control: NegativeControl, tolerance = DEFAULT_TOLERANCE): boolean {
  if (!inLocation(control.location, finding.file, finding.line, tolerance)) return false;
  if (control.rules.length > 0) return control.rules.includes(finding.ruleId);
  return control.category === undefined || finding.category === control.category;
}

/** Scores one case. */
export function scoreCase(input: CaseInput, tolerance = DEFAULT_TOLERANCE): CaseScore {
  const { issues, findings } = input;
  // An issue that names the finding's rule id is tried first, so a missing-metrics finding is
  // credited to "no metrics" rather than to "no logging" in the same file.
  const candidates = findings.map((finding) => {
    const matching = issues.map((issue, index) => (findingMatchesIssue(finding, issue, tolerance) ? index : -1)).filter((index) => index >= 0);
    const named = (index: number) => (issues[index].accept.includes(finding.ruleId) ? 0 : 1);
    return matching.sort((a, b) => named(a) - named(b) || a - b);
  });
  const issueOwner = maximumMatching(candidates, issues.length);

  const credited = new Set<number>();
  const found: { issue: ExpectedIssue; finding: ObservedFinding }[] = [];
  const missed: ExpectedIssue[] = [];
  issues.forEach((issue, index) => {
    const owner = issueOwner[index];
    if (owner >= 0) {
      credited.add(owner);
      found.push({ issue, finding: findings[owner] });
    } else missed.push(issue);
  });
  const duplicates: ObservedFinding[] = [];
  const unexpected: ObservedFinding[] = [];
  findings.forEach((finding, index) => {
    if (credited.has(index)) return;
    // A related place earns a finding credit for an issue, never cover as a duplicate: a finding
    // that matches only through the place it names, where another finding was credited, is false.
    const duplicate = issues.some((issue) => findingMatchesIssue(finding, issue, tolerance, false));
    (duplicate ? duplicates : unexpected).push(finding);
  });
  const trippedControls = input.controls
    .map((control) => ({ control, findings: unexpected.filter((finding) => findingTripsControl(finding, control, tolerance)) }))
    .filter((entry) => entry.findings.length > 0);
  return { id: input.id, set: input.set, found, missed, duplicates, unexpected, trippedControls };
}

/**
 * Kuhn's augmenting-path matching. `candidates[f]` lists the issues finding `f` may match;
 * returns, per issue, the finding credited with it or -1. Cases hold tens of findings, so the
 * simple O(V·E) algorithm is plenty.
 */
export function maximumMatching(candidates: readonly (readonly number[])[], issueCount: number): number[] {
  const owner = new Array<number>(issueCount).fill(-1);
  const tryAssign = (finding: number, visited: boolean[]): boolean => {
    for (const issue of candidates[finding]) {
      if (visited[issue]) continue;
      visited[issue] = true;
      if (owner[issue] < 0 || tryAssign(owner[issue], visited)) {
        owner[issue] = finding;
        return true;
      }
    }
    return false;
  };
  candidates.forEach((_, finding) => tryAssign(finding, new Array<boolean>(issueCount).fill(false)));
  return owner;
}

export interface Tally {
  expected: number;
  found: number;
}

export interface SetSummary {
  readonly set: CaseSet;
  readonly cases: number;
  readonly byCategory: Readonly<Record<Category, Tally>>;
  readonly overall: Tally;
  readonly findings: number;
  readonly matched: number;
  readonly duplicates: number;
  readonly unexpected: number;
  /** unexpected / findings (0 when there are no findings). */
  readonly falseRate: number;
  readonly controls: number;
  readonly trippedControls: number;
}

export function recall(tally: Tally): number | undefined {
  return tally.expected === 0 ? undefined : tally.found / tally.expected;
}

export function summarise(set: CaseSet, scores: readonly CaseScore[], controlCount: number): SetSummary {
  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, { expected: 0, found: 0 }])) as Record<Category, Tally>;
  const overall: Tally = { expected: 0, found: 0 };
  let matched = 0;
  let duplicates = 0;
  let unexpected = 0;
  let tripped = 0;
  for (const score of scores) {
    for (const { issue } of score.found) {
      byCategory[issue.category].found++;
      byCategory[issue.category].expected++;
    }
    for (const issue of score.missed) byCategory[issue.category].expected++;
    overall.found += score.found.length;
    overall.expected += score.found.length + score.missed.length;
    matched += score.found.length;
    duplicates += score.duplicates.length;
    unexpected += score.unexpected.length;
    tripped += score.trippedControls.length;
  }
  const findings = matched + duplicates + unexpected;
  return {
    set,
    cases: scores.length,
    byCategory,
    overall,
    findings,
    matched,
    duplicates,
    unexpected,
    falseRate: findings === 0 ? 0 : unexpected / findings,
    controls: controlCount,
    trippedControls: tripped,
  };
}

/**
 * How a false finding sits next to a missed issue of the same case: the right lesson on another
 * line of the same file (`line`), on the right line under another category (`category`), or in
 * another file of the project (`file`, same category or an accepted rule id).
 */
export type NearMissKind = 'line' | 'category' | 'file';

export interface NearMiss {
  readonly finding: ObservedFinding;
  readonly issue: ExpectedIssue;
  readonly kind: NearMissKind;
  /** Lines between the finding and the issue's nearest location in the same file; 0 for a whole-file location; undefined across files. */
  readonly distance?: number;
}

const kindRank: Record<NearMissKind, number> = { line: 0, category: 1, file: 2 };

/** Lines from `line` to the nearest of the issue's locations in `file` (undefined when none is there). */
function distanceInFile(issue: ExpectedIssue, file: string, line: number): number | undefined {
  let best: number | undefined;
  for (const l of issue.locations) {
    if (l.file !== file) continue;
    const d = l.start === undefined ? 0 : Math.max(0, l.start - line, line - (l.end ?? l.start));
    if (best === undefined || d < best) best = d;
  }
  return best;
}

/**
 * The false findings of a scored case that sit next to one of its missed issues: for each false
 * finding, the closest missed issue by kind (line, then category, then file) and distance. A
 * line near miss is further than the tolerance (else it would have matched); a category near
 * miss is within it.
 */
export function nearMisses(score: CaseScore, tolerance = DEFAULT_TOLERANCE): NearMiss[] {
  const out: NearMiss[] = [];
  for (const finding of score.unexpected) {
    let best: NearMiss | undefined;
    for (const issue of score.missed) {
      const kindMatches = finding.category === issue.category || issue.accept.includes(finding.category) || issue.accept.includes(finding.ruleId);
      const distance = distanceInFile(issue, finding.file, finding.line);
      let candidate: NearMiss | undefined;
      if (distance !== undefined && kindMatches) candidate = { finding, issue, kind: 'line', distance };
      else if (distance !== undefined && distance <= tolerance) candidate = { finding, issue, kind: 'category', distance };
      else if (distance === undefined && kindMatches) candidate = { finding, issue, kind: 'file' };
      if (!candidate) continue;
      if (!best || kindRank[candidate.kind] < kindRank[best.kind] || (candidate.kind === best.kind && (candidate.distance ?? 0) < (best.distance ?? 0))) best = candidate;
    }
    if (best) out.push(best);
  }
  return out;
}
