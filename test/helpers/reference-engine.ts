import { LintEngine } from '../../src/language/engine';
import { nodeModulesWasm } from '../../src/language/parser';
import type { Rule } from '../../src/language/rule';
import { ALL_RULES } from '../../src/language/rules';
import { ROOT } from './engine';

/**
 * The engine and CLI tests are about the engine, not the catalogue: they run the two reference
 * rules only, so adding rules to the catalogue never changes what they expect.
 */
export const REFERENCE_IDS = ['debug-mode-enabled', 'missing-readiness-probe'] as const;

export const REFERENCE_RULES: readonly Rule[] = REFERENCE_IDS.map((id) => {
  const rule = ALL_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`reference rule ${id} is missing from ALL_RULES`);
  return rule;
});

let shared: Promise<LintEngine> | undefined;

export function referenceEngine(): Promise<LintEngine> {
  shared ??= LintEngine.create(nodeModulesWasm(ROOT), REFERENCE_RULES);
  return shared;
}

/** A config text that turns off every rule except the reference ones, plus `rules` and `rest`. */
export function referenceConfig(rules: Record<string, string> = {}, rest = ''): string {
  const entries = ALL_RULES.filter((r) => !(REFERENCE_IDS as readonly string[]).includes(r.id)).map((r) => `  ${r.id}: off`);
  entries.push(...Object.entries(rules).map(([id, value]) => `  ${id}: ${value}`));
  return `${entries.length ? `rules:\n${entries.join('\n')}\n` : ''}${rest}`;
}
