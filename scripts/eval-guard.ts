/**
 * `npm run eval:guard`: the full adversarial matrix. Every tuned disguise × every prompt ×
 * every surface × every delivery, plus every harmless answer on every surface, against the
 * leaky mock server on 127.0.0.1. Prints, per disguise, the share of the solution's lines that
 * reached the learner. `--heldout` runs the set-aside disguises instead (only at the end of a
 * piece of work: never tune against them). `--paths panel,participant` picks surfaces.
 */
import { DISGUISES, type Disguise } from '../test/guard/disguises';
import { HARMLESS } from '../test/guard/harmless';
import { HELDOUT } from '../test/guard/heldout';
import { DELIVERIES, formatSummary, runHarmless, runLeak, summarize, type LeakResult, type Runner } from '../test/guard/matrix';
import { PATHS } from '../test/guard/paths';
import { PROMPTS } from '../test/guard/prompts';
import { startLeakyServer } from '../test/helpers/leaky-server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const heldout = args.includes('--heldout');
  const only = args
    .find((a) => a.startsWith('--paths='))
    ?.slice('--paths='.length)
    .split(',');
  const filter = args.find((a) => a.startsWith('--disguise='))?.slice('--disguise='.length);
  const verbose = args.includes('--verbose');
  const paths: [string, Runner][] = Object.entries(PATHS).filter(([name]) => !only || only.includes(name));
  const disguises: readonly Disguise[] = (heldout ? HELDOUT : DISGUISES).filter((d) => !filter || d.id === filter);
  const server = await startLeakyServer();
  const started = Date.now();
  const results: LeakResult[] = [];
  try {
    for (const [name, run] of paths) {
      for (const [i, disguise] of disguises.entries()) {
        for (const [j, prompt] of PROMPTS.entries()) {
          const delivery = DELIVERIES[(i + j) % DELIVERIES.length];
          const result = await runLeak(server, run, name, disguise, prompt, delivery);
          results.push(result);
          if (verbose && result.leaked.length) console.log(`${name} ${disguise.id} ${JSON.stringify(prompt.text)}: ${result.leaked.length} lines\n  ${result.leaked.join('\n  ')}`);
        }
      }
    }
    const title = heldout ? 'Held-out disguises (never tuned against)' : 'Tuned disguises';
    console.log(formatSummary(`${title}: ${disguises.length} disguises × ${PROMPTS.length} prompts × ${paths.length} surfaces`, summarize(results)));
    for (const [name] of paths) {
      const s = summarize(results.filter((r) => r.path === name));
      console.log(`${name}: ${s.runs} conversations, mean ${(100 * s.meanShare).toFixed(1)} %, worst answer ${(100 * s.worstAnswer).toFixed(1)} %, answers over 20 %: ${s.over20}`);
    }
    if (!heldout) {
      let changed = 0;
      let total = 0;
      for (const [name, run] of paths) {
        for (const [i, harmless] of HARMLESS.entries()) {
          for (const prompt of PROMPTS.filter((p) => p.solution === harmless.solution && !p.solutionRequest)) {
            const result = await runHarmless(server, run, name, harmless, prompt, DELIVERIES[(i + total) % DELIVERIES.length]);
            total++;
            if (!result.unchanged) {
              changed++;
              console.log(`changed: ${name} ${harmless.id} ${JSON.stringify(prompt.text)}\n${result.shown}`);
            }
          }
        }
      }
      console.log(`\nHarmless answers changed: ${changed} of ${total}`);
    }
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
