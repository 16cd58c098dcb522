import type { Node, Tree } from 'web-tree-sitter';
import { EMPTY_CONFIG, configuredSetting, effectiveSetting, type ProjectConfig, type RuleSetting } from './config';
import {
  editRegion,
  fileFacts,
  handlerBodies,
  heldAround,
  handlerView,
  inRegion,
  keptFindings,
  relocateMatches,
  relocateNodes,
  RelocationError,
  Relocator,
  functionBodies,
  type Bodies,
  statementView,
  withEnds,
  type KeptStatements,
  type NodeLists,
  type Region,
  StatementMemo,
} from './incremental';
import { advance, ParserHost, type ChangedSpan, type Reparsed, type WasmLocations } from './parser';
import { projectFacts } from './project/extract';
import { PYTHON_COLLECTED, PythonModel, type CallInfo, type CallLayerState, type PythonNodes } from './python/model';
import { deadCodeTest } from './python/dead-code';
import { python2Notice } from './python/python2';
import { LineIndex } from './python/scan';
import { QuerySet, type QueryRun, type RuleMatch } from './query';
import { isFileRule, nodeRange, type FileRule, type Report, type Rule, type YamlContext } from './rule';
import { ALL_RULES } from './rules';
import { fixParticleAfter } from '../shared/korean';
import { DEFAULT_MAX_BYTES, languageOf, prepareSource } from './source';
import { parseSuppressions } from './suppress';
import type { EngineNotice, FileSummary, Finding, Lang, LintResult, Localized, Range, RuleMeta, SourceLanguage } from './types';
import { findingOrder } from './types';
import { WARM_UP_SAMPLES } from './warm-up';
import { beyondScannerRows } from './yaml/long';
import { YamlModel, yamlSegments, yamlSourceOf, type DocumentMemo, type YamlSegment } from './yaml/model';

export interface LintOptions {
  /** Language of rendered messages. */
  readonly lang?: Lang;
  readonly config?: ProjectConfig;
  /** Overrides detection from the file extension (e.g. an untitled editor in Python mode). */
  readonly language?: SourceLanguage;
  /** Also extract the file's project facts from the same parse (`LintResult.facts`). */
  readonly facts?: boolean;
  /**
   * For `lintDocument`: where the editor says the text changed since the last `lintDocument` of
   * the same key (`coverChange` in parser.ts). A span that does not fit is ignored.
   */
  readonly changed?: ChangedSpan;
  /**
   * Told when a lint passes each of its stages (`parsed`, then `matched`: the rules' queries ran,
   * then `checked`: the rules ran; the project facts and the result follow), so that an editor
   * can time them. Costs nothing when absent.
   */
  readonly onPhase?: (phase: LintStage) => void;
}

export type LintStage = 'parsed' | 'matched' | 'checked';

interface CachedDocument {
  readonly language: SourceLanguage;
  /** The text the tree was parsed from (for a Helm template, its neutralised text). */
  readonly text: string;
  /** The whole file's tree; undefined when the file was parsed by its `---` documents (`segments`). */
  readonly tree?: Tree;
  /** A multi-document YAML file parsed by its documents (`yamlSegments`): each tree by the text it was parsed from. */
  readonly segments?: ReadonlyMap<string, Tree>;
  /** What the next re-lint of a Python document may take over (see incremental.ts). */
  readonly reusable?: Reusable;
  /** What the next re-lint of a YAML document may take over. */
  readonly yaml?: YamlReusable;
}

/**
 * The parts of a YAML lint that a re-lint can build on: the documents the model built, by their
 * source text, and each rule's reports on each of them. A rule's reports on a document are kept
 * only when its check there read nothing but the document (not `context.model` or
 * `context.text`) and reported inside it; an unchanged document then gets them back, moved by
 * the rows the edit added or removed above it, through the same reporter (suppressions, config
 * and language apply afresh).
 */
interface YamlReusable {
  readonly documents: DocumentMemo;
  readonly reports: ReadonlyMap<string, { readonly row: number; readonly byRule: ReadonlyMap<string, readonly Report[]> }>;
}

/** The parts of a Python lint that a re-lint after a small edit can build on. */
interface Reusable {
  readonly lists: NodeLists;
  readonly matches: ReadonlyMap<string, readonly RuleMatch[]>;
  /** Each rule's findings, in the order it reported them. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  readonly facts: string;
  /** `handlerBodies`: around them, what the `local: 'handler'` rules read beside their handler. */
  readonly handlerBodies: Bodies;
  /** `functionBodies`: around them, what the `local: 'statement'` rules read beside their top-level statement. */
  readonly functionBodies: Bodies;
  /** Each `statementFact` rule's fact (see `PythonRule.statementFact`). */
  readonly ruleFacts: ReadonlyMap<string, string>;
  /** The model's call layer, which a re-lint keeps outside its region (`PythonModel.reuseCallsFrom`). */
  readonly calls: CallLayerState | undefined;
  /** The values of `PythonModel.perStatement`, which a re-lint keeps for the statements outside its region. */
  readonly statements: KeptStatements | undefined;
  /** `[start, end)` of the tree's top-level statements, for the next re-lint's `editRegion`. */
  readonly spans: readonly (readonly [number, number])[];
  /** The text's line starts, when the lint read any (`LineIndex.edited`). */
  readonly lines: LineIndex | undefined;
  readonly lang: Lang;
  readonly config: ProjectConfig;
}

/** What one config runs on one language (see `LintEngine.plan`). */
interface LintPlan {
  readonly active: readonly FileRule[];
  /** The ids of the active rules with a query. */
  readonly wanted: ReadonlySet<string>;
  readonly configured: ReadonlyMap<string, RuleSetting | undefined>;
  /** The active rules whose query compiled, and a notice for each one whose query did not (in rule order), made at the first file. */
  runnable?: { readonly rules: readonly FileRule[]; readonly broken: readonly EngineNotice[] };
}

