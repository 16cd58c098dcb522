import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WeekRef } from '../../language/types';
import { allRuleMeta } from '../../teacher/catalog';
import { explainToolResult, reviewToolResult, weekToolResult } from '../../teacher/tool-results';
import { reviewSource } from '../chat/participant';
import { Tools } from '../ids';
import type { Services } from '../services';
import { learnerCourse } from './course';

/**
 * Language-model tools for agent mode (Copilot's agent calls tools, not participants). Each
 * answers with the teacher's findings, questions and TODO skeleton under a contract that tells
 * the calling model not to write the fix. Errors are thrown with messages a model can act on.
 */

export interface ReviewInput {
  /** Absolute, or relative to a workspace folder. Without it: the active editor. */
  readonly filePath?: string;
  /** 1-based, inclusive; both or neither. */
  readonly startLine?: number;
  readonly endLine?: number;
}
export interface ExplainInput {
  readonly ruleId: string;
}
export interface WeekInput {
  /** `beginner/3`; without it: the week the learner is on. */
  readonly week?: string;
}

const text = (value: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);

async function documentFor(input: ReviewInput): Promise<vscode.TextDocument> {
  if (!input.filePath) {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('No file to review: pass filePath (a Python or YAML file in the workspace), or ask the learner to open one.');
    return editor.document;
  }
  const candidates = path.isAbsolute(input.filePath)
    ? [vscode.Uri.file(input.filePath)]
    : (vscode.workspace.workspaceFolders ?? []).map((folder) => vscode.Uri.joinPath(folder.uri, input.filePath!));
  for (const uri of candidates) {
    // Only files of the open workspace: an agent must not read the rest of the machine through the teacher.
    if (!vscode.workspace.getWorkspaceFolder(uri)) continue;
    const document = await vscode.workspace.openTextDocument(uri).then(
      (d) => d,
      () => undefined,
    );
    if (document) return document;
  }
  throw new Error(`Cannot review ${input.filePath}: it is not a readable file inside the open workspace folders.`);
}

function selectionOf(document: vscode.TextDocument, input: ReviewInput): vscode.Range | undefined {
  if (input.startLine === undefined && input.endLine === undefined) {
    const editor = vscode.window.activeTextEditor;
    return !input.filePath && editor?.document === document && !editor.selection.isEmpty ? editor.selection : undefined;
  }
  const last = document.lineCount;
  const start = Math.min(Math.max(1, Math.floor(input.startLine ?? 1)), last);
  const end = Math.min(Math.max(start, Math.floor(input.endLine ?? last)), last);
  return new vscode.Range(start - 1, 0, end - 1, document.lineAt(end - 1).text.length);
}

function reviewTool(services: Services): vscode.LanguageModelTool<ReviewInput> {
  return {
    prepareInvocation: (options) => {
      const name = options.input.filePath
        ? path.basename(options.input.filePath)
        : vscode.window.activeTextEditor
          ? path.basename(vscode.window.activeTextEditor.document.fileName)
          : '';
      return {
        invocationMessage:
          services.lang() === 'ko' ? `AI 엔지니어링 선생님이 ${name || '파일'}을(를) 살펴보는 중…` : `The AI Engineering Teacher is reading ${name || 'the file'}…`,
      };
    },
    invoke: async (options) => {
      const document = await documentFor(options.input);
      const source = await reviewSource(services, document, selectionOf(document, options.input));
      if (!source) throw new Error(`The teacher reviews Python and YAML files only; ${vscode.workspace.asRelativePath(document.uri)} is ${document.languageId}.`);
      return text(reviewToolResult(source.target, services.lang()));
    },
  };
}

function explainTool(services: Services): vscode.LanguageModelTool<ExplainInput> {
  return {
    prepareInvocation: (options) => ({ invocationMessage: services.lang() === 'ko' ? `규칙 ${options.input.ruleId} 설명 찾는 중…` : `Looking up rule ${options.input.ruleId}…` }),
    invoke: (options) => {
      const ruleId = String(options.input.ruleId ?? '').trim();
      const result = explainToolResult(ruleId, services.lang());
      if (!result)
        throw new Error(
          `Unknown rule id "${ruleId}". Known rule ids: ${allRuleMeta()
            .map((r) => r.id)
            .join(', ')}.`,
        );
      return text(result);
    },
  };
}

function weekTool(services: Services): vscode.LanguageModelTool<WeekInput> {
  return {
    prepareInvocation: (options) => ({
      invocationMessage: services.lang() === 'ko' ? `커리큘럼 ${options.input.week ?? '현재 주차'} 확인 중…` : `Reading the course week ${options.input.week ?? '(current)'}…`,
    }),
    invoke: async (options) => {
      const course = await learnerCourse(services);
      const wanted = options.input.week?.trim();
      if (wanted && !course.curriculum?.weeks.some((w) => w.id === wanted)) {
        throw new Error(`Unknown week "${wanted}". Weeks look like beginner/1; this course has ${(course.curriculum?.weeks ?? []).map((w) => w.id).join(', ')}.`);
      }
      return text(weekToolResult(course, wanted as WeekRef | undefined, services.lang()));
    },
  };
}

/** Registers the three tools; call once from `extension.ts`. They are owned by `context.subscriptions`. */
export function registerTeacherTools(context: vscode.ExtensionContext, services: Services): void {
  // Older VS Code (before the tools API) has no `lm.registerTool`; the rest of the extension still works.
  if (typeof vscode.lm?.registerTool !== 'function') return;
  context.subscriptions.push(
    vscode.lm.registerTool(Tools.review, reviewTool(services)),
    vscode.lm.registerTool(Tools.explainRule, explainTool(services)),
    vscode.lm.registerTool(Tools.weekContext, weekTool(services)),
  );
}
