import { EMPTY_CONFIG, configuredSetting, type ProjectConfig } from '../config';
import { renderMessage, renderTemplate, type LintEngine, type LintOptions } from '../engine';
import type { ProjectContext, ProjectReport, Rule } from '../rule';
import { ALL_RULES } from '../rules';
import { isListed, NO_SUPPRESSIONS } from '../suppress';
import type { EngineNotice, Finding, Lang, LintResult, RelatedLocation } from '../types';
import { findingOrder } from '../types';
import { normalise, ProjectIndex } from './index';
import { projectFileKind, textFacts } from './text-facts';

/**
 * The project pass: after the per-file pass, every rule with a `project` hook runs once over
 * the index. It adds findings (on any file of the project) and may withdraw a per-file finding
 * of its own rule that the project shows to be wrong (the health route lives in a router the
 * app mounts). Per-file results stay a pure function of the file's text, so they can be cached
 * by content; the project's part is merged in when results are shown (`withProjectFindings`).
 */

export interface ProjectRunOptions {
  readonly lang?: Lang;
  /** The config that applies to a file (rule settings, severity overrides). */
  readonly config?: (path: string) => ProjectConfig;
  readonly rules?: readonly Rule[];
}

export interface ProjectResult {
  /** Findings by file path (index keys). */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** Per-file findings withdrawn, by file path, as `ruleId@line`. */
  readonly withdrawn: ReadonlyMap<string, ReadonlySet<string>>;
  /** Rules that failed in the project pass. */
  readonly notices: readonly EngineNotice[];
}

export const EMPTY_PROJECT_RESULT: ProjectResult = Object.freeze({ findings: new Map(), withdrawn: new Map(), notices: [] });

export function runProjectRules(index: ProjectIndex, options: ProjectRunOptions = {}): ProjectResult {
  const lang = options.lang ?? 'en';
  const configOf = options.config ?? (() => EMPTY_CONFIG);
  const rules = (options.rules ?? ALL_RULES).filter((rule) => rule.project !== undefined);
  const findings = new Map<string, Finding[]>();
  const withdrawn = new Map<string, Set<string>>();
  const notices: EngineNotice[] = [];
  let view;
  try {
    view = index.view();
  } catch (error) {
    return { findings, withdrawn, notices: [{ kind: 'internal-error', message: `the project model could not be built: ${(error as Error)?.message ?? String(error)}` }] };
  }
  for (const rule of rules) {
    const context: ProjectContext = {
      view,
      lang,
      report(report: ProjectReport) {
        const path = normalise(report.path);
        const config = configOf(path);
        const configured = configuredSetting(config, rule.id, rule.category);
        if (configured === 'off') return;
        const suppressions = index.get(path)?.suppressions ?? NO_SUPPRESSIONS;
        if (isListed(suppressions, rule.id, report.range.start.line)) return;
        const related: RelatedLocation[] | undefined = report.related?.map((r) => ({ path: r.path, range: r.range, message: r.message[lang] }));
        // As in the per-file pass: a case rated away from the default says why, unless the config decided.
        const reason = report.severityReason === undefined ? undefined : rule.severityReasons?.[report.severityReason];
        const severity = configured ?? report.severity ?? reason?.severity ?? rule.severity;
        const finding: Finding = {
          ruleId: rule.id,
          messageId: report.messageId,
          message: renderMessage(rule, report.messageId, report.data, lang),
          category: rule.category,
          severity,
          range: report.range,
          data: report.data,
          ...(reason && configured === undefined && severity !== rule.severity
            ? { severityReasonId: report.severityReason, severityReason: renderTemplate(reason.message, report.data, lang) }
            : {}),
          related: related?.length ? related : undefined,
        };
        const list = findings.get(path);
        if (list) list.push(finding);
        else findings.set(path, [finding]);
      },
      withdraw(path: string, line?: number) {
        const key = normalise(path);
        let set = withdrawn.get(key);
        if (!set) withdrawn.set(key, (set = new Set()));
        set.add(`${rule.id}@${line ?? '*'}`);
      },
    };
    try {
      rule.project!(context);
    } catch (error) {
      notices.push({ kind: 'internal-error', ruleId: rule.id, message: `rule ${rule.id} failed in the project pass: ${(error as Error)?.message ?? String(error)}` });
    }
  }
  for (const list of findings.values()) list.sort(findingOrder);
  return { findings, withdrawn, notices };
}

/**
 * A per-file result with the project's part merged in: withdrawn findings dropped (`rule@line`,
 * or `rule@*` for all of a rule's findings in the file), project
 * findings added, in line order. `key` is the file's path in the index.
 */
export function withProjectFindings(result: LintResult, project: ProjectResult | undefined, key: string = result.path): LintResult {
  if (!project) return result;
  const path = normalise(key);
  const added = project.findings.get(path) ?? [];
  const withdrawn = project.withdrawn.get(path);
  if (added.length === 0 && !withdrawn) return result;
  const kept = withdrawn ? result.findings.filter((f) => !withdrawn.has(`${f.ruleId}@${f.range.start.line}`) && !withdrawn.has(`${f.ruleId}@*`)) : result.findings;
  const findings = [...kept, ...added].sort(findingOrder);
  return { ...result, findings };
}

export interface ProjectFileInput {
  readonly path: string;
  readonly text: string;
}

/**
 * Lints a whole project held in memory (tests, rule docs, fixture folders): every Python and
 * YAML file through the engine with its facts, Dockerfiles and the like through their readers,
 * then the project pass, merged into one result per file.
 */
export function lintProject(
  engine: LintEngine,
  files: readonly ProjectFileInput[],
  options: LintOptions & { readonly root?: string } = {},
): { results: LintResult[]; project: ProjectResult; index: ProjectIndex } {
  const index = new ProjectIndex(options.root);
  const results: LintResult[] = [];
  for (const file of files) {
    const kind = projectFileKind(file.path);
    if (kind === 'python' || kind === 'yaml') {
      const result = engine.lintText(file.path, file.text, { ...options, facts: true });
      index.set(file.path, result.facts);
      results.push(result);
    } else if (kind) {
      index.set(file.path, textFacts(file.path, file.text));
      results.push({ path: file.path, findings: [], notices: [] });
    }
  }
  const project = runProjectRules(index, { lang: options.lang, config: () => options.config ?? EMPTY_CONFIG });
  return { results: results.map((result) => withProjectFindings(result, project)), project, index };
}
