import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LintEngine } from '../language/engine';
import { bundledWasm } from '../language/parser';
import { ALL_RULES, ruleById } from '../language/rules';
import type { Rule } from '../language/rule';
import type { Finding, Lang, LintResult, SourceLanguage } from '../language/types';
import { loadCurriculum } from '../curriculum/loader';
import type { Curriculum, ProgressStore } from '../curriculum/types';
import type { TeacherGateway } from '../teacher/types';
import { DocumentChecks } from './checks';
import { diagnosticShows, LINTED_SCHEMES, sourceLanguageOf, toDiagnostics } from './convert';
import { CONFIG_SECTION } from './ids';
import { ProjectService } from './project';
import { ProjectConfigs } from './project-config';
import { normaliseSettings, resolveLang, type Settings } from './pure/settings';
import type { Services } from './services';
import { StartupSchedule } from './pure/startup';
import { say } from './pure/strings';
import { markPhase, markStartup } from './timing';

/**
 * What the adapter's own features need beyond the shared `Services` contract: the settings
 * value, the project config, and publishing results that did not come from an open document.
 */
export interface AdapterServices extends Services {
  settings(): Settings;
  readonly onDidChangeSettings: vscode.Event<Settings>;
  readonly configs: ProjectConfigs;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** The project model of the workspace: cross-file findings, merged into every file's diagnostics. */
  readonly project: ProjectService;
  /** Whether a document is one the extension checks (language and scheme). */
  isLintable(document: vscode.TextDocument): boolean;
  lint(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<LintResult | undefined>;
  /**
   * VS Code is about to save the document (`onWillSaveTextDocument`): its text is checked while
   * the file is written, and the did-save's `lint` publishes that check.
   */
  beginSave(document: vscode.TextDocument): void;
  /**
   * The document's text changed (`onDidChangeTextDocument`): the next lint re-parses from where
   * it changed rather than comparing the whole text with the last one.
   */
  noteChanges(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void;
  /** Show the result of a file that is not open (workspace review); it stays when documents close. */
  publishReviewed(uri: vscode.Uri, result: LintResult): void;
  /**
   * A document closed (`hidden`: its last tab closed while VS Code keeps the text document): drop
   * its diagnostics unless a workspace review put them there. A hidden document is still linted
   * on request, but its result is not published until it is shown again (`reveal`).
   */
  forget(uri: vscode.Uri, hidden?: boolean): void;
  reveal(uri: vscode.Uri): void;
  /** Convert every stored result again (after a settings change). */
  rerender(): void;
  clearAll(): void;
  ruleMeta(id: string): Rule | undefined;
}

export interface ServiceParts {
  readonly progress: (context: vscode.ExtensionContext) => ProgressStore;
  readonly teacher: (services: AdapterServices) => TeacherGateway;
}

interface Stored {
  readonly result: LintResult;
  readonly reviewed: boolean;
}

export class ExtensionServices implements AdapterServices, vscode.Disposable {
  readonly diagnostics: vscode.DiagnosticCollection;
  readonly configs: ProjectConfigs;
  readonly project: ProjectService;
  readonly progress: ProgressStore;
  private readonly findingsChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly settingsChanged = new vscode.EventEmitter<Settings>();
  readonly onDidChangeFindings = this.findingsChanged.event;
  readonly onDidChangeSettings = this.settingsChanged.event;
  private readonly stored = new Map<string, Stored>();
  private readonly hidden = new Set<string>();
  /** The engine's checks of open documents (one per text at a time; a save's begun at will-save). */
  readonly checks: DocumentChecks;
  private readonly disposables: vscode.Disposable[] = [];
  /** When the warm-up steps and the project index run: never ahead of a pending check. */
  private readonly startup: StartupSchedule;
  private warmUpOver: () => void = () => undefined;
  /** Settles once the parser's warm-up is over (done, stopped, or the parser failed to load). */
  private readonly warmedUp = new Promise<void>((resolve) => (this.warmUpOver = resolve));
  /**
   * The rules' warm-up waits for the first published findings (or RULES_WARM_UP_FALLBACK_MS with
   * none): a document opened just after activation reached the extension only once all of its
   * steps had run (VS Code's open goes back and forth with the extension host between steps), so
   * a warm first check came later than a cold one started at once. A checked document warms what
   * its code needs, and the engine then skips the examples (`LintEngine.warmUpRule`): they run only
   * when nothing was published in that time.
   */
  private readonly rulesMayWarm: Promise<void>;
  private current: Settings;
  private enginePromise: Promise<LintEngine> | undefined;
  private readonly grammars = new Map<SourceLanguage, Promise<LintEngine>>();
  private engineFailureShown = false;
  private curriculumPromise: Promise<Curriculum> | undefined;
  private teacherInstance: TeacherGateway | undefined;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
    private readonly parts: ServiceParts,
  ) {
    this.diagnostics = vscode.languages.createDiagnosticCollection('ai-teacher');
    this.configs = new ProjectConfigs(output);
    this.progress = parts.progress(context);
    this.current = readSettings();
    this.checks = new DocumentChecks({
      engine: (language) => this.engine(language),
      config: (uri) => this.configs.forUri(uri),
      lang: () => this.lang(),
      enabled: () => this.current.enable,
      facts: (uri, facts) => this.project.updateFromLint(uri, facts),
      shown: (uri) => diagnosticsTaken(uri),
      output,
    });
    this.project = new ProjectService({
      engine: (language) => this.engine(language),
      lang: () => this.lang(),
      config: (folder) => this.configs.forFolder(folder),
      enabled: () => this.current.enable && this.current.run !== 'off',
      idle: () => this.checks.idle(),
      output,
    });
    this.startup = new StartupSchedule({ busy: () => this.checks.busy(), idle: () => this.checks.idle() });
    this.rulesMayWarm = new Promise((resolve) => this.startup.afterFirstPublish(resolve, RULES_WARM_UP_FALLBACK_MS));
    // The workspace index builds in the background once the first findings are published (and
    // the checks under way then are done), never ahead of them: the document the learner opens
    // gets its diagnostics before any project-wide work, and the cross-file findings follow
    // (`project.onDidChangeFindings` republishes the files they change).
    this.startup.afterFirstPublish(
      () => {
        markStartup('project index started');
        this.project.start();
      },
      PROJECT_START_MS,
      this.warmedUp,
    );
    this.disposables.push(
      this.startup,
      this.project,
      this.project.onDidChangeFindings((uris) => uris.forEach((uri) => this.republish(uri))),
      this.configs.onDidChange(() => {
        this.checks.invalidate();
        this.project.invalidate();
      }),
      this.diagnostics,
      this.configs,
      this.findingsChanged,
      this.settingsChanged,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(CONFIG_SECTION)) return;
        this.current = readSettings();
        this.checks.invalidate();
        this.output.debug(`settings changed: ${JSON.stringify(this.current)}`);
        if (this.current.enable && this.current.run !== 'off') this.project.start();
        this.settingsChanged.fire(this.current);
      }),
    );
  }

  get teacher(): TeacherGateway {
    this.teacherInstance ??= this.parts.teacher(this);
    return this.teacherInstance;
  }

  settings(): Settings {
    return this.current;
  }

  lang(): Lang {
    return resolveLang(this.current.teacherLanguage, vscode.env.language);
  }

  /**
   * The engine with the grammar of `language` loaded, or with every grammar when none is named.
   * Each grammar compiles on its own, so a Python document's first check never waits for the
   * YAML grammar (nor a YAML document's for Python's); the others compile after it, in the
   * background (`warmUp`).
   */
  engine(language?: SourceLanguage): Promise<LintEngine> {
    if (language) return this.grammar(language);
    return Promise.all(LANGUAGES.map((each) => this.grammar(each))).then(([engine]) => engine);
  }

  /** The engine without any grammar: the WASM runtime and the rules, created once. */
  private runtime(): Promise<LintEngine> {
    if (!this.enginePromise) {
      const started = Date.now();
      const dist = path.join(this.context.extensionPath, 'dist');
      const creating = import('../language/engine').then(({ LintEngine }) => LintEngine.create(bundledWasm(dist), ALL_RULES, []));
      this.enginePromise = creating;
      creating.then(
        (engine) => {
          this.output.info(`parser runtime loaded in ${Date.now() - started} ms`);
          markStartup('parser runtime loaded');
          // At a later free turn, so that a check already waiting for a grammar goes first (and warms it itself).
          void this.startup.slot().then(() => this.warmUp(engine, languagesToWarm()));
        },
        (error: unknown) => this.engineFailed(error),
      );
    }
    return this.enginePromise;
  }

  /** The engine once `language`'s grammar is compiled (once per language). */
  private grammar(language: SourceLanguage): Promise<LintEngine> {
    let loading = this.grammars.get(language);
    if (!loading) {
      const started = Date.now();
      const mine = this.runtime().then(async (engine) => {
        await engine.prepare([language]);
        return engine;
      });
      loading = mine;
      this.grammars.set(language, mine);
      mine.then(
        () => {
          markStartup(`${language} grammar loaded`);
          this.output.info(`${language} grammar loaded in ${Date.now() - started} ms`);
        },
        (error: unknown) => {
          if (this.grammars.get(language) === mine) this.engineFailed(error);
        },
      );
    }
    return loading;
  }

  private engineFailed(error: unknown): void {
    this.warmUpOver();
    // Forget the failed attempt so the next lint retries, e.g. after a rebuild.
    this.enginePromise = undefined;
    this.grammars.clear();
    this.reportEngineFailure(error);
  }

  /**
   * Per grammar, one step per turn of the event loop at which no check is pending
   * (`StartupSchedule.slot`): the grammar compiles (unless a document asked for it already), its
   * rules' queries compile (`LintEngine.compileQueries`), its parser runs over a sample
   * (`LintEngine.warmUp`), then the rules' own examples (`warmUpRules`). A document opened
   * meanwhile waits for one step at most, and every step after its check began waits until the
   * check is done (its findings published and its project facts read); by then the engine skips
   * what the check made pointless. A grammar compiles only once the one before it has warmed up,
   * unless a document asked for it first.
   */
  private async warmUp(engine: LintEngine, languages: readonly SourceLanguage[]): Promise<void> {
    try {
      await this.warmUpEach(engine, languages);
    } finally {
      this.warmUpOver();
    }
  }

  private async warmUpEach(engine: LintEngine, languages: readonly SourceLanguage[]): Promise<void> {
    for (const language of languages) {
      await this.startup.slot();
      try {
        await this.grammar(language);
      } catch {
        return;
      }
      for (const [name, run] of [
        ['queries compiled', () => engine.compileQueries(language)],
        ['parser warmed up', () => engine.warmUp(language)],
      ] as const) {
        await this.startup.slot();
        const started = Date.now();
        try {
          if (run()) {
            markStartup(`${language} ${name}`);
            this.output.info(`${language} ${name} in ${Date.now() - started} ms`);
          }
        } catch (error) {
          this.output.warn(`parser warm-up skipped: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
      }
      await this.rulesMayWarm;
      await this.warmUpRules(engine, language);
    }
  }

  /**
   * The rules' own examples of one grammar (`LintEngine.warmUpRule`), one step per free turn of
   * the event loop, until they are done or a document was checked: a document opened meanwhile
   * waits for one step at most (the first, one example that compiles the code all rules share,
   * about 45 ms of CPU; then eight Python examples at a time, 5 to 27 ms), and its first check
   * then runs warm code (in the editor bench at load 12-14: the check 190 ms instead of
   * 475-1,054, its rules 79 ms instead of 266-603). A pause after each example as long as it took
   * (half of one core at most) was tried: the examples were then mostly not done when the
   * document came, and its check was as slow as without them. When the extension activates with
   * a document already open, that document's check comes first and none runs (a checked
   * document warmed what its code needs; the engine stops there).
   */
  private async warmUpRules(engine: LintEngine, language: SourceLanguage): Promise<void> {
    const started = Date.now();
    let count = 0;
    for (;;) {
      await this.startup.slot();
      try {
        if (!engine.warmUpRule(language)) break;
      } catch (error) {
        // The examples are only a head start: the next grammar still gets its own warm-up.
        this.output.warn(`rule warm-up skipped: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      markStartup(`${language} rules warm-up step`);
      count++;
    }
    if (count > 0) this.output.info(`${language} rules warmed up on ${count} examples in ${Date.now() - started} ms`);
  }

  ruleMeta(id: string): Rule | undefined {
    return ruleById(id);
  }

  isLintable(document: vscode.TextDocument): boolean {
    return LINTED_SCHEMES.has(document.uri.scheme) && sourceLanguageOf(document) !== undefined;
  }

  async lint(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<LintResult | undefined> {
    const checked = await this.checks.check(document, token);
    if (checked === 'ignored') this.drop(document.uri);
    if (checked === 'ignored' || checked === undefined || token?.isCancellationRequested) return undefined;
    this.project.updateFromLint(document.uri, checked.facts);
    // Another feature (the panel, the participant) may ask for a document whose tab just closed;
    // it gets the result, but the Problems panel does not get the document back.
    if (!this.hidden.has(document.uri.toString())) this.store(document.uri, checked, this.stored.get(document.uri.toString())?.reviewed ?? false);
    return checked;
  }

  publishReviewed(uri: vscode.Uri, result: LintResult): void {
    this.store(uri, result, true);
  }

  latest(uri: vscode.Uri): LintResult | undefined {
    const stored = this.stored.get(uri.toString());
    if (stored) return this.project.merge(uri, stored.result);
    const findings = this.project.findingsOnly(uri);
    return findings.length ? { path: uri.toString(), findings, notices: [] } : undefined;
  }

  findingAt(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    return this.latest(uri)?.findings.find((finding) => diagnosticShows(diagnostic, finding));
  }

  beginSave(document: vscode.TextDocument): void {
    if (this.isLintable(document)) this.checks.beginSave(document);
  }

  noteChanges(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    this.checks.noteChanges(document, changes);
  }

  forget(uri: vscode.Uri, hidden = false): void {
    this.checks.forget(uri.toString());
    void this.enginePromise?.then(
      (engine) => engine.forget(uri.toString()),
      () => undefined,
    );
    if (hidden) this.hidden.add(uri.toString());
    else this.hidden.delete(uri.toString());
    if (!this.stored.get(uri.toString())?.reviewed) this.drop(uri);
  }

  reveal(uri: vscode.Uri): void {
    this.hidden.delete(uri.toString());
  }

  rerender(): void {
    const uris = new Map([...this.stored.keys()].map((key) => [key, vscode.Uri.parse(key)]));
    for (const uri of this.project.filesWithFindings()) uris.set(uri.toString(), uri);
    for (const uri of uris.values()) this.republish(uri);
  }

  clearAll(): void {
    const uris = [...this.stored.keys()].map((key) => vscode.Uri.parse(key));
    this.stored.clear();
    this.diagnostics.clear();
    for (const uri of uris) this.findingsChanged.fire(uri);
  }

  /** Shows a file's findings again: its own result merged with the project's, or the project's alone. */
  private republish(uri: vscode.Uri): void {
    if (!this.current.enable) return;
    const shown = this.latest(uri);
    if (shown) this.diagnostics.set(uri, toDiagnostics(shown.findings, this.current, this.lang(), uri));
    else this.diagnostics.delete(uri);
    this.findingsChanged.fire(uri);
  }

  curriculum(): Promise<Curriculum> {
    this.curriculumPromise ??= Promise.resolve().then(() => {
      const { curriculum, errors } = loadCurriculum(path.join(this.context.extensionPath, 'curriculum'));
      for (const error of errors) this.output.warn(`curriculum: ${error}`);
      return curriculum;
    });
    return this.curriculumPromise;
  }

  dispose(): void {
    void this.enginePromise?.then(
      (engine) => engine.dispose(),
      () => undefined,
    );
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private store(uri: vscode.Uri, result: LintResult, reviewed: boolean): void {
    this.stored.set(uri.toString(), { result, reviewed });
    const diagnostics = toDiagnostics(this.project.merge(uri, result).findings, this.current, this.lang(), uri);
    markPhase('converted', uri.toString());
    this.diagnostics.set(uri, diagnostics);
    markPhase('published', uri.toString());
    this.startup.publish();
    for (const notice of result.notices) {
      if (notice.kind === 'internal-error') this.output.error(`${uri.toString()}: ${notice.message}`);
      else this.output.debug(`${uri.toString()}: ${notice.kind}: ${notice.message}`);
    }
    this.findingsChanged.fire(uri);
  }

  private drop(uri: vscode.Uri): void {
    if (!this.stored.delete(uri.toString()) && this.diagnostics.get(uri) === undefined) return;
    // Cross-file findings stay, like a workspace review's: the file causing them may be open.
    this.republish(uri);
  }

  private reportEngineFailure(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.output.error(`cannot load the Python/YAML parser: ${message}`);
    if (this.engineFailureShown) return;
    this.engineFailureShown = true;
    const lang = this.lang();
    void vscode.window.showErrorMessage(say(lang, 'parser.failed', { message }), say(lang, 'action.showLog')).then((choice) => {
      if (choice) this.output.show();
    });
  }
}

/** Every grammar. */
const LANGUAGES: readonly SourceLanguage[] = ['python', 'yaml'];

/**
 * The grammars to warm up after the runtime loads: the active editor's, then those of the other
 * open documents, Python's when none is open (the file that activates the extension is most often
 * Python). Another grammar compiles when a document or the project index first needs it: warming
 * the YAML grammar up in a Python-only window held the extension host while the first Python
 * file was opening.
 */
function languagesToWarm(): SourceLanguage[] {
  const active = vscode.window.activeTextEditor?.document;
  const open = [active, ...vscode.workspace.textDocuments].flatMap((document) => (document && LINTED_SCHEMES.has(document.uri.scheme) ? (sourceLanguageOf(document) ?? []) : []));
  const languages = LANGUAGES.filter((language) => open.includes(language)).sort((a, b) => open.indexOf(a) - open.indexOf(b));
  return languages.length > 0 ? languages : ['python'];
}

/**
 * When the project index starts building, counted from the end of the parser's warm-up, if no
 * findings were published by then (a window whose only open file is a Dockerfile or a
 * requirements file, an ignored document, a parser that did not load). Otherwise the first
 * publish starts it. At 250 ms after activation, the time it started at before, it ran ahead of
 * a document opened a moment after activation: in the editor bench (the extension activated,
 * then the file opened) the index began before the open's event reached the extension in every
 * run. Counted from activation (2 s), it still did so at load average 16, where the warm-up and
 * the open took longer.
 */
const PROJECT_START_MS = 2000;
/** With nothing published by then, the rules' warm-up starts this long after activation. */
const RULES_WARM_UP_FALLBACK_MS = 1500;

/** How long work deferred behind a publish waits at most for VS Code to take the diagnostics. */
const TAKEN_WAIT_MS = 500;

/**
 * Resolves when VS Code's diagnostics event for `uri` reaches the extension host (the workbench
 * has taken what was published), or after `TAKEN_WAIT_MS` (no event comes when nothing changed).
 * The event is a message the extension host handles only when it is free.
 */
function diagnosticsTaken(uri: vscode.Uri): Promise<void> {
  const key = uri.toString();
  return new Promise((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) done();
    });
    const timer = setTimeout(() => done(), TAKEN_WAIT_MS);
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

function readSettings(): Settings {
  const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return normaliseSettings((key) => configuration.get(key));
}
