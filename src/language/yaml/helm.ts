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

/**
 * A Helm template with its actions neutralised, so the YAML rules can read the manifest it
 * renders to. Every line stays where it was (findings point into the template), and:
 * - control actions (`if`, `else`, `end`, `range`, `with`, `define`, comments, `$x := ...`) on
 *   lines of their own become blank lines, so the lines of every branch are kept;
 * - a value action inside a line (`{{ .Values.image.tag }}`) becomes the placeholder
 *   `⟨.Values.image.tag⟩`: a value only `helm template` knows, which the image, secret and
 *   project readers treat as dynamic (like compose's `${VAR}`). The same expression gives the
 *   same placeholder, so two selectors built from one helper still compare equal;
 * - an action that injects a block (`{{- toYaml .Values.resources | nindent 12 }}`,
 *   `{{- include "chart.labels" . | nindent 4 }}`) becomes a placeholder key at the indentation
 *   it renders to: the mapping it lands in is then `templated` (values.ts), and rules read any
 *   key of it as present but unknown instead of reporting it missing.
 * Nothing is evaluated: the chart's values are not read here (a file is linted on its own).
 */
export function neutraliseHelmTemplate(text: string): string {
  const lines = text.split('\n');
  const out = lines.slice();
  // Line starts, to turn an action's offset into a line and column.
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineOf = (index: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const edits = new Map<number, { from: number; to: number; text: string }[]>();
  const blank = new Set<number>();
  for (const match of text.matchAll(/\{\{-?([\s\S]*?)-?\}\}/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const first = lineOf(start);
    const last = lineOf(end - 1);
    const firstLine = lines[first];
    if (/^\s*#/.test(firstLine)) continue;
    const body = match[1].replace(/\/\*[\s\S]*?\*\//g, '').trim();
    const control = body === '' || /^(if|else|end|range|with|define|template|block|break|continue)\b/.test(body) || /^\$\w*\s*:?=/.test(body);
    const before = firstLine.slice(0, start - starts[first]);
    const after = lines[last].slice(end - starts[last]);
    const alone = before.trim() === '' && after.trim() === '';
    for (let row = first + 1; row <= last; row++) blank.add(row);
    if (alone) {
      if (control) blank.add(first);
      else {
        const key = placeholder(body);
        const indent = /\bn?indent\s+(\d+)/.exec(body)?.[1];
        out[first] = `${' '.repeat(indent !== undefined ? Number(indent) : before.length)}${key}: ${key}`;
        edits.delete(first);
      }
      continue;
    }
    const row = edits.get(first) ?? [];
    const key = placeholder(body);
    const block = /\b(toYaml|nindent)\b/.test(body) && /:\s*$/.test(before);
    row.push({ from: start - starts[first], to: first === last ? end - starts[first] : firstLine.length, text: control ? '' : block ? ` {"${key}": "${key}"}` : key });
    edits.set(first, row);
  }
  for (const [row, list] of edits) {
    if (blank.has(row) && !list.length) continue;
    let line = lines[row];
    for (const edit of list.sort((a, b) => b.from - a.from)) line = line.slice(0, edit.from) + edit.text + line.slice(edit.to);
    out[row] = line;
  }
  for (const row of blank) if (!edits.has(row) || out[row] === lines[row]) out[row] = '';
  return out.join('\n');
}

/**
 * The placeholder of one template expression: the expression itself between ⟨ ⟩, stripped of
 * what YAML or a message could trip on (`⟨.Values.image.tag⟩`, `⟨include chart.labels .⟩`), so a
 * finding still says which value the chart fills in, and the same expression reads the same.
 */
function placeholder(body: string): string {
  // The indentation a helper is rendered at does not change what it renders.
  const expression = body
    .replace(/\|\s*n?indent\s+\d+/g, '')
    .replace(/[^\w.$ -]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `${PLACEHOLDER_OPEN}${expression.slice(0, 60)}⟩`;
}

/** How every placeholder starts: a character no YAML value, image name or secret is written with. */
export const PLACEHOLDER_OPEN = '⟨';

/** Is this scalar (or key) a value only `helm template` knows? */
export function isTemplatePlaceholder(value: string | undefined): boolean {
  return value !== undefined && value.includes(PLACEHOLDER_OPEN);
}
