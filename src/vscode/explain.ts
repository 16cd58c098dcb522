import * as vscode from 'vscode';
import type { Lang } from '../language/types';
import { categoryLabel } from '../language/vocabulary';
import { Commands } from './ids';
import { renderRuleExplanation } from './pure/rule-doc';
import { say } from './pure/strings';
import type { AdapterServices } from './services-impl';

/**
 * Rule explanations as read-only virtual Markdown documents (`ai-teacher-rule:/<id>.md?ko`),
 * shown in the Markdown preview. A virtual document is simple and robust: no webview, no CSP,
 * and it works in every editor that has the built-in Markdown extension, with the plain text
 * editor as the fallback.
 */
export const RULE_SCHEME = 'ai-teacher-rule';

export function ruleDocumentUri(ruleId: string, lang: Lang): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${ruleId}.md`, query: lang });
}

export function registerExplainRule(context: vscode.ExtensionContext, services: AdapterServices): void {
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent(uri) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      const rule = services.ruleMeta(id);
      const lang: Lang = uri.query === 'ko' ? 'ko' : 'en';
      return rule ? renderRuleExplanation(rule, lang) : say(lang, 'explain.unknownRule', { rule: id });
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, provider),
    vscode.commands.registerCommand(Commands.explainRule, async (ruleId?: unknown) => {
      const id = typeof ruleId === 'string' ? ruleId : await pickRule(services);
      if (!id) return;
      await openRuleExplanation(id, services);
    }),
  );
}

export async function openRuleExplanation(ruleId: string, services: AdapterServices): Promise<void> {
  const uri = ruleDocumentUri(ruleId, services.lang());
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch (error) {
    services.output.debug(`markdown preview unavailable (${String(error)}); opening the Markdown source`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}

async function pickRule(services: AdapterServices): Promise<string | undefined> {
  const lang = services.lang();
  const ids = [...new Set((services.latest(vscode.window.activeTextEditor?.document.uri ?? vscode.Uri.parse('untitled:none'))?.findings ?? []).map((f) => f.ruleId))];
  const { ALL_RULES } = await import('../language/rules');
  const items = [...ALL_RULES]
    .sort((a, b) => Number(ids.includes(b.id)) - Number(ids.includes(a.id)) || a.id.localeCompare(b.id))
    .map((rule) => ({ label: rule.id, description: categoryLabel(rule.category, lang), detail: rule.docs.summary[lang] }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: say(lang, 'explain.pick'), matchOnDetail: true });
  return picked?.label;
}
