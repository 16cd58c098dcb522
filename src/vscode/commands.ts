import * as path from 'node:path';
import * as vscode from 'vscode';
import { commentLanguage, type Finding } from '../language/types';
import { documentLines, insertionEdit, scaffoldEdit, sourceLanguageOf, toVscodeRange } from './convert';
import { openRuleExplanation } from './explain';
import { Commands } from './ids';
import { ProjectConfigs } from './project-config';
import { disableRuleInConfig } from './pure/config-edit';
import { planIgnoreComment } from './pure/ignore-plan';
import { say } from './pure/strings';
import type { AdapterServices } from './services-impl';

/**
 * The finding commands behind the quick fixes (the panel calls them too). Each takes the document
 * URI as a string and the finding as plain data, so they also work from command links.
 */
export function registerCommands(context: vscode.ExtensionContext, services: AdapterServices): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.askTeacher, (uri?: unknown, finding?: unknown) => askTeacher(services, uri, finding)),
    vscode.commands.registerCommand(Commands.insertScaffold, (uri?: unknown, finding?: unknown) => insertScaffold(services, uri, finding)),
    vscode.commands.registerCommand(Commands.ignoreOnLine, (uri?: unknown, finding?: unknown) => ignoreOnLine(services, uri, finding)),
    vscode.commands.registerCommand(Commands.disableRule, (ruleId?: unknown, uri?: unknown) => disableRule(services, ruleId, uri)),
  );
}

/** The finding the command is about: its arguments, or the one under the cursor. */
async function resolveTarget(services: AdapterServices, uri: unknown, finding: unknown): Promise<{ document: vscode.TextDocument; finding: Finding } | undefined> {
  if (typeof uri === 'string' && isFinding(finding)) {
    return { document: await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)), finding };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = services
    .latest(editor.document.uri)
    ?.findings.find((f) => toVscodeRange(f.range).contains(editor.selection.active) || f.range.start.line === editor.selection.active.line);
  if (!at) {
    void vscode.window.showInformationMessage(say(services.lang(), 'finding.none'));
    return undefined;
  }
  return { document: editor.document, finding: at };
}

function isFinding(value: unknown): value is Finding {
  const f = value as Finding | undefined;
  return typeof f === 'object' && f !== null && typeof f.ruleId === 'string' && typeof f.range?.start?.line === 'number';
}

async function askTeacher(services: AdapterServices, uri: unknown, finding: unknown): Promise<void> {
  const target = await resolveTarget(services, uri, finding);
  if (!target) return;
  if (await chatIsUsable(services)) {
    const line = target.finding.range.start.line + 1;
    const where = `${path.posix.basename(target.document.uri.path)}:${line}`;
    // Only the rule id and the place: the participant reads a bare number in a /hint prompt as
    // the hint level, and a finding's message may contain numbers.
    const query = `@ai-engineer-teacher /hint ${target.finding.ruleId} (${where})`;
    try {
      await vscode.commands.executeCommand('workbench.action.chat.open', { query, isPartialQuery: false });
      return;
    } catch (error) {
      services.output.info(`chat view unavailable (${String(error)}); opening the teacher panel`);
    }
  }
  try {
    await vscode.commands.executeCommand(Commands.openTeacher, { uri: target.document.uri.toString(), finding: target.finding });
  } catch (error) {
    // Without the panel (or chat), the rule explanation is the teacher's offline answer.
    services.output.warn(`teacher panel unavailable (${String(error)}); showing the rule explanation`);
    await openRuleExplanation(target.finding.ruleId, services);
  }
}

/**
 * VS Code chat is usable when it exists, a model is signed in, and sending the learner's code to
 * a model is allowed (a trusted workspace and a backend that is not offline-only).
 */
async function chatIsUsable(services: AdapterServices): Promise<boolean> {
  const backend = services.settings().backend;
  if (!vscode.workspace.isTrusted || backend === 'offline' || backend === 'openai') return false;
  if (typeof vscode.lm?.selectChatModels !== 'function') return false;
  try {
    return (await vscode.lm.selectChatModels()).length > 0;
  } catch {
    return false;
  }
}

async function insertScaffold(services: AdapterServices, uri: unknown, finding: unknown): Promise<boolean> {
  const target = await resolveTarget(services, uri, finding);
  const rule = target && services.ruleMeta(target.finding.ruleId);
  if (!target || !rule) return false;
  const language = sourceLanguageOf(target.document) ?? commentLanguage(rule.language);
  return vscode.workspace.applyEdit(scaffoldEdit(target.document, target.finding, rule.scaffold[services.lang()], language));
}

async function ignoreOnLine(services: AdapterServices, uri: unknown, finding: unknown): Promise<boolean> {
  const target = await resolveTarget(services, uri, finding);
  if (!target) return false;
  const { document } = target;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const plan = planIgnoreComment(documentLines(document), target.finding.range.start.line, target.finding.ruleId, sourceLanguageOf(document) ?? 'python', eol);
  if (plan.kind === 'unsupported') {
    void vscode.window.showWarningMessage(say(services.lang(), 'ignore.unsupported'));
    return false;
  }
  return vscode.workspace.applyEdit(insertionEdit(document.uri, plan.insertion));
}

async function disableRule(services: AdapterServices, ruleId: unknown, uri: unknown): Promise<boolean> {
  if (typeof ruleId !== 'string' || !services.ruleMeta(ruleId)) return false;
  const lang = services.lang();
  const folder =
    (typeof uri === 'string' ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri)) : undefined) ??
    (vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri)) ??
    vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(say(lang, 'config.noFolder'));
    return false;
  }
  const existing = await ProjectConfigs.find(folder);
  const target = existing ?? { uri: vscode.Uri.joinPath(folder.uri, '.ai-teacher.yml'), name: '.ai-teacher.yml' };
  if (existing) {
    const edit = say(lang, 'config.edit');
    const answer = await vscode.window.showInformationMessage(say(lang, 'config.confirm', { rule: ruleId, file: existing.name }), { modal: true }, edit);
    if (answer !== edit) return false;
  }
  const document = existing ? await vscode.workspace.openTextDocument(target.uri) : undefined;
  const planned = disableRuleInConfig(document?.getText(), target.name, ruleId);
  if (!planned.ok) {
    void vscode.window.showErrorMessage(say(lang, 'config.cannotEdit', { file: target.name, detail: planned.detail ?? planned.reason }));
    return false;
  }
  if (document) {
    if (planned.changed) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(target.uri, new vscode.Range(0, 0, document.lineCount, 0), planned.text);
      if (!(await vscode.workspace.applyEdit(edit))) return false;
      await document.save();
    }
  } else {
    await vscode.workspace.fs.writeFile(target.uri, new TextEncoder().encode(planned.text));
  }
  services.configs.invalidate();
  await vscode.window.showTextDocument(target.uri, { preview: true, preserveFocus: true });
  return true;
}
