import * as vscode from 'vscode';
import { LINTED_SELECTOR } from './convert';
import { Commands } from './ids';
import { firstQuestion } from './pure/rule-doc';
import { say } from './pure/strings';
import type { AdapterServices } from './services-impl';

/** Hovering a finding shows the teacher's first question and a "more" link to the rule explanation. */
export function registerHover(context: vscode.ExtensionContext, services: AdapterServices): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(LINTED_SELECTOR, {
      provideHover(document, position) {
        const findings = services.latest(document.uri)?.findings ?? [];
        const shown = new Set((services.diagnostics.get(document.uri) ?? []).map((d) => `${d.range.start.line}:${d.range.start.character}`));
        const lang = services.lang();
        const parts: string[] = [];
        const seen = new Set<string>();
        for (const finding of findings) {
          const range = new vscode.Range(finding.range.start.line, finding.range.start.column, finding.range.end.line, finding.range.end.column);
          if (!range.contains(position) || !shown.has(`${finding.range.start.line}:${finding.range.start.column}`) || seen.has(finding.ruleId)) continue;
          seen.add(finding.ruleId);
          const rule = services.ruleMeta(finding.ruleId);
          if (!rule) continue;
          const link = `command:${Commands.explainRule}?${encodeURIComponent(JSON.stringify([rule.id]))}`;
          parts.push(`**🤔 ${escapeMarkdown(rule.id)}** — ${escapeMarkdown(firstQuestion(rule, finding, lang))} [${say(lang, 'hover.more')}](${link})`);
        }
        if (parts.length === 0) return undefined;
        const markdown = new vscode.MarkdownString(parts.join('\n\n'));
        markdown.isTrusted = { enabledCommands: [Commands.explainRule] };
        return new vscode.Hover(markdown);
      },
    }),
  );
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}
