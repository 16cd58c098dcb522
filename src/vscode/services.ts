import * as vscode from 'vscode';
import type { LintEngine } from '../language/engine';
import type { Curriculum, ProgressStore } from '../curriculum/types';
import type { Finding, Lang, LintResult, SourceLanguage } from '../language/types';
import type { TeacherGateway } from '../teacher/types';

/**
 * What the adapter's features share: one lazily created lint engine, the latest findings per
 * document, the teacher language, and one output channel. Features receive this object from
 * `extension.ts` instead of creating their own.
 */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  /**
   * The engine, created on first use (the WASM grammars load then, not at activation), with the
   * grammar of `language` loaded, or every grammar when none is named.
   */
  engine(language?: SourceLanguage): Promise<LintEngine>;
  /** The teacher's language: the setting, or VS Code's display language when `auto`. */
  lang(): Lang;
  /** The latest lint result of a document, as shown in the Problems panel. */
  latest(uri: vscode.Uri): LintResult | undefined;
  /** Lint a document now (respecting settings) and publish its diagnostics. */
  lint(document: vscode.TextDocument): Promise<LintResult | undefined>;
  /** Fires after the findings of a document changed. */
  readonly onDidChangeFindings: vscode.Event<vscode.Uri>;
  /** The finding a diagnostic came from. */
  findingAt(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined;
  /** The course data, loaded once from the extension's `curriculum/` folder. */
  curriculum(): Promise<Curriculum>;
  /** Week progress, kept in the extension's global state. */
  readonly progress: ProgressStore;
  /** The teacher (participant and panel share it). */
  readonly teacher: TeacherGateway;
}
