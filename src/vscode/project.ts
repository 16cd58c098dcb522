import * as vscode from 'vscode';
import { EMPTY_CONFIG, type ProjectConfig } from '../language/config';
import type { LintEngine } from '../language/engine';
import type { FileFacts } from '../language/project/facts';
import { ProjectIndex } from '../language/project/index';
import { factsForIndex } from '../language/project/indexing';
import { EMPTY_PROJECT_RESULT, runProjectRules, withProjectFindings, type ProjectResult } from '../language/project/run';
import { isLockFile, LOCK_FACTS, PROJECT_FILE_GLOB, projectFileKind, textFacts } from '../language/project/text-facts';
import { DEFAULT_MAX_BYTES, prepareSource } from '../language/source';
import type { Finding, Lang, LintResult, SourceLanguage } from '../language/types';
import { readBytes, sizeOf } from './fs';
import { reviewFilter } from './pure/review-filter';
import { readGitIgnores, relativePath } from './review';
import { markStartup } from './timing';

const MAX_FILES = 5000;
const BATCH = 25;
/** Edits arrive in bursts (a save, a branch switch); the project pass runs once they settle. */
const RUN_DELAY_MS = 60;

/** What the project service needs from the adapter's services. */
export interface ProjectHost {
  /** The engine with this language's grammar loaded (a grammar compiles only when a file needs it). */
  engine(language: SourceLanguage): Promise<LintEngine>;
  lang(): Lang;
  config(folder: vscode.WorkspaceFolder): Promise<ProjectConfig>;
  /** Automatic checking is on (the extension is enabled and `lint.run` is not `off`). */
  enabled(): boolean;
  /**
   * Resolves once no check of an open document is under way: the index build and the project
   * pass give way to them, so the learner's file never waits behind the workspace.
   */
  idle(): Promise<void>;
  readonly output: vscode.LogOutputChannel;
}

interface Project {
  /** The workspace folder, or the folder of a lone document outside any workspace folder. */
  readonly base: vscode.Uri;
  readonly folder: vscode.WorkspaceFolder | undefined;
  readonly index: ProjectIndex;
  result: ProjectResult;
  /** The index version the result was computed from. */
  ranAt: number;
  /** The background build is done: until then findings would flicker, so none are shown. */
  ready: boolean;
  /** Paths whose facts came from an open document; the background build must not overwrite them. */
  readonly fromEditor: Set<string>;
}

/**
 * The project model in the editor: one index per workspace folder, built in the background
 * after activation (a parse only for files that can hold facts), kept warm by every lint of an
 * open document (its facts come from the same parse) and by a file watcher for changes made
 * outside the editor. Each change re-indexes that file only; the project pass then runs once
 * the changes settle, off the save path, and the files whose project findings changed are
 * republished.
 */
