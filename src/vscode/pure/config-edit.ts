import * as YAML from 'yaml';

/**
 * Plans "Disable rule in workspace config": sets `rules.<id>: off` in `.ai-teacher.yml` (or the
 * `.yaml`/`.json` file the project already has). YAML goes through the `yaml` Document API so
 * the learner's comments, order and quoting survive; a file that cannot be parsed, or whose
 * `rules` is not a mapping, is left alone and the reason is returned instead.
 */
export type ConfigEdit =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly reason: 'parse-error' | 'not-a-mapping' | 'rules-not-a-mapping'; readonly detail?: string };

export const NEW_CONFIG_HEADER = '# AI Engineering Teacher project config: rules, categories, ignore, failLevel, maxFileSize.\n';

export function disableRuleInConfig(existing: string | undefined, fileName: string, ruleId: string): ConfigEdit {
  if (existing === undefined || existing.trim() === '') {
    if (fileName.endsWith('.json')) return { ok: true, changed: true, text: `${JSON.stringify({ rules: { [ruleId]: 'off' } }, null, 2)}\n` };
    return { ok: true, changed: true, text: `${NEW_CONFIG_HEADER}rules:\n  ${ruleId}: off\n` };
  }
  return fileName.endsWith('.json') ? editJson(existing, ruleId) : editYaml(existing, ruleId);
}

function editYaml(text: string, ruleId: string): ConfigEdit {
  const document = YAML.parseDocument(text);
  if (document.errors.length > 0) return { ok: false, reason: 'parse-error', detail: document.errors[0].message.split('\n')[0] };
  // A file with only comments has no contents; setIn below creates the mapping after them.
  const empty = document.contents === null || (YAML.isScalar(document.contents) && document.contents.value === null);
  if (empty) document.contents = null;
  else if (!YAML.isMap(document.contents)) return { ok: false, reason: 'not-a-mapping' };
  const rules = document.get('rules', true);
  if (rules !== undefined && rules !== null && !YAML.isMap(rules) && !(YAML.isScalar(rules) && rules.value === null)) {
    return { ok: false, reason: 'rules-not-a-mapping' };
  }
  if (YAML.isScalar(rules)) document.set('rules', document.createNode({}));
  if (document.getIn(['rules', ruleId]) === 'off') return { ok: true, changed: false, text };
  document.setIn(['rules', ruleId], 'off');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const out = document.toString({ lineWidth: 0 });
  return { ok: true, changed: true, text: eol === '\n' ? out : out.replace(/\r?\n/g, eol) };
}

function editJson(text: string, ruleId: string): ConfigEdit {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'parse-error', detail: (error as Error).message };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not-a-mapping' };
  const config = value as Record<string, unknown>;
  const rules = config.rules ?? {};
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return { ok: false, reason: 'rules-not-a-mapping' };
  if ((rules as Record<string, unknown>)[ruleId] === 'off') return { ok: true, changed: false, text };
  config.rules = { ...(rules as Record<string, unknown>), [ruleId]: 'off' };
  return { ok: true, changed: true, text: `${JSON.stringify(config, null, 2)}\n` };
}
