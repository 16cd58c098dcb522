import type { Curriculum } from '../../curriculum/types';
import type { Finding, LintResult, RuleMeta, WeekRef } from '../../language/types';
import type { CardView } from '../../shared/protocol';
import { fileFacts } from '../../teacher/facts';
import { attemptsFor, findingKey } from '../../teacher/memory';
import type { ActiveFile, PanelHost } from './host';
import { buildCards, type CardSource } from './view-model';

/**
 * The Review section's cards and the findings behind their ids: the webview only ever sends a
 * card id back, so this registry is how a button or a question finds its finding.
 */

/** The active file's findings as cards, with the hint levels the learner's attempts unlocked. */
export async function reviewCards(
  host: PanelHost,
  file: ActiveFile,
  result: LintResult | undefined,
  curriculum: Curriculum | undefined,
): Promise<{ cards: CardView[]; sources: CardSource[] }> {
  const lang = host.lang();
  const findings = result?.findings ?? [];
  const metas = new Map<string, RuleMeta | undefined>();
  for (const id of new Set(findings.map((f) => f.ruleId))) metas.set(id, await host.rule(id));
  const memory = host.memory();
  return buildCards(findings, (id) => metas.get(id), {
    lang,
    facts: result ? fileFacts(file.path, file.text, result) : undefined,
    weekTitle: (week: WeekRef) => curriculum?.weeks.find((w) => w.id === week)?.title[lang],
    attempts: (finding) => attemptsFor(memory, findingKey(file.path, finding)),
  });
}

const MAX_ADHOC = 20;

export class CardRegistry {
  private readonly cards = new Map<string, { uri: string; finding: Finding }>();
  private adhoc = 0;

  get(cardId: string): { uri: string; finding: Finding } | undefined {
    return this.cards.get(cardId);
  }

  /** The Review section was rebuilt for a file: its cards replace the previous review's. */
  replaceReviewed(uri: string, sources: readonly CardSource[]): void {
    for (const id of [...this.cards.keys()]) if (!id.startsWith('adhoc-')) this.cards.delete(id);
    for (const source of sources) this.cards.set(source.id, { uri, finding: source.finding });
  }

  /** The card of a finding asked about from elsewhere (a quick fix): a reviewed one, or a new ad-hoc one. */
  forFinding(uri: string, finding: Finding): { cardId: string; known: boolean } {
    const known = [...this.cards].find(([, c]) => c.uri === uri && sameFinding(c.finding, finding));
    if (known) return { cardId: known[0], known: true };
    const cardId = `adhoc-${++this.adhoc}`;
    this.cards.set(cardId, { uri, finding });
    // Keep only the latest few findings asked about from elsewhere.
    const adhoc = [...this.cards.keys()].filter((id) => id.startsWith('adhoc-'));
    for (const id of adhoc.slice(0, Math.max(0, adhoc.length - MAX_ADHOC))) this.cards.delete(id);
    return { cardId, known: false };
  }
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.range.start.line === b.range.start.line && a.range.start.column === b.range.start.column;
}
