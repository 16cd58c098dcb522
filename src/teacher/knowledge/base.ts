import type { Curriculum } from '../../curriculum/types';
import { ALL_RULES } from '../../language/rules';
import type { Localized, RuleMeta, WeekRef } from '../../language/types';
import conceptData from './concepts.json';
import ruleAliasData from './rule-aliases.json';
import { Index, type AliasGroup, type Hit, type IndexedDoc } from './retrieve';

/**
 * The offline teacher's knowledge base: every rule's metadata, every week of the course and the
 * concept entries in `concepts.json`, indexed for retrieval. Nothing here is written twice: a new
 * rule or week is part of the base as soon as it is registered or loaded.
 */

export type EntryKind = 'concept' | 'rule' | 'week';

export interface KnowledgeEntry {
  readonly id: string;
  readonly kind: EntryKind;
  readonly title: Localized;
  /** What it is for in production: the heart of an answer. */
  readonly why: Localized;
  /** Questions back to the learner; rule questions may carry `{placeholders}` filled from a finding. */
  readonly questions: readonly Localized[];
  readonly rules: readonly string[];
  readonly weeks: readonly WeekRef[];
}

interface ConceptJson {
  readonly id: string;
  readonly title: Localized;
  readonly aliases: { readonly ko: readonly string[]; readonly en: readonly string[] };
  readonly why: Localized;
  readonly questions: readonly Localized[];
  readonly rules: readonly string[];
  readonly weeks: readonly string[];
}

const CONCEPTS = (conceptData as { concepts: readonly ConceptJson[] }).concepts;
const RULE_ALIASES = (ruleAliasData as { rules: Readonly<Record<string, { title: Localized; aliases: { ko: readonly string[]; en: readonly string[] } }>> }).rules;

const PRIOR: Readonly<Record<EntryKind, number>> = { concept: 1, rule: 1, week: 0.7 };

function both(text: Localized): string {
  return `${text.ko}\n${text.en}`;
}

function conceptEntry(c: ConceptJson): KnowledgeEntry {
  return { id: c.id, kind: 'concept', title: c.title, why: c.why, questions: c.questions, rules: c.rules, weeks: c.weeks as WeekRef[] };
}

function ruleEntry(rule: RuleMeta): KnowledgeEntry {
  const known = RULE_ALIASES[rule.id];
  const title = known?.title ?? { ko: `\`${rule.id}\``, en: `\`${rule.id}\`` };
  return { id: rule.id, kind: 'rule', title, why: rule.docs.why, questions: rule.questions, rules: [rule.id], weeks: rule.weeks };
}

function conceptDoc(c: ConceptJson): IndexedDoc {
  return {
    id: c.id,
    title: `${both(c.title)}\n${[...c.aliases.ko, ...c.aliases.en].join('\n')}`,
    body: [both(c.why), ...c.questions.map(both)].join('\n'),
    ownGroups: [c.id],
    prior: PRIOR.concept,
  };
}

function ruleDoc(rule: RuleMeta): IndexedDoc {
  const known = RULE_ALIASES[rule.id];
  const title = [rule.id.replace(/-/g, ' '), known ? both(known.title) : '', ...(known ? [...known.aliases.ko, ...known.aliases.en] : [])].join('\n');
  const body = [
    both(rule.docs.summary),
    both(rule.docs.why),
    ...Object.values(rule.messages).map(both),
    ...rule.questions.map(both),
    rule.docs.bad,
    // The scaffold's considerations are the rule's vocabulary; its code lines are not.
    ...[rule.scaffold.ko, rule.scaffold.en].flatMap((s) => s.split('\n').filter((line) => /^#\s*-/.test(line))),
  ].join('\n');
  return { id: rule.id, title, body, ownGroups: [rule.id], prior: PRIOR.rule };
}

function ruleGroups(): AliasGroup[] {
  return ALL_RULES.map((rule) => {
    const known = RULE_ALIASES[rule.id];
    return { id: rule.id, aliases: [rule.id, ...(known ? [...known.aliases.ko, ...known.aliases.en] : [])] };
  });
}

export class KnowledgeBase {
  private readonly entries = new Map<string, KnowledgeEntry>();
  private readonly index: Index;

  constructor(curriculum?: Curriculum) {
    const docs: IndexedDoc[] = [];
    for (const c of CONCEPTS) {
      this.entries.set(c.id, conceptEntry(c));
      docs.push(conceptDoc(c));
    }
    for (const rule of ALL_RULES) {
      this.entries.set(rule.id, ruleEntry(rule));
      docs.push(ruleDoc(rule));
    }
    for (const week of curriculum?.weeks ?? []) {
      const checkpoint = week.checkpoints[0];
      this.entries.set(week.id, {
        id: week.id,
        kind: 'week',
        title: week.title,
        why: { ko: week.objectives.map((o) => o.ko).join(' · '), en: week.objectives.map((o) => o.en).join(' · ') },
        questions: checkpoint ? [checkpoint.question, ...checkpoint.rubric.slice(0, 1).map((r) => r.probe)] : [],
        rules: week.focusRules,
        weeks: [week.id],
      });
      docs.push({
        id: week.id,
        title: both(week.title),
        body: [...week.objectives, ...week.concepts, ...(checkpoint ? [checkpoint.question, ...checkpoint.rubric.map((r) => r.label)] : [])].map(both).join('\n'),
        ownGroups: [],
        prior: PRIOR.week,
      });
    }
    const groups: AliasGroup[] = [...CONCEPTS.map((c) => ({ id: c.id, aliases: [...c.aliases.ko, ...c.aliases.en] })), ...ruleGroups()];
    this.index = new Index(docs, groups);
  }

  entry(id: string): KnowledgeEntry | undefined {
    return this.entries.get(id);
  }

  search(question: string, limit = 5): (Hit & { readonly entry: KnowledgeEntry })[] {
    return this.index.search(question, limit).flatMap((hit) => {
      const entry = this.entries.get(hit.id);
      return entry ? [{ ...hit, entry }] : [];
    });
  }

  /** Alias groups a text mentions (rule and concept ids). */
  topicsIn(text: string): string[] {
    return this.index.groups(text);
  }
}

let plain: KnowledgeBase | undefined;
const withCourse = new WeakMap<Curriculum, KnowledgeBase>();

/** The base for a course (cached per loaded curriculum), or rules and concepts only. */
export function knowledgeBase(curriculum?: Curriculum): KnowledgeBase {
  if (!curriculum) return (plain ??= new KnowledgeBase());
  let base = withCourse.get(curriculum);
  if (!base) withCourse.set(curriculum, (base = new KnowledgeBase(curriculum)));
  return base;
}
