import type { CommandEntry } from '../command';

/**
 * Every `ai-teacher` sub-command, one line each. A command's module is imported only when it
 * runs, so adding one costs nothing at start-up: `{ name, summary, load: () => import('./x') }`.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'check', summary: 'Check Python and YAML files for production readiness', load: () => import('./check') },
  { name: 'rules', summary: 'List the rules (--json for their full metadata)', load: () => import('./rules') },
  { name: 'teach', summary: "Print the offline teacher's review of a file as Markdown (--lang ko|en)", load: () => import('./teach') },
  { name: 'weeks', summary: 'List the curriculum tracks and weeks (--json, --lang ko|en)', load: () => import('./weeks') },
  { name: 'start', summary: 'Create a week folder with its README and starter files (never overwrites)', load: () => import('./start') },
  { name: 'ask', summary: 'Ask the teacher a question (--file F, --session FILE keeps the conversation, --json)', load: () => import('./ask') },
  { name: 'checkpoint', summary: "Grade an answer to a week's checkpoint: exit 0 passed, 1 not yet (--answer TEXT, --json)", load: () => import('./checkpoint') },
];
