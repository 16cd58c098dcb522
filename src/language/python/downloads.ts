import type { PythonModel } from './model';
import { nodeRange } from '../rule';
import type { Range } from '../types';

/** Calls that fetch files over the network into the local disk or cache. */
export const DOWNLOAD =
  /^(urllib\.request\.urlretrieve|wget\.download|gdown\.download|nltk\.download|spacy\.cli\.download|huggingface_hub\.(hf_hub_download|snapshot_download)|torch\.hub\.(load|load_state_dict_from_url|download_url_to_file)|(tensorflow\.)?keras\.utils\.get_file|tensorflow\.keras\.utils\.get_file)$/;

/** What a download call fetches, for the message. */
export function downloadWhat(callee: string): string {
  return callee.startsWith('nltk') || callee.startsWith('spacy') ? 'language data' : 'a model file';
}

/**
 * Downloads at the top level of a training module or a script (not under `__main__`): the per-file
 * rule leaves them alone, since a script downloads what it works on. When a service imports the
 * module they run at every start of the service, so the project pass reads these.
 */
export function importTimeDownloads(model: PythonModel): { range: Range; what: string }[] {
  if (model.role !== 'training' && model.role !== 'script') return [];
  if (!/\b(download|urlretrieve|get_file|hub\.load)\b/.test(model.source)) return [];
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (call.inFunction || !DOWNLOAD.test(callee) || model.inMainGuard(call.node)) continue;
    let inClass = false;
    for (let n = call.node.parent; n; n = n.parent) if (n.type === 'class_definition') inClass = true;
    // One finding per module, as the per-file rule says one per start-up function.
    if (!inClass) return [{ range: nodeRange(call.node), what: downloadWhat(callee) }];
  }
  return [];
}
