import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, parseConfig, type ProjectConfig } from '../language/config';
import { ALL_RULES } from '../language/rules';
import { exists, readBytes } from './fs';

/**
 * The workspace's `.ai-teacher.yml`, read per workspace folder (fs.ts: Node for local files,
 * `workspace.fs` otherwise). In
 * Restricted Mode it is ignored (it changes what is reported, so an untrusted repository must not
 * be able to silence findings), and the empty config applies.
 */
export class ProjectConfigs implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ProjectConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly output: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.ai-teacher.{yml,yaml,json}');
    const reset = () => this.invalidate();
    this.disposables.push(watcher, watcher.onDidChange(reset), watcher.onDidCreate(reset), watcher.onDidDelete(reset));
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(reset), vscode.workspace.onDidChangeWorkspaceFolders(reset));
  }

  invalidate(): void {
    this.cache.clear();
    this.changed.fire();
  }

  /** The config that applies to a document or file. */
  forUri(uri: vscode.Uri): Promise<ProjectConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.forFolder(folder) : Promise.resolve(EMPTY_CONFIG);
  }

  forFolder(folder: vscode.WorkspaceFolder): Promise<ProjectConfig> {
    if (!vscode.workspace.isTrusted) return Promise.resolve(EMPTY_CONFIG);
    const key = folder.uri.toString();
    let config = this.cache.get(key);
    if (!config) {
      config = this.read(folder);
      this.cache.set(key, config);
    }
    return config;
  }

  /** The existing config file of a folder, if any, in the order the CLI looks for them. */
  static async find(folder: vscode.WorkspaceFolder): Promise<{ uri: vscode.Uri; name: string } | undefined> {
    // Looked for side by side (a document's first check waits for this), the first in order kept.
    const candidates = CONFIG_FILE_NAMES.map((name) => ({ uri: vscode.Uri.joinPath(folder.uri, name), name }));
    const found = await Promise.all(candidates.map(({ uri }) => exists(uri)));
    return candidates.find((_, i) => found[i]);
  }

  private async read(folder: vscode.WorkspaceFolder): Promise<ProjectConfig> {
    const found = await ProjectConfigs.find(folder);
    if (!found) return EMPTY_CONFIG;
    try {
      const bytes = await readBytes(found.uri);
      const { config, errors } = parseConfig(new TextDecoder().decode(bytes), found.name, new Set(ALL_RULES.map((rule) => rule.id)));
      for (const error of errors) this.output.warn(`${folder.name}: ${error}`);
      return config;
    } catch (error) {
      this.output.warn(`${folder.name}: cannot read ${found.name}: ${(error as Error).message}`);
      return EMPTY_CONFIG;
    }
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
