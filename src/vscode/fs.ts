import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';

/**
 * Reads on the lint path. `workspace.fs` first asks the workbench whether the scheme's provider
 * is active (`$ensureActivation`, one round trip per call, even for the extension host's own
 * disk); in a window served to a browser (code-server, remote hosts) the workbench answers when
 * its own start-up lets it: in `npm run bench:editor` the first config read waited 1.7 s that
 * way, ahead of the first diagnostics. Files on the extension host's disk (`file` scheme) are
 * read with Node directly; every other scheme (virtual and remote file systems) still goes
 * through `workspace.fs`.
 */
export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? fsp.readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

/** The size of a file in bytes; throws when it cannot be read. */
export async function sizeOf(uri: vscode.Uri): Promise<number> {
  return uri.scheme === 'file' ? (await fsp.stat(uri.fsPath)).size : (await vscode.workspace.fs.stat(uri)).size;
}

/** Whether a file or folder exists. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    if (uri.scheme === 'file') await fsp.stat(uri.fsPath);
    else await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
