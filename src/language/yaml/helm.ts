/**
 * Is this a Helm (Go template) file? Plain `{{ }}` is not enough: GitHub Actions writes
 * `${{ }}` and Prometheus alert annotations write `{{ $labels.instance }}`, even `{{ if }}` and
 * `{{ end }}` on lines of their own. Helm gives itself away by its objects (`.Values`,
 * `.Release`...) and functions (`include`, `toYaml`...); whitespace trimming (`{{-`) and actions
 * on a line of their own count only in files that hold no alerting or recording rules.
 */
const HELM_OBJECTS = /\{\{[^}]*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\b(?:include|toYaml|tpl|required|nindent)\b)|\{\{-?\s*(?:template|define)\b/;
const TRIM_OR_OWN_LINE = /\{\{-|-\}\}|^[ \t]*(?:-[ \t]*)?\{\{[^}]*\}\}[ \t]*$/m;
const PROMETHEUS_RULES = /^[ \t]*(?:-[ \t]*)?(?:alert|record):/m;

export function isHelmTemplate(text: string, path = ''): boolean {
  if (!text.includes('{{')) return false;
  // Comments may quote template syntax; GitHub Actions expressions are not templates.
  const code = text.replace(/\$\{\{[\s\S]*?\}\}/g, '').replace(/(^|\s)#.*$/gm, '$1');
  if (HELM_OBJECTS.test(code)) return true;
  if (!PROMETHEUS_RULES.test(code) && TRIM_OR_OWN_LINE.test(code)) return true;
  // Inside a chart's templates/ folder any action outside a quoted string is a template.
  return /(^|[\\/])templates[\\/]/.test(path) && /:\s*\{\{/.test(code);
}
