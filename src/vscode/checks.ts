import * as path from 'node:path';
import * as vscode from 'vscode';
import { ignoreMatcher, type ProjectConfig } from '../language/config';
import type { LintEngine } from '../language/engine';
import { coverChange, type ChangedSpan } from '../language/parser';
import type { FileFacts } from '../language/project/facts';
import type { Lang, LintResult, SourceLanguage } from '../language/types';
import { LINTED_SCHEMES, sourceLanguageOf } from './convert';
import { markPhase } from './timing';

/** What a check needs from the adapter's services. */
export interface CheckHost {
  /** The engine with this language's grammar loaded (not the others': a document waits for its own only). */
  engine(language: SourceLanguage): Promise<LintEngine>;
  config(uri: vscode.Uri): Promise<ProjectConfig>;
  lang(): Lang;
  enabled(): boolean;
  /** The project facts of a document whose first check ran without them (see `DocumentChecks`). */
  facts(uri: vscode.Uri, facts: FileFacts): void;
  /**
   * Resolves once VS Code has taken the diagnostics just published for `uri` (its diagnostics
   * event for the document came back to the extension host), or after a short wait when none comes.
   */
  shown(uri: vscode.Uri): Promise<void>;
  readonly output: vscode.LogOutputChannel;
}

/** A check's outcome: the result, `ignored` (the project config ignores the file), or nothing (stale, disabled, no parser). */
export type Checked = LintResult | 'ignored' | undefined;

interface Under {
  readonly version: number;
  readonly generation: number;
  readonly token: vscode.CancellationToken | undefined;
  readonly outcome: Promise<Checked>;
}

/**
 * The engine's checks of open documents, without publishing anything (the services publish).
 * One check per document text at a time: asking again for the same version under the same
 * settings and config (the document opened, then its editor showed) waits for the same check.
 * The text VS Code is about to save is checked from the save's first event
 * (`onWillSaveTextDocument`) while VS Code writes the file, so the did-save finds it done.
 *
 * A Python document's first check leaves its project facts out (building them then cost the
 * first diagnostics 30 to 90 ms): they are read from the engine's tree of that text once VS Code
 * has taken the published diagnostics, and handed to `CheckHost.facts`. Later checks carry them.
 */
export class DocumentChecks {
  /** Per document: where its text changed since its last check (`noteChanges`). */
  private readonly changed = new Map<string, ChangedSpan>();
  /** The latest check begun per document, shared by every request for the same text. */
  private readonly latest = new Map<string, Under>();
  private readonly underWay = new Set<Promise<unknown>>();
  /** The documents the engine holds a text of (checked since they opened). */
  private readonly linted = new Set<string>();
  /** Counts settings and config changes, which make a check under way stale. */
  private generation = 0;

  constructor(private readonly host: CheckHost) {}

  /** Settings or the project config changed: checks begun before no longer answer for the text. */
  invalidate(): void {
    this.generation++;
  }

  /**
   * The check of the document's current text: the one under way or done for this version if
   * there is one (a save's, begun at will-save), else a new one.
   */
  check(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Checked> {
    return this.current(document) ?? this.begin(document, token);
  }

  /** VS Code is about to save the document: check that text now, so the did-save finds it done. */
  beginSave(document: vscode.TextDocument): void {
    if (!this.host.enabled() || document.isClosed || this.current(document)) return;
    void this.begin(document);
  }

  /** Is a check (or a first check's project facts) under way? */
  busy(): boolean {
    return this.underWay.size > 0;
  }

  /** Resolves once no check is under way (the project index and pass wait for it). */
  async idle(): Promise<void> {
    while (this.underWay.size > 0) await Promise.allSettled([...this.underWay]);
  }

  noteChanges(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const key = document.uri.toString();
    let span = this.changed.get(key);
    // VS Code applies an event's changes one after the other, each against the text the previous one left.
    for (const change of changes) span = coverChange(span, change.rangeOffset, change.rangeLength, change.text.length);
    if (span) this.changed.set(key, span);
  }

  /** The document closed (or its last tab did): what was kept for its next check goes. */
  forget(key: string): void {
    this.changed.delete(key);
    this.latest.delete(key);
    this.linted.delete(key);
  }

  /** The check begun for this text under these settings, unless its caller cancelled it (typing went on). */
  private current(document: vscode.TextDocument): Promise<Checked> | undefined {
    const latest = this.latest.get(document.uri.toString());
    const answers = latest?.version === document.version && latest.generation === this.generation && !latest.token?.isCancellationRequested;
    return answers ? latest.outcome : undefined;
  }

  private begin(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Checked> {
    const key = document.uri.toString();
    const outcome = this.run(document, token);
    const under = { version: document.version, generation: this.generation, token, outcome };
    this.latest.set(key, under);
    this.underWay.add(outcome);
    const done = (checked?: Checked) => {
      this.underWay.delete(outcome);
      // Nothing to share (stale, no parser yet): the next request tries again.
      if (checked === undefined && this.latest.get(key) === under) this.latest.delete(key);
    };
    outcome.then(done, () => done());
    return outcome;
  }

  private async run(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Checked> {
    const language = sourceLanguageOf(document);
    if (!this.host.enabled() || !language || !LINTED_SCHEMES.has(document.uri.scheme)) return undefined;
    const version = document.version;
    const key = document.uri.toString();
    markPhase('lint', key);
    // The config and the engine load side by side; both are cached after the first document.
    const configLoading = this.host.config(document.uri);
    let engine: LintEngine;
    try {
      engine = await this.host.engine(language);
    } catch {
      return undefined;
    }
    markPhase('engine', key);
    const config = await configLoading;
    markPhase('config', key);
    // The document may have changed or closed while the parser loaded: that result would be stale.
    if (token?.isCancellationRequested || document.isClosed || document.version !== version) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (folder && ignoreMatcher(config)(path.posix.relative(folder.uri.path, document.uri.path))) return 'ignored';
    const started = Date.now();
    // Every change up to this text has been noted: the span describes it against the last check's.
    const changed = this.changed.get(key);
    this.changed.delete(key);
    const factsLater = language === 'python' && !this.linted.has(key);
    this.linted.add(key);
    const result = engine.lintDocument(key, document.getText(), {
      lang: this.host.lang(),
      config,
      language,
      facts: !factsLater,
      changed,
      onPhase: (phase) => markPhase(phase, key),
    });
    markPhase('linted', key);
    if (factsLater) this.factsAfterPublish(engine, document, version);
    this.host.output.trace(`linted ${key} v${version} in ${Date.now() - started} ms: ${result.findings.length} findings`);
    return result;
  }

  /**
   * Once the check's result is published and VS Code has taken it (`CheckHost.shown`), its
   * project facts from the tree the engine kept; skipped when the text changed since, as the next
   * check carries them. Read a turn after the publish, they held the extension host for 60 to 200
   * ms just as VS Code's answer to the publish arrived, and the learner's first diagnostics
   * appeared only after them. The project waits for them like for a check (`idle`).
   */
  private factsAfterPublish(engine: LintEngine, document: vscode.TextDocument, version: number): void {
    const reading = this.host
      .shown(document.uri)
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
      .then(() => {
        if (document.isClosed || document.version !== version || !this.host.enabled()) return;
        const facts = engine.documentFacts(document.uri.toString());
        if (facts) this.host.facts(document.uri, facts);
      })
      .catch(() => undefined);
    this.underWay.add(reading);
    void reading.then(() => this.underWay.delete(reading));
  }
}