export class ProjectService implements vscode.Disposable {
  private readonly projects = new Map<string, Project>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  /** Files whose project findings (added or withdrawn) changed. */
  readonly onDidChangeFindings = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly building = new Map<Project, Promise<void>>();
  private running: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly host: ProjectHost) {
    const watcher = vscode.workspace.createFileSystemWatcher(PROJECT_FILE_GLOB);
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.reindex(uri)),
      watcher.onDidChange((uri) => void this.reindex(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      // A folder copied, moved or deleted as a whole may come as one event for the folder alone
      // (the watcher coalesces the events of its files): read or drop what it holds.
      folders,
      folders.onDidCreate((uri) => void this.reindexFolder(uri)),
      folders.onDidDelete((uri) => this.removeFolder(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.start()),
    );
  }

  /** Builds the index of every workspace folder in the background. */
  start(): void {
    if (!this.host.enabled()) return;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      // A lone project of a document opened before the index started may sit at the folder's key.
      if (this.projects.get(folder.uri.toString())?.folder) continue;
      const project = this.project(folder.uri, folder);
      void this.build(project).catch((error: unknown) => this.host.output.warn(`project index of ${folder.name}: ${String(error)}`));
    }
  }

  /** A Python or YAML document was linted: its facts come from that parse. */
  updateFromLint(uri: vscode.Uri, facts: FileFacts | undefined): void {
    const project = this.projectOf(uri);
    if (!project || !facts) return;
    project.fromEditor.add(uri.path);
    project.index.set(uri.path, facts);
    this.schedule();
  }

  /** A Dockerfile, requirements file or script was opened or saved in the editor. */
  updateDocument(document: vscode.TextDocument): void {
    if (!this.host.enabled() || !projectFileKind(document.uri.path)) return;
    // Inside a workspace folder whose index has not started yet: the index reads the open document when it builds.
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (folder && !this.projects.get(folder.uri.toString())?.folder) return;
    // A document outside every workspace folder is a project of its own (its Dockerfile rules still apply).
    const project = this.projectOf(document.uri) ?? this.project(document.uri.with({ path: document.uri.path.slice(0, document.uri.path.lastIndexOf('/')) }), undefined, true);
    project.fromEditor.add(document.uri.path);
    project.index.set(document.uri.path, textFacts(document.uri.path, document.getText()));
    this.schedule();
  }

  /** A per-file result with this file's project findings merged in. */
  merge(uri: vscode.Uri, result: LintResult): LintResult {
    const project = this.projectOf(uri);
    return project?.ready ? withProjectFindings(result, project.result, uri.path) : result;
  }

  /** The project findings of a file that has no per-file result (not open, not reviewed). */
  findingsOnly(uri: vscode.Uri): Finding[] {
    const project = this.projectOf(uri);
    return project?.ready ? [...(project.result.findings.get(uri.path) ?? [])] : [];
  }

  /** Every file that currently has project findings. */
  filesWithFindings(): vscode.Uri[] {
    return [...this.projects.values()].flatMap((p) => (p.ready ? [...p.result.findings.keys()].map((path) => p.base.with({ path })) : []));
  }

  /** The project config changed: every project runs again with it. */
  invalidate(): void {
    for (const project of this.projects.values()) project.ranAt = -1;
    this.schedule();
  }

  /** Waits for the background build of a folder and a project pass over it (Review Workspace). */
  async refresh(folder: vscode.WorkspaceFolder): Promise<void> {
    const project = this.projects.get(folder.uri.toString()) ?? this.project(folder.uri, folder);
    if (!project.ready) await this.build(project);
    await this.runNow();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private project(base: vscode.Uri, folder: vscode.WorkspaceFolder | undefined, ready = false): Project {
    const project: Project = { base, folder, index: new ProjectIndex(base.path), result: EMPTY_PROJECT_RESULT, ranAt: -1, ready, fromEditor: new Set() };
    this.projects.set(base.toString(), project);
    return project;
  }

  private projectOf(uri: vscode.Uri): Project | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return this.projects.get(folder.uri.toString());
    const lone = this.projects.get(uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) }).toString());
    return lone?.folder === undefined ? lone : undefined;
  }

  private build(project: Project): Promise<void> {
    let promise = this.building.get(project);
    if (!promise) {
      promise = this.buildNow(project).finally(() => {
        project.ready = true;
        this.schedule();
      });
      this.building.set(project, promise);
    }
    return promise;
  }

  private async buildNow(project: Project): Promise<void> {
    const folder = project.folder;
    if (!folder) return;
    // The open documents' first checks go first: the searches below spawn processes in the
    // extension host (ripgrep), whose start and exit held a first check or its diagnostics.
    await this.host.idle();
    markStartup(`project index of ${folder.name} began`);
    const started = Date.now();
    const config = await this.host.config(folder);
    const skip = reviewFilter(await readGitIgnores(folder), config);
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, PROJECT_FILE_GLOB), undefined, MAX_FILES);
    const uris = found.filter((uri) => !skip(relativePath(folder, uri)));
    markStartup(`project index of ${folder.name} listed ${uris.length} files`);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (let i = 0; i < uris.length && !this.disposed; i += BATCH) {
      await this.host.idle();
      await Promise.all(uris.slice(i, i + BATCH).map((uri) => this.read(project, uri, config, open.get(uri.toString()))));
      // Yield between batches so typing and saving stay responsive while the index builds.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    markStartup(`project index of ${folder.name} built`);
    this.host.output.info(`project index of ${folder.name}: ${project.index.size} of ${uris.length} files in ${Date.now() - started} ms`);
  }

  private async read(project: Project, uri: vscode.Uri, config: ProjectConfig, document?: vscode.TextDocument): Promise<void> {
    if (project.fromEditor.has(uri.path)) return;
    // A lock file counts by its presence (it can be megabytes of hashes, over the size limit).
    if (isLockFile(uri.path)) return void project.index.set(uri.path, LOCK_FACTS);
    let text: string;
    try {
      if (document) text = document.getText();
      else {
        if ((await sizeOf(uri)) > (config.maxFileSize ?? DEFAULT_MAX_BYTES)) return;
        const prepared = prepareSource(await readBytes(uri), config.maxFileSize ?? DEFAULT_MAX_BYTES);
        if (!prepared.ok) return;
        text = prepared.text;
      }
    } catch {
      // Gone or unreadable between the listing and the read: nothing to index.
      project.index.delete(uri.path);
      return;
    }
    // A YAML file's facts need the YAML grammar; every other file's the Python one at most.
    const engine = await this.host.engine(projectFileKind(uri.path) === 'yaml' ? 'yaml' : 'python');
    await this.host.idle();
    if (project.fromEditor.has(uri.path)) return;
    project.index.set(uri.path, factsForIndex(engine, uri.path, text));
  }

  private async reindex(uri: vscode.Uri): Promise<void> {
    const project = this.projectOf(uri);
    if (!project?.folder) return;
    // A file created while the index builds may be missing from its listing.
    await this.build(project);
    // An open document is indexed by its own lint (it may hold unsaved changes).
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    project.fromEditor.delete(uri.path);
    await this.read(project, uri, await this.host.config(project.folder));
    this.schedule();
  }

  private async reindexFolder(uri: vscode.Uri): Promise<void> {
    const project = this.projectOf(uri);
    // Most events are files; a name with an extension is taken for one without asking the disk.
    if (!project?.folder || /\.[A-Za-z0-9]{1,8}$/.test(uri.path.slice(uri.path.lastIndexOf('/') + 1)) || projectFileKind(uri.path)) return;
    try {
      if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) return;
    } catch {
      return;
    }
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, PROJECT_FILE_GLOB), undefined, MAX_FILES);
    for (const file of found) await this.reindex(file);
  }

  private removeFolder(uri: vscode.Uri): void {
    const project = this.projectOf(uri);
    if (!project || projectFileKind(uri.path)) return;
    const prefix = `${uri.path}/`;
    const gone = [...project.index.paths()].filter((path) => path.startsWith(prefix));
    for (const path of gone) {
      project.fromEditor.delete(path);
      project.index.delete(path);
    }
    if (gone.length) this.schedule();
  }

  private remove(uri: vscode.Uri): void {
    const project = this.projectOf(uri);
    if (!project) return;
    project.fromEditor.delete(uri.path);
    project.index.delete(uri.path);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runNow();
    }, RUN_DELAY_MS);
  }

  /** Runs the project pass of every project whose index changed; runs never overlap. */
  private runNow(): Promise<void> {
    this.running = this.running.then(() => this.runChanged()).catch((error: unknown) => this.host.output.error(`project pass failed: ${String(error)}`));
    return this.running;
  }

  private async runChanged(): Promise<void> {
    for (const project of this.projects.values()) {
      await this.host.idle();
      if (!project.ready || project.ranAt === project.index.version || this.disposed) continue;
      const config = project.folder ? await this.host.config(project.folder) : EMPTY_CONFIG;
      const started = Date.now();
      const previous = project.result;
      project.ranAt = project.index.version;
      project.result = runProjectRules(project.index, { lang: this.host.lang(), config: () => config });
      for (const notice of project.result.notices) this.host.output.error(`project pass: ${notice.message}`);
      const paths = changedPaths(previous, project.result);
      this.host.output.trace(`project pass over ${project.index.size} files in ${Date.now() - started} ms: ${paths.length} files changed`);
      if (paths.length) this.changed.fire(paths.map((path) => project.base.with({ path })));
    }
  }
}

/** The files whose project findings or withdrawals differ between two results. */
function changedPaths(before: ProjectResult, after: ProjectResult): string[] {
  const paths = new Set([...before.findings.keys(), ...after.findings.keys(), ...before.withdrawn.keys(), ...after.withdrawn.keys()]);
  const same = (path: string) =>
    JSON.stringify(before.findings.get(path) ?? []) === JSON.stringify(after.findings.get(path) ?? []) &&
    JSON.stringify([...(before.withdrawn.get(path) ?? [])]) === JSON.stringify([...(after.withdrawn.get(path) ?? [])]);
  return [...paths].filter((path) => !same(path));
}
