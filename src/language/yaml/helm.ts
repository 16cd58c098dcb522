/**
 * Is this a Helm (Go template) file? Plain `{{ }}` is not enough: GitHub Actions writes
 * `${{ }}` and Prometheus alert annotations write `{{ $labels.instance }}` inside strings. Helm
 * gives itself away by its objects (`.Values`, `.Release`...), its functions (`include`,
 * `toYaml`...), whitespace trimming (`{{-`, `-}}`), or a template action on a line of its own.
 */
const HELM_ACTION =
  /\{\{-|-\}\}|\{\{\s*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\$\.(?:Values|Release|Chart)\b|(?:include|template|define|toYaml|tpl|required|nindent|indent)\b)/;
const ACTION_ON_OWN_LINE = /^[ \t]*(?:-[ \t]*)?\{\{[^}]*\}\}[ \t]*$/m;

export function isHelmTemplate(text: string, path = ''): boolean {
  if (!text.includes('{{')) return false;
  // Comments may quote template syntax; GitHub Actions expressions are not templates.
  const code = text.replace(/\$\{\{[\s\S]*?\}\}/g, '').replace(/(^|\s)#.*$/gm, '$1');
  if (HELM_ACTION.test(code) || ACTION_ON_OWN_LINE.test(code)) return true;
  // Inside a chart's templates/ folder any action outside a quoted string is a template.
  return /(^|[\\/])templates[\\/]/.test(path) && /:\s*\{\{/.test(code);
}
