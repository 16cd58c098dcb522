/** Commands that train a model: `python train.py`, `python scripts/train_model.py`, `python -m pkg.train`. */
const TRAINING = /(^|[/_.-])train(ing)?([/_.-]|$)|(^|[/_.-])fit([/_.-]|$)|(^|[/_.-])grid_?search/i;

export function isTrainingCommand(words: readonly string[]): boolean {
  if (!/^python(\d(\.\d+)?)?$/.test(words[0]?.slice(words[0].lastIndexOf('/') + 1) ?? '')) return false;
  const args = words.slice(1).filter((w) => !/^-[^m]/.test(w));
  const target = args[0] === '-m' ? args[1] : args[0];
  return target !== undefined && TRAINING.test(target.replace(/\.py$/, '').replace(/\./g, '/'));
}