/** A re-lint's view of the lint before it: the region the edit touched and what lies around it. */
interface Incremental {
  readonly region: Region;
  readonly previous: Reusable;
  /** The text of the lint before. */
  readonly oldText: string;
  /** The query run of the new tree: relocated outside the region, fresh inside it. */
  readonly run: QueryRun;
  /**
   * The matches of the region's own query run, by rule: those of `run` whose captures all start
   * inside the region (relocated matches lie wholly before or after it), in the same order.
   */
  readonly inRegion: ReadonlyMap<string, readonly RuleMatch[]>;
  readonly lists: NodeLists;
  /**
   * May the local rules keep their findings outside the region? Not when the edited text, before
   * or after, holds a suppression comment, which can reach past the region.
   */
  readonly keepFindings: boolean;
  /** Finds the kept nodes in the new tree, on first use; `failed` when one was not found. */
  readonly relocator: Relocator;
}

/** The text a file is parsed from when it is not its own: a Helm template's neutralised text (yaml/model.ts). */
function renderedSource(language: SourceLanguage, text: string, path: string): string | undefined {
  return language === 'yaml' ? yamlSourceOf(text, path) : undefined;
}

/** How many of the rules' Python examples a warm-up step after the first lints together (`LintEngine.warmUpRule`). */
export const WARM_UP_BATCH = 8;

/**
 * Parses and lints Python and YAML. It never throws for a document: syntax errors, skipped
 * files and rules that crash all come back as notices next to the findings.
 */
export class LintEngine {
  private readonly byId: ReadonlyMap<string, Rule>;
  /** The rules that run per file; project rules run in the project pass (project/run.ts). */
  private readonly fileRules: readonly FileRule[];
  private readonly cache = new Map<string, CachedDocument>();
  /** The rules' queries, compiled per language on first use. */
  private readonly queries = new Map<SourceLanguage, QuerySet>();
  /** Does a YAML rule have a query? Then no YAML file is parsed by its documents (`lintYamlSegments`). */
  private yamlQueries: boolean | undefined;
  private readonly warmed = new Set<SourceLanguage>();
  /** The rules' examples `warmUpRule` has not linted yet, per grammar. */
  private examples: Map<SourceLanguage, string[]> | undefined;
  private readonly plans = new WeakMap<ProjectConfig, Map<SourceLanguage, LintPlan>>();

  private constructor(
    private readonly parsers: ParserHost,
    readonly rules: readonly Rule[],
  ) {
    this.byId = new Map(rules.map((rule) => [rule.id, rule]));
    this.fileRules = rules.filter(isFileRule);
  }

  /**
   * `languages` limits the grammars compiled up front (both by default); `prepare` compiles
   * another before its first file. Linting a language whose grammar is not loaded gives an
   * internal-error notice, never a throw.
   */
  static async create(wasm: WasmLocations, rules: readonly Rule[] = ALL_RULES, languages?: readonly SourceLanguage[]): Promise<LintEngine> {
    return new LintEngine(await ParserHost.create(wasm, languages), rules);
  }

  /** Compiles the grammars of these languages if they are not loaded yet. */
  async prepare(languages: Iterable<SourceLanguage>): Promise<void> {
    for (const language of languages) if (!this.parsers.has(language)) await this.parsers.load(language);
  }

  /**
   * Runs the parser and the rules' queries of one grammar once over a small sample, so that
   * the first real file does not pay for it. V8 compiles WebAssembly lazily, one function at a
   * time on its first call, and a cold engine's first parse of a 1,000-line file took 10 to 15
   * times a warm one; the sample reaches most of the grammar's code in a few milliseconds of
   * work. Nothing is kept, and no rule runs: linting the samples warmed the rules too, but
   * held the extension host long enough to delay VS Code's own open of the file. Returns false
   * when it did nothing: the grammar is not loaded, it ran before, or a document was linted
   * already (which warmed the same code).
   */
  warmUp(language: SourceLanguage): boolean {
    if (this.warmed.has(language) || this.cache.size > 0 || !this.parsers.has(language)) return false;
    this.warmed.add(language);
    const tree = this.parsers.parse(language, WARM_UP_SAMPLES[language]);
    try {
      this.querySet(language).run(tree.rootNode);
    } finally {
      tree.delete();
    }
    return true;
  }

  /**
   * Lints the next of the rules' own bad examples (`docs.bad`, on which each rule reports) of
   * one grammar, so that an editor can run them one step per turn of its event loop while
   * nothing is open yet. V8 compiles a function the first time it runs, and a rule that bails
   * out early on the grammar's sample (`warmUp`) never reaches the code that reports: measured
   * in one process, the first lint of a 1,000-line Flask file took 220-316 ms of CPU after
   * `warmUp` and 116-123 ms after the examples (a warm lint: 77-97 ms). The first step lints one
   * example, which compiles the code all rules share (about 45 ms of CPU); each later Python
   * step lints `WARM_UP_BATCH` examples joined into one module, one parse, query run and model
   * for all of them (8 to 27 ms a step), so the whole warm-up costs about two thirds of the CPU
   * of one lint per example, with the same first lint after it. A YAML step lints one example
   * (joined, they would be one stream of documents). Nothing is kept (`lintText` caches no
   * document) and no later finding changes. Returns false when it did nothing: the grammar is
   * not loaded, every example ran, or a document was linted already (which warmed what the
   * learner's code needs).
   */
  warmUpRule(language: SourceLanguage): boolean {
    if (this.cache.size > 0 || !this.parsers.has(language)) return false;
    const started = this.examples?.has(language) ?? false;
    const examples = (this.examples ??= new Map()).get(language) ?? this.fileRules.filter((rule) => rule.language === language).map((rule) => rule.docs.bad);
    this.examples.set(language, examples);
    const batch = examples.splice(0, started && language === 'python' ? WARM_UP_BATCH : 1);
    if (batch.length === 0) return false;
    this.lintText(language === 'python' ? 'warm_up.py' : 'warm-up.yaml', batch.join('\n\n\n'), { language });
    return true;
  }

