import * as vscode from 'vscode';
import { readBytes } from './fs';
import { Commands } from './ids';
import { say } from './pure/strings';
import { reviewFilter, type GitIgnoreFile } from './pure/review-filter';
import type { AdapterServices } from './services-impl';

/** Files are linted in batches so the progress notification moves and cancellation is prompt. */
const BATCH = 20;
const MAX_FILES = 5000;

export interface ReviewSummary {
  readonly files: number;
  readonly findings: number;
  readonly skipped: number;
  readonly cancelled: boolean;
}

/**
 * "AI Teacher: Review Workspace": every Python and YAML file of the workspace folders, honouring
 * `files.exclude` (findFiles' default excludes), `.gitignore` files and the project config's
 * `ignore`, read through fs.ts (`workspace.fs` for virtual and remote workspaces).
 */
export function registerReviewWorkspace(context: vscode.ExtensionContext, services: AdapterServices): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.reviewWorkspace, () => reviewWorkspace(services)));
}

export async function reviewWorkspace(services: AdapterServices): Promise<ReviewSummary | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const lang = services.lang();
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(say(lang, 'review.noFolder'));
    return undefined;
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: say(lang, 'review.progressTitle'), cancellable: true }, async (progress, token) => {
    const started = Date.now();
    const engine = await services.engine();
    let files = 0;
    let findings = 0;
    let skipped = 0;
    const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
    for (const folder of folders) {
      if (token.isCancellationRequested) break;
      const config = await services.configs.forFolder(folder);
      const gitignores = await readGitIgnores(folder, token);
      const skip = reviewFilter(gitignores, config);
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{py,pyi,yml,yaml}'), undefined, MAX_FILES, token);
      const uris = found.filter((uri) => !skip(relativePath(folder, uri))).sort((a, b) => a.path.localeCompare(b.path));
      skipped += found.length - uris.length;
      for (let index = 0; index < uris.length && !token.isCancellationRequested; index += BATCH) {
        const batch = uris.slice(index, index + BATCH);
        await Promise.all(
          batch.map(async (uri) => {
            const document = open.get(uri.toString());
            if (document && services.isLintable(document)) {
              const result = await services.lint(document);
              if (result) services.publishReviewed(uri, result);
              findings += result?.findings.length ?? 0;
              return;
            }
            try {
              const bytes = await readBytes(uri);
              const result = engine.lintBytes(relativePath(folder, uri), bytes, { lang, config, facts: true });
              services.project.updateFromLint(uri, result.facts);
              services.publishReviewed(uri, result);
              findings += result.findings.length;
            } catch (error) {
              services.output.warn(`review: cannot read ${uri.toString()}: ${String(error)}`);
            }
          }),
        );
        files += batch.length;
        progress.report({
          message: say(lang, 'review.progress', { done: files, total: uris.length, folder: folder.name }),
          increment: (batch.length / Math.max(1, uris.length)) * (100 / folders.length),
        });
        // Yield so typing and rendering stay responsive during long reviews.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      // Cross-file findings land on Dockerfiles and manifests too, reviewed or not.
      if (!token.isCancellationRequested) await services.project.refresh(folder);
    }
    const summary: ReviewSummary = { files, findings, skipped, cancelled: token.isCancellationRequested };
    services.output.info(`review: ${files} files, ${findings} findings, ${skipped} skipped in ${Date.now() - started} ms${summary.cancelled ? ' (cancelled)' : ''}`);
    if (!summary.cancelled) {
      const show = say(lang, 'action.showProblems');
      void vscode.window.showInformationMessage(say(lang, 'review.done', { files, findings }), show).then((choice) => {
        if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return summary;
  });
}

export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

export async function readGitIgnores(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<GitIgnoreFile[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), '**/node_modules/**', 200, token);
  const files: GitIgnoreFile[] = [];
  for (const uri of found) {
    try {
      const text = new TextDecoder().decode(await readBytes(uri));
      const rel = relativePath(folder, uri);
      files.push({ dir: rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '', text });
    } catch {
      // An unreadable .gitignore excludes nothing.
    }
  }
  return files;
}
