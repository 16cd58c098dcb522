// Waiting and reading helpers shared by the integration suites (bundled with them).
import * as assert from 'node:assert';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

/** Polls until `read` returns a value `done` accepts, or fails with what was last seen. */
export async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** The rule id of one of our diagnostics (its `code` is `{ value, target }`). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

/**
 * Resolves at the next diagnostics change of `uri` that `accept` takes (after it, the file's
 * diagnostics are VS Code's), with the time it came (`performance.now()`).
 */
export function nextDiagnosticsChange(uri: vscode.Uri, accept: () => boolean = () => true, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no diagnostics change for ${uri.fsPath} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString()) || !accept()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(performance.now());
    });
  });
}