  /**
   * Compiles the rules' queries of one grammar (once), which every first lint of that language
   * needs: the editor does it as a step of its own before `warmUp`, so that a document opened
   * meanwhile waits for the compilation only, and its check then makes the sample run pointless.
   * False when the grammar is not loaded or the queries are compiled already.
   */
  compileQueries(language: SourceLanguage): boolean {
    if (this.queries.has(language) || !this.parsers.has(language)) return false;
    this.querySet(language);
    return true;
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  /** Lint raw bytes from disk: binary, oversized and badly encoded files are handled here. */
  lintBytes(path: string, bytes: Uint8Array, options: LintOptions = {}): LintResult {
    return this.lintSource(path, bytes, options);
  }

  /** Full parse and lint of a text. */
  lintText(path: string, text: string, options: LintOptions = {}): LintResult {
    return this.lintSource(path, text, options);
  }

  /** Bytes or text go through `prepareSource` exactly once, then one parse and one lint. */
  private lintSource(path: string, input: Uint8Array | string, options: LintOptions): LintResult {
    const language = options.language ?? languageOf(path);
    if (!language) return { path, findings: [], notices: [{ kind: 'skipped', message: 'not a Python or YAML file' }] };
    const prepared = prepareSource(input, options.config?.maxFileSize ?? DEFAULT_MAX_BYTES, options.lang);
    if (!prepared.ok) return { path, findings: [], notices: [prepared.notice] };
    const result = this.parseAndLint(path, prepared.text, language, options);
    if (prepared.notices.length === 0) return result;
    return { ...result, notices: [...prepared.notices, ...result.notices] };
  }

  private parseAndLint(path: string, text: string, language: SourceLanguage, options: LintOptions): LintResult {
    const rendered = renderedSource(language, text, path);
    let tree: Tree;
    try {
      tree = this.parsers.parse(language, rendered ?? text);
    } catch (error) {
      return { path, findings: [], notices: [parseFailure(error)] };
    }
    options.onPhase?.('parsed');
    try {
      return this.lintTree(path, text, tree, language, options, rendered);
    } finally {
      tree.delete();
    }
  }

  /**
   * Lint an editor document by key, re-using the previous tree of the same key so that only
   * the edited region is re-parsed. Call `forget` when the document closes.
   */
  lintDocument(key: string, text: string, options: LintOptions = {}): LintResult {
    const language = options.language ?? languageOf(key);
    if (!language) return { path: key, findings: [], notices: [{ kind: 'skipped', message: 'not a Python or YAML file' }] };
    const prepared = prepareSource(text, options.config?.maxFileSize ?? DEFAULT_MAX_BYTES, options.lang);
    if (!prepared.ok) {
      this.forget(key);
      return { path: key, findings: [], notices: [prepared.notice] };
    }
    const previous = this.cache.get(key);
    const rendered = renderedSource(language, prepared.text, key);
    if (language === 'yaml' && rendered === undefined) {
      const segmented = this.lintYamlSegments(key, prepared.text, previous, options);
      if (segmented) return segmented;
    }
    const parsed = rendered ?? prepared.text;
    let reparsed: Reparsed;
    try {
      reparsed =
        previous?.tree && previous.language === language
          ? this.parsers.reparse(language, previous.tree, previous.text, parsed, options.changed)
          : { tree: this.parsers.parse(language, parsed), changed: [] };
      if (previous && reparsed.tree.rootNode.hasError) {
        // tree-sitter's error recovery may build another tree from an edited one than from the
        // text alone (a decorator typed inside a `try`, say), and the findings must not depend
        // on how the text was reached: a broken file is parsed afresh and linted in full.
        reparsed.tree.delete();
        reparsed = { tree: this.parsers.parse(language, parsed), changed: [] };
      }
    } catch (error) {
      this.forget(key);
      return { path: key, findings: [], notices: [parseFailure(error)] };
    }
    const { tree } = reparsed;
    options.onPhase?.('parsed');
    let reusable: Reusable | undefined;
    let yaml: YamlReusable | undefined;
    let result: LintResult;
    try {
      const incremental = previous?.reusable && this.incremental(previous, reparsed, prepared.text, options);
      const yamlPrevious = language === 'yaml' && previous?.language === 'yaml' ? (previous.yaml ?? NO_YAML) : NO_YAML;
      const keepYaml = language === 'yaml' ? { previous: yamlPrevious, keep: (kept: YamlReusable) => (yaml = kept) } : undefined;
      let relinted: LintResult | undefined;
      try {
        relinted = this.lintTree(key, prepared.text, tree, language, options, rendered, incremental, (kept) => (reusable = kept), keepYaml);
      } catch (error) {
        if (!(error instanceof RelocationError)) throw error;
      }
      if (!relinted || incremental?.relocator.failed) {
        // A kept node was not found again in the new tree (incremental.ts): a full lint instead.
        reusable = undefined;
        relinted = this.lintTree(key, prepared.text, tree, language, options, rendered, undefined, (kept) => (reusable = kept), keepYaml);
      }
      result = relinted;
    } finally {
      // The old tree outlives the re-lint: the nodes it reuses are found again by its positions.
      if (previous) release(previous);
    }
    this.cache.set(key, { language, text: parsed, tree, reusable, yaml });
    return result;
  }

  /**
   * `lintDocument` of a plain multi-document YAML file, parsed by its `---` documents
   * (`yamlSegments`): a document whose text the last lint parsed keeps its tree, so an edit
   * re-parses only the documents it touched (tree-sitter-yaml's incremental parse reuses almost
   * nothing after an edit), and the model and rules take over the unchanged documents as they do
   * after a whole-file parse (`YamlReusable`). Undefined, having changed nothing, when the file is
   * not cut so, a document's tree has an error (its error recovery may differ from the whole
   * file's) or a YAML rule has a query: the whole file is parsed then.
   */
  private lintYamlSegments(key: string, text: string, previous: CachedDocument | undefined, options: LintOptions): LintResult | undefined {
    this.yamlQueries ??= this.fileRules.some((rule) => rule.language === 'yaml' && !!rule.query?.trim());
    if (this.yamlQueries) return undefined;
    const cut = yamlSegments(text);
    if (!cut) return undefined;
    const kept = previous?.language === 'yaml' ? previous.segments : undefined;
    const trees = new Map<string, Tree>();
    const fresh: Tree[] = [];
    const segments: YamlSegment[] = [];
    const drop = () => {
      for (const tree of fresh) tree.delete();
    };
    try {
      for (const segment of cut) {
        let tree = trees.get(segment.text) ?? kept?.get(segment.text);
        if (!tree) {
          tree = this.parsers.parse('yaml', segment.text);
          fresh.push(tree);
          if (tree.rootNode.hasError) {
            drop();
            return undefined;
          }
        }
        trees.set(segment.text, tree);
        segments.push({ tree, row: segment.row, index: segment.index });
      }
    } catch {
      drop();
      return undefined;
    }
    options.onPhase?.('parsed');
    let yaml: YamlReusable | undefined;
    const memo = { previous: previous?.language === 'yaml' ? (previous.yaml ?? NO_YAML) : NO_YAML, keep: (reusable: YamlReusable) => (yaml = reusable) };
    let result: LintResult;
    try {
      result = this.lintTree(key, text, segments, 'yaml', options, undefined, undefined, undefined, memo);
    } catch (error) {
      drop();
      throw error;
    }
    if (previous) release(previous, trees);
    this.cache.set(key, { language: 'yaml', text, segments: trees, yaml });
    return result;
  }

  /**
   * The region an edit touched and the query run over it, when the lint before can be built on:
   * same options, a region well short of the whole file, no match across its edge. Undefined
   * otherwise (a full lint follows).
   */
  private incremental(previous: CachedDocument, reparsed: Reparsed, text: string, options: LintOptions): Incremental | undefined {
    const reusable = previous.reusable;
    if (!reusable || !previous.tree || !reparsed.edit || reusable.lang !== (options.lang ?? 'en') || reusable.config !== (options.config ?? EMPTY_CONFIG)) return undefined;
    const at = new Relocator(reparsed.tree.rootNode);
    const region = editRegion(previous.tree, reparsed.tree, previous.text, text, reparsed.edit, reparsed.changed, at.spans, reusable.spans);
    if (!region) return undefined;
    const run = this.querySet('python').run(reparsed.tree.rootNode, undefined, region);
    try {
      const matches = relocateMatches(reusable.matches, region, at, run);
      if (!matches) return undefined;
      const lists = relocateNodes(reusable.lists, region, at, run);
      const suppression = [text.slice(region.startIndex, region.endIndex), previous.text.slice(region.startIndex, region.oldEndIndex)].some((part) => part.includes('ai-teacher:'));
      return {
        region,
        previous: reusable,
        oldText: previous.text,
        run: { byRule: matches, nodes: lists.nodes },
        inRegion: run.byRule,
        lists,
        keepFindings: !suppression,
        relocator: at,
      };
    } catch (error) {
      if (error instanceof RelocationError) return undefined;
      throw error;
    }
  }

  /**
   * The project facts of a file without running the rules (for indexing files that are not
   * open in the editor); undefined when the file is skipped or cannot be read.
   */
  factsOf(path: string, text: string, options: Pick<LintOptions, 'config' | 'language'> = {}): LintResult['facts'] {
    const language = options.language ?? languageOf(path);
    const prepared = language ? prepareSource(text, options.config?.maxFileSize ?? DEFAULT_MAX_BYTES) : undefined;
    if (!language || !prepared?.ok) return undefined;
    const rendered = renderedSource(language, prepared.text, path);
    let tree: Tree | undefined;
    try {
      tree = this.parsers.parse(language, rendered ?? prepared.text);
      return projectFacts(language === 'python' ? new PythonModel(tree, path, prepared.text) : new YamlModel(tree, path, prepared.text, rendered));
    } catch {
      return undefined;
    } finally {
      tree?.delete();
    }
  }

  /**
   * The project facts of a Python document `lintDocument` last linted, read from the tree it
   * keeps (no parse): the editor lints a document's first text without facts, publishes, and
   * asks for them after. Undefined for other documents or when they cannot be read.
   */
  documentFacts(key: string): LintResult['facts'] {
    const cached = this.cache.get(key);
    if (cached?.language !== 'python' || !cached.tree) return undefined;
    try {
      // The lint's own node lists, when it kept them, spare the model a walk of the tree.
      return projectFacts(new PythonModel(cached.tree, key, cached.text, cached.reusable?.lists.nodes));
    } catch {
      return undefined;
    }
  }

  forget(key: string): void {
    const cached = this.cache.get(key);
    if (cached) release(cached);
    this.cache.delete(key);
  }

  dispose(): void {
    for (const key of [...this.cache.keys()]) this.forget(key);
    for (const set of this.queries.values()) set.dispose();
    this.queries.clear();
  }

  /** Every rule's query matches in a tree, by rule id (for profiling and tests). */
  matchRules(language: SourceLanguage, tree: Tree): Map<string, RuleMatch[]> {
    return this.querySet(language).run(tree.rootNode).byRule;
  }

  /**
   * The rules a config runs on one language and each one's configured setting, worked out once per
   * config object (the CLI and the editor lint every file with the same one): looking up 163 rule
   * ids in the config's records for every file was 1.5 % of a lint.
   */
  private plan(config: ProjectConfig, language: SourceLanguage): LintPlan {
    let byLanguage = this.plans.get(config);
    if (!byLanguage) this.plans.set(config, (byLanguage = new Map()));
    let plan = byLanguage.get(language);
    if (!plan) {
      const rules = this.fileRules.filter((rule) => rule.language === language);
      const active = rules.filter((rule) => effectiveSetting(config, rule.id, rule.category, rule.severity) !== 'off');
      plan = {
        active,
        wanted: new Set(active.filter((rule) => rule.query).map((rule) => rule.id)),
        configured: new Map(rules.map((rule) => [rule.id, configuredSetting(config, rule.id, rule.category)])),
      };
      byLanguage.set(language, plan);
    }
    return plan;
  }

  private querySet(language: SourceLanguage): QuerySet {
    let set = this.queries.get(language);
    if (!set) {
      set = QuerySet.compile(
        this.parsers.language(language),
        this.fileRules.filter((rule) => rule.language === language),
        language === 'python' ? PYTHON_COLLECTED : [],
      );
      this.queries.set(language, set);
    }
    return set;
  }

  /**
   * `rendered` is the neutralised text of a Helm template, which `tree` was parsed from (YAML
   * only); `incremental` (Python only) carries a re-lint's region and the lint before it; `keep`
   * receives what the next re-lint of the document may build on.
   */
  private lintTree(
    path: string,
    text: string,
    parsed: Tree | readonly YamlSegment[],
    language: SourceLanguage,
    options: LintOptions,
    rendered?: string,
    incremental?: Incremental,
    keep?: (reusable: Reusable) => void,
    yamlMemo?: { readonly previous: YamlReusable; readonly keep: (reusable: YamlReusable) => void },
  ): LintResult {
    const lang = options.lang ?? 'en';
    const config = options.config ?? EMPTY_CONFIG;
    const suppressions = parseSuppressions(text);
    const findings: Finding[] = [];
    const notices: EngineNotice[] = [];
    // Past 32,768 lines tree-sitter-yaml's own tree is wrong (yaml/long.ts); the model re-parses and knows better.
    const longYaml = language === 'yaml' && beyondScannerRows(text);
    // A YAML file parsed by its documents (`lintYamlSegments`) has no tree of its own, nor an error.
    const segments = Array.isArray(parsed) ? (parsed as readonly YamlSegment[]) : undefined;
    const tree = segments ? undefined : (parsed as Tree);
    // A Helm template's syntax errors are its `{{ }}` (or what neutralising left), not the learner's YAML.
    const syntax = !!tree?.rootNode.hasError && !longYaml && rendered === undefined;
    if (syntax) notices.push(syntaxNotice(tree!, lang));

    const plan = this.plan(config, language);
    const makeReporter = (rule: Rule, sink = findings) => {
      const configured = plan.configured.has(rule.id) ? plan.configured.get(rule.id) : configuredSetting(config, rule.id, rule.category);
      return (report: Report) => {
        if (configured === 'off') return;
        const range: Range | undefined = report.range ?? (report.node ? nodeRange(report.node) : undefined);
        if (!range || suppressions.isSuppressed(rule.id, range.start.line)) return;
        // A case rated away from the default says why, unless the learner's config decided.
        const reason = report.severityReason === undefined ? undefined : rule.severityReasons?.[report.severityReason];
        const severity = configured ?? report.severity ?? reason?.severity ?? rule.severity;
        sink.push({
          ruleId: rule.id,
          messageId: report.messageId,
          message: renderMessage(rule, report.messageId, report.data, lang),
          category: rule.category,
          severity,
          range,
          data: report.data,
          ...(report.related?.length ? { related: report.related.map((r) => ({ path, range: r.range, message: r.message[lang] })) } : {}),
          ...(reason && configured === undefined && severity !== rule.severity
            ? { severityReasonId: report.severityReason, severityReason: renderTemplate(reason.message, report.data, lang) }
            : {}),
        });
      };
    };
    const active = plan.active;

    // One run of every rule's query inside WASM; a rule whose query matched nothing here skips
    // the file, and one whose query does not compile reports that instead of running blind.
    const queries = this.querySet(language);
    const run = incremental?.run ?? (tree ? queries.run(tree.rootNode, plan.wanted) : NO_RUN);
    const matched = run.byRule;
    options.onPhase?.('matched');
    // The same for every file of a plan: worked out once, not a list and an object per rule and file.
    plan.runnable ??= runnableRules(active, queries);
    for (const notice of plan.runnable.broken) notices.push({ ...notice });
    const runnable = plan.runnable.rules;
    const matchesOf = (rule: FileRule): readonly RuleMatch[] => matched.get(rule.id) ?? NO_MATCHES;

    if (language === 'python') {
      if (!tree) throw new Error('a Python file is parsed whole');
      // The model is lazy: each layer (imports, calls, handlers) is computed on first use.
      const model = new PythonModel(tree, path, text, run.nodes as PythonNodes);
      if (incremental?.previous.calls) model.reuseCallsFrom(incremental.previous.calls, incremental.region);
      if (incremental?.previous.statements) model.statementMemo = new StatementMemo(incremental.previous.statements, incremental.region);
      if (incremental) {
        const { region, previous } = incremental;
        model.seed(incremental.relocator.statements, previous.lines && LineIndex.edited(previous.lines, text, region.startIndex, region.oldEndIndex, region.endIndex));
      }
      // Asked of the model (its pre-checks per statement, kept across re-lints); the first notice, as a syntax error's would be.
      const python2 = syntax ? undefined : python2Notice(tree, text, lang, model);
      if (python2) notices.unshift(python2);
      const facts = keep || incremental ? fileFacts(model) : '';
      // The bodies outside the region are those of the lint before, moved.
      const before = incremental && { handlers: incremental.previous.handlerBodies, functions: incremental.previous.functionBodies, region: incremental.region };
      const aroundHandlers = keep || incremental ? handlerBodies(model, before) : undefined;
      const aroundFunctions = keep || incremental ? functionBodies(model, before) : undefined;
      // After an edit, the local rules keep their findings outside the region when the file-wide facts held,
      // and the handler-local rules when the text around the handlers did too.
      const region = incremental?.keepFindings && incremental.previous.facts === facts ? incremental.region : undefined;
      const handlerRegion = region && heldAround(incremental!.oldText, incremental!.previous.handlerBodies, text, aroundHandlers, region) ? region : undefined;
      // The statement-local rules, when the module outside the bodies of its functions did too.
      const statementRegion = region && heldAround(incremental!.oldText, incremental!.previous.functionBodies, text, aroundFunctions, region) ? region : undefined;
      // The facts a few statement-local rules read elsewhere in the file, on the whole file's model.
      const ruleFacts = new Map<string, string>();
      if (keep || incremental) {
        for (const rule of runnable) {
          if (rule.language !== 'python' || !rule.statementFact) continue;
          // A fact that fails is left out: the rule then re-runs on the whole file, where its own failure is reported.
          try {
            const fact = rule.statementFact(model);
            if (fact !== undefined) ruleFacts.set(rule.id, fact);
          } catch {
            // left out
          }
        }
      }
      if (!incremental && !keep) {
        // A full lint that keeps nothing for a re-lint (lintText, lintBytes): each rule that runs
        // reports straight into the findings (the same order), with no list or map per rule and file.
        for (const rule of runnable) {
          if (rule.language !== 'python') continue;
          const matches = matchesOf(rule);
          try {
            const calls = rule.callees ? model.callsNamed(rule.callees) : NO_CALLS;
            if ((rule.query || rule.callees) && matches.length === 0 && calls.length === 0) continue;
            rule.check({ path, text, tree, model, matches, calls, report: makeReporter(rule) });
          } catch (error) {
            notices.push(ruleFailure(rule, error));
          }
        }
        options.onPhase?.('checked');
        return { path, findings: sortFindings(live(model, findings)), notices, summary: summarise(model, notices), ...factsOf(model, options, notices) };
      }
      let view: PythonModel | undefined;
      let statements: PythonModel | undefined;
      const byRule = new Map<string, Finding[]>();
      for (const rule of runnable) {
        if (rule.language !== 'python') continue;
        const matches = matchesOf(rule);
        const own: Finding[] = [];
        byRule.set(rule.id, own);
        if (!incremental) {
          // A full lint: the same steps as \`check\` below, without the three closures per rule and
          // file that the re-lint paths need (a rule gated out by its query and callees, the most
          // common case, now costs two lookups), and a reporter only for a rule that runs.
          try {
            const calls = rule.callees ? model.callsNamed(rule.callees) : NO_CALLS;
            if (!((rule.query || rule.callees) && matches.length === 0 && calls.length === 0)) {
              rule.check({ path, text, tree, model, matches, calls, report: makeReporter(rule, own) });
            }
          } catch (error) {
            notices.push(ruleFailure(rule, error));
          }
          if (own.length > 0) findings.push(...own);
          continue;
        }
        // A rule that declares what it looks for runs only where something was found.
        const check = (on: PythonModel, found: readonly RuleMatch[], calls: readonly CallInfo[], sink: Finding[]) => {
          if ((rule.query || rule.callees) && found.length === 0 && calls.length === 0) return;
          rule.check({ path, text, tree, model: on, matches: found, calls, report: makeReporter(rule, sink) });
        };
        guard(rule, notices, () => {
          const keptAround = handlerRegion && rule.local === 'handler' ? keptFindings(incremental!.previous.findings.get(rule.id) ?? NO_FINDINGS, handlerRegion) : undefined;
          if (keptAround && handlerRegion) {
            // Findings outside the region come from unchanged handlers and unchanged text around them.
            view ??= handlerView(model, handlerRegion);
            const found: Finding[] = [];
            check(view, matches, rule.callees ? model.callsNamed(rule.callees) : NO_CALLS, found);
            own.push(...keptAround.before, ...found.filter((finding) => inRegion(finding, handlerRegion)), ...keptAround.after);
            return;
          }
          const factHeld = !rule.statementFact || (ruleFacts.has(rule.id) && incremental!.previous.ruleFacts.get(rule.id) === ruleFacts.get(rule.id));
          const keptBeside =
            statementRegion && rule.local === 'statement' && factHeld ? keptFindings(incremental!.previous.findings.get(rule.id) ?? NO_FINDINGS, statementRegion) : undefined;
          if (keptBeside && statementRegion) {
            // The rule runs as in a full lint (gated by the whole file's matches), on the region's items only.
            if ((rule.query || rule.callees) && matches.length === 0 && (!rule.callees || model.callsNamed(rule.callees).length === 0)) return;
            statements ??= statementView(model, statementRegion);
            const found: Finding[] = [];
            // The matches inside the region (the others are moved ones, not read here: see `MovedMatch`).
            const local = incremental!.inRegion.get(rule.id) ?? NO_MATCHES;
            rule.check({
              path,
              text,
              tree,
              model: statements,
              matches: local,
              calls: rule.callees ? statements.callsNamed(rule.callees) : NO_CALLS,
              report: makeReporter(rule, found),
            });
            own.push(...keptBeside.before, ...found.filter((finding) => inRegion(finding, statementRegion)), ...keptBeside.after);
            return;
          }
          const kept = region && rule.local === true ? keptFindings(incremental!.previous.findings.get(rule.id) ?? NO_FINDINGS, region) : undefined;
          if (kept && region) {
            const inside = (node: Node) => node.startIndex >= region.startIndex && node.startIndex < region.endIndex;
            const local = incremental!.inRegion.get(rule.id) ?? NO_MATCHES;
            const found: Finding[] = [];
            check(model, local, rule.callees ? model.callsNamed(rule.callees).filter((call) => inside(call.node)) : NO_CALLS, found);
            if (found.every((finding) => inRegion(finding, region))) {
              own.push(...kept.before, ...found, ...kept.after);
              return;
            }
          }
          check(model, matches, rule.callees ? model.callsNamed(rule.callees) : NO_CALLS, own);
        });
        findings.push(...own);
      }
      options.onPhase?.('checked');
      if (keep && !notices.some((notice) => notice.kind === 'internal-error')) {
        keep({
          lists: incremental?.lists ?? withEnds(run.nodes as PythonNodes),
          matches: run.byRule,
          findings: byRule,
          facts,
          handlerBodies: aroundHandlers,
          functionBodies: aroundFunctions,
          ruleFacts,
          calls: model.callState(),
          statements: model.statementMemo?.kept(),
          spans: incremental?.relocator.spans ?? model.statements.map((statement): [number, number] => [statement.startIndex, statement.endIndex]),
          lines: model.lineIndex,
          lang,
          config,
        });
      }
      return { path, findings: sortFindings(live(model, findings)), notices, summary: summarise(model, notices), ...factsOf(model, options, notices) };
    }

    // The YAML model walks the whole tree; a pathological input (say, 20,000 nested brackets)
    // can exhaust the stack there. That costs this file its findings, never the caller a throw.
    let model: YamlModel;
    const memo = yamlMemo && rendered === undefined && !longYaml ? yamlMemo : undefined;
    try {
      model = new YamlModel(segments ?? tree!, path, text, rendered, memo?.previous.documents);
    } catch (error) {
      notices.push({ kind: 'internal-error', message: `the file could not be analysed: ${(error as Error)?.message ?? String(error)}` });
      return { path, findings: [], notices };
    }

    // tree-sitter's first ERROR node often starts at the top of the file; the YAML parser knows the line it stopped at.
    const stopped = syntax ? model.syntaxError : undefined;
    if (stopped) {
      const at = notices.findIndex((notice) => notice.kind === 'syntax');
      if (at >= 0) notices[at] = syntaxNoticeAt({ start: { line: stopped.line, column: 0 }, end: { line: stopped.line, column: 0 } }, lang);
    }
    if (longYaml && !model.helmRendered) {
      const line = model.documents.reduce((first, d) => d.brokenLines.reduce((min, row) => Math.min(min, row), first), Infinity);
      if (line !== Infinity) notices.unshift(syntaxNoticeAt({ start: { line, column: 0 }, end: { line, column: 0 } }, lang));
    }
    if (model.helmTemplated) {
      // Template syntax is not a YAML syntax error: the file is skipped, with this one reason.
      const skipped: EngineNotice[] = [
        {
          kind: 'skipped',
          code: 'helm',
          message:
            lang === 'ko'
              ? 'Helm 템플릿({{ ... }})입니다: `helm template`로 렌더링한 결과를 검사하세요'
              : 'Helm template detected ({{ ... }}): render it with `helm template` and lint the output instead',
        },
      ];
      return { path, findings: [], notices: skipped, summary: summarise(model, skipped) };
    }
    const reports = new Map<string, { row: number; byRule: Map<string, readonly Report[]> }>();
    for (const rule of runnable) {
      if (rule.language !== 'yaml') continue;
      const matches = matchesOf(rule);
      const reporter = makeReporter(rule);
      // Did the check of the current document read beyond it? (See `YamlReusable`.)
      let wide = false;
      let recorded: Report[] | undefined;
      const context: YamlContext = {
        path,
        matches,
        get text() {
          wide = true;
          return text;
        },
        get model() {
          wide = true;
          return model;
        },
        report: (report: Report) => {
          recorded?.push(report.range || !report.node ? report : { ...report, node: undefined, range: nodeRange(report.node) });
          reporter(report);
        },
      };
      for (const document of model.documents) {
        if (!rule.documentKinds.includes(document.kind)) continue;
        const id = memo && !rule.query ? model.documentKey(document) : undefined;
        if (id) {
          const before = memo!.previous.reports.get(id.key);
          const kept = before?.byRule.get(rule.id);
          if (before && kept) {
            const rows = id.row - before.row;
            // A report's related places (the step that ships, below its trigger) move with it.
            const moved =
              rows === 0
                ? kept
                : kept.map((report) => ({
                    ...report,
                    range: moveRange(report.range!, rows),
                    ...(report.related ? { related: report.related.map((r) => ({ ...r, range: moveRange(r.range, rows) })) } : {}),
                  }));
            for (const report of moved) reporter(report);
            keepReports(reports, id, rule.id, moved);
            continue;
          }
        }
        wide = false;
        recorded = id ? [] : undefined;
        // One notice per failing rule and file, however many documents would make it fail again.
        if (!guard(rule, notices, () => rule.check(context, document))) break;
        if (id && recorded && !wide && recorded.every((report) => within(report.range!, document.range) && (report.related ?? []).every((r) => within(r.range, document.range))))
          keepReports(reports, id, rule.id, recorded);
      }
    }
    if (memo && model.built) memo.keep({ documents: model.built, reports });
    options.onPhase?.('checked');
    return { path, findings: sortFindings(findings), notices, summary: summarise(model, notices), ...factsOf(model, options, notices) };
  }
}

/** `{ facts }` when asked for; a failure costs the project pass this file, never the lint. */
function factsOf(model: PythonModel | YamlModel, options: LintOptions, notices: EngineNotice[]): Pick<LintResult, 'facts'> {
  if (!options.facts) return {};
  try {
    return { facts: projectFacts(model) };
  } catch (error) {
    notices.push({ kind: 'internal-error', message: `the project facts could not be read: ${(error as Error)?.message ?? String(error)}` });
    return {};
  }
}

const NO_MATCHES: readonly RuleMatch[] = [];
const NO_YAML: YamlReusable = { documents: new Map(), reports: new Map() };
/** The query run of a YAML file parsed by its documents: no YAML rule has a query then (`lintYamlSegments`). */
const NO_RUN: QueryRun = { byRule: new Map(), nodes: {} };

/** Frees a cached document's trees, but those of `keep` (the segments a re-lint took over). */
function release(cached: CachedDocument, keep?: ReadonlyMap<string, Tree>): void {
  cached.tree?.delete();
  if (cached.segments) for (const [text, tree] of cached.segments) if (keep?.get(text) !== tree) tree.delete();
}

function keepReports(
  reports: Map<string, { row: number; byRule: Map<string, readonly Report[]> }>,
  id: { readonly key: string; readonly row: number },
  ruleId: string,
  kept: readonly Report[],
): void {
  let entry = reports.get(id.key);
  if (!entry) reports.set(id.key, (entry = { row: id.row, byRule: new Map() }));
  // Two documents of the same text: the first one's reports stand for both.
  if (entry.row === id.row && !entry.byRule.has(ruleId)) entry.byRule.set(ruleId, kept);
}

/** Does `range` lie on the lines of `outer` (a report inside its document)? */
function within(range: Range, outer: Range): boolean {
  return range.start.line >= outer.start.line && range.end.line <= outer.end.line;
}

function moveRange(range: Range, delta: number): Range {
  return { start: { line: range.start.line + delta, column: range.start.column }, end: { line: range.end.line + delta, column: range.end.column } };
}
const NO_FINDINGS: readonly Finding[] = [];
const NO_CALLS: readonly CallInfo[] = [];

/**
 * The findings outside code that never runs (python/dead-code.ts). Applied to the merged result,
 * not when reporting: the findings kept for an incremental re-lint stay unfiltered, so an edit that
 * adds or removes a `return` above them gives what a full lint gives.
 */
function live(model: PythonModel, findings: readonly Finding[]): Finding[] {
  if (findings.length === 0) return [];
  const dead = deadCodeTest(model);
  return findings.filter((finding) => !dead(finding.range.start.line, finding.range.start.column));
}

function summarise(model: PythonModel | YamlModel, notices: EngineNotice[]): FileSummary | undefined {
  try {
    return model.summary();
  } catch (error) {
    notices.push({ kind: 'internal-error', message: `the file summary failed: ${(error as Error)?.message ?? String(error)}` });
    return undefined;
  }
}

function parseFailure(error: unknown): EngineNotice {
  return { kind: 'internal-error', message: `the parser failed: ${(error as Error)?.message ?? String(error)}` };
}

/** Runs one rule; a throw becomes an internal-error notice. Returns false when the rule failed. */
function guard(rule: Rule, notices: EngineNotice[], run: () => void): boolean {
  try {
    run();
    return true;
  } catch (error) {
    notices.push(ruleFailure(rule, error));
    return false;
  }
}

function ruleFailure(rule: Rule, error: unknown): EngineNotice {
  return { kind: 'internal-error', ruleId: rule.id, message: `rule ${rule.id} failed: ${(error as Error)?.message ?? String(error)}` };
}

function syntaxNotice(tree: Tree, lang: Lang): EngineNotice {
  const cursor = tree.walk();
  let range: Range | undefined;
  try {
    // Find the first ERROR or MISSING node in document order, entering only subtrees with errors.
    for (;;) {
      const node = cursor.currentNode;
      if (node.type === 'ERROR' || node.isMissing) {
        range = nodeRange(node);
        break;
      }
      if (!advance(cursor, node.hasError)) break;
    }
  } finally {
    cursor.delete();
  }
  return syntaxNoticeAt(range, lang);
}

function syntaxNoticeAt(range: Range | undefined, lang: Lang): EngineNotice {
  if (lang === 'ko') {
    const where = range ? `${range.start.line + 1}번째 줄 근처에 ` : '';
    return { kind: 'syntax', message: `${where}문법 오류가 있습니다. 파서가 복구한 나머지 부분은 계속 검사합니다`, range };
  }
  const where = range ? ` near line ${range.start.line + 1}` : '';
  return { kind: 'syntax', message: `syntax error${where}; the rest of the file is still checked where the parser could recover`, range };
}

export function renderMessage(rule: RuleMeta, messageId: string, data: Readonly<Record<string, string | number>> | undefined, lang: Lang): string {
  const template: Localized | undefined = rule.messages[messageId];
  if (!template) return `${rule.id}: ${messageId}`;
  return renderTemplate(template, data, lang);
}

/** A `{name}` template in `lang`, filled from the report's data (unknown names stay as they are). */
export function renderTemplate(template: Localized, data: Readonly<Record<string, string | number>> | undefined, lang: Lang): string {
  const parts = templateParts(template[lang]);
  if (parts.length === 1) return parts[0];
  let message = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const value = data && name in data ? String(data[name]) : undefined;
    // Korean particles after a value depend on how it ends: `request.json을`, `app.py를`.
    message += value === undefined ? `{${name}}${parts[i + 1]}` : value + (lang === 'ko' ? fixParticleAfter(value, parts[i + 1]) : parts[i + 1]);
  }
  return message;
}

/**
 * Message templates split at their `{name}` placeholders (odd indices are the names), kept
 * per template: a dense file renders a hundred messages per keystroke from a few dozen
 * templates, and a replace with a callback per message showed up in the re-lint profile.
 */
const templates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(findingOrder);
}

/** The active rules whose query compiled, in order, and a notice for each one whose query did not. */
function runnableRules(active: readonly FileRule[], queries: QuerySet): NonNullable<LintPlan['runnable']> {
  const broken = new Map(queries.broken.map((b) => [b.ruleId, b.message]));
  const rules: FileRule[] = [];
  const notices: EngineNotice[] = [];
  for (const rule of active) {
    const failure = broken.get(rule.id);
    if (failure) notices.push({ kind: 'internal-error', ruleId: rule.id, message: `rule ${rule.id} failed: ${failure}` });
    else rules.push(rule);
  }
  return { rules, broken: notices };
}
