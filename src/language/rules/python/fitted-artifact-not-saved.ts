import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from '../../python/model';
import { enclosingClass } from '../../python/nodes';
import { boundCallee, enclosingLoops, firstTrainingCall, isTrainingCall, isTrainingScript, PREPROCESSING, trainsOnlyWhenCalled } from '../../python/training';
import { l, pythonRule } from '../../rule';

/**
 * Calls that persist a fitted object (or make a framework persist it). A project helper named for
 * keeping a model (`hops_client.register_model(model, ...)`, `upload_model(model)`,
 * `save_model_to_s3(model)`) hands it to a registry or a store.
 */
const PERSIST =
  /(^|\.)(dump|dumps|save|save_model|save_pretrained|save_weights|save_checkpoint|log_model|export|export_model|to_onnx|save_state_dict|autolog|push_to_hub)$|^torch\.save$|(^|\.)(ModelCheckpoint|Trainer|Seq2SeqTrainer|SFTTrainer)$|(^|\.)(save|upload|register|persist|store|push)_\w*model\w*$/;

export default pythonRule({
  id: 'fitted-artifact-not-saved',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['gap:artifact-not-persisted'],
  messages: {
    model: l(
      '학습한 모델을 어디에도 저장하지 않습니다 — 서빙되는 모델이 이 코드에서 나왔다는 것을 보일 수 없습니다',
      'The trained model is never saved — nothing shows that the model being served came from this code',
    ),
    preprocessor: l(
      "fit한 전처리기 '{name}'를 저장하지 않습니다 — 서빙에서는 같은 기준(평균, 스케일, 구간)으로 입력을 변환할 수 없습니다",
      "The fitted preprocessor '{name}' is never saved — serving cannot transform inputs on the same scale (means, scales, bins)",
    ),
  },
  docs: {
    summary: l(
      '모델을 학습하고도 저장(joblib/pickle/torch.save/save_pretrained/MLflow log_model 등)하지 않는 스크립트, 학습한 모델을 반환·저장·전달하지 않고 버리는 모듈 수준 학습 함수(Airflow 콜러블, 파이프라인 단계)와, fit한 스케일러·인코더(scikit-learn, category_encoders, 열마다 다시 fit하는 LabelEncoder)를 저장하지 않는 학습·데이터 준비 스크립트를 찾습니다.',
      'Flags scripts that train a model and never save it (joblib, pickle, torch.save, save_pretrained, MLflow log_model ...), module-level training functions (an Airflow callable, a pipeline step) whose model is neither returned, stored, handed on nor saved, and training or data-preparation scripts that fit a scaler or encoder (scikit-learn, category_encoders, a label encoder refitted column by column) and never save it.',
    ),
    why: l(
      '저장되지 않은 모델은 재현할 수 없고, 서빙 중인 파일이 어느 코드와 데이터로 만들어졌는지 추적할 수 없습니다. 전처리기를 저장하지 않으면 서빙은 학습과 다른 기준으로 입력을 바꾸게 되어(training-serving skew) 예측이 조용히 틀어집니다.',
      'A model that is never saved cannot be reproduced, and the file in production cannot be traced to code and data. A preprocessor that is never saved makes serving transform inputs differently from training (training-serving skew), and predictions go quietly wrong.',
    ),
    bad: 'from sklearn.linear_model import LogisticRegression\nfrom sklearn.preprocessing import StandardScaler\n\nscaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)\nmodel = LogisticRegression(max_iter=1000)\nmodel.fit(X_scaled, y)\nprint(model.score(X_scaled, y))\n',
    good: "import joblib\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.pipeline import make_pipeline\nfrom sklearn.preprocessing import StandardScaler\n\n# TODO: 저장한 파일에 어떤 메타데이터(버전, 데이터, 지표)를 함께 남길까요?\npipeline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))\npipeline.fit(X, y)\njoblib.dump(pipeline, 'model.joblib')\n",
  },
  weeks: ['beginner/3', 'beginner/2', 'intermediate/5'],
  questions: [
    l(
      '지금 서빙 중인 모델 파일은 어느 실행, 어느 코드, 어느 데이터로 만들어졌나요? 그걸 어떻게 확인할 수 있나요?',
      'The model file in production: which run, code and data produced it? How could you check?',
    ),
    l(
      '서빙 코드는 {name|학습 때 쓴 전처리}의 평균과 스케일을 어디서 가져오나요?',
      'Where does the serving code get the means and scales of {name|the preprocessing used in training}?',
    ),
    l('전처리와 모델을 하나의 파이프라인으로 저장하면 무엇이 달라질까요?', 'What changes if preprocessing and model are saved together as one pipeline?'),
  ],
  scaffold: {
    ko: '# TODO: 학습 산출물 저장\n# 고려사항:\n# - 모델과 전처리를 함께(Pipeline) 저장할 수 있나요?\n# - 파일 이름이나 레지스트리에 버전을 어떻게 남길까요? (MLflow, DVC)\n# - 함께 기록할 것: 코드 커밋, 데이터 버전, 지표, 라이브러리 버전\n# TODO: 학습이 끝나면 산출물을 저장하고 기록하기\n',
    en: '# TODO: save what training produced\n# Consider:\n# - can the preprocessing and the model be saved together (a Pipeline)?\n# - how is the version recorded? (file name, MLflow, DVC)\n# - record with it: code commit, data version, metrics, library versions\n# TODO: save and record the artifacts when training ends\n',
  },
  check(context) {
    const { model } = context;
    const trains = isTrainingScript(model);
    if (!trains && !preparesData(model)) return;
    const persists = model.calls.filter((c) => c.callee !== undefined && (PERSIST.test(c.callee) || buildsLightningTrainer(model, c) || checkpointsByArguments(c)));
    const training = firstTrainingCall(model);
    if (trains && training && persists.length === 0 && !returnsFromFunction(model, training) && !trainsOnlyWhenCalled(model) && !keptByFlow(model, training)) {
      context.report({ node: training.node, messageId: 'model' });
      return;
    }
    // A module of training functions (an Airflow callable, a pipeline step): a function whose model
    // never leaves it (not returned, stored, handed on or saved) loses it whoever calls it.
    const lost =
      trains && persists.length === 0 && trainsOnlyWhenCalled(model)
        ? model.calls.find((c) => isTrainingCall(model, c) && !returnsFromFunction(model, c) && lostInFunction(model, c) && !keptByFlow(model, c))
        : undefined;
    if (lost) {
      context.report({ node: lost.node, messageId: 'model' });
      return;
    }
    const saved = persists.map((c) => model.source.slice(c.node.startIndex, c.node.endIndex)).join('\n');
    // `joblib.dump(self, path)` saves every part the object holds, in that class.
    const selfSavers = persists.filter((c) => /\bself\b(?!\s*\.)/.test(model.source.slice(c.node.startIndex, c.node.endIndex))).map((c) => enclosingClass(c.node)?.id);
    // No model is trained here and no data set is written for one: a transformer fitted and used up
    // inside one function is an analysis of that call's input, not a part a later step must reapply.
    const feedsNothing = !training && !model.calls.some((c) => WRITES_DATA.test(c.callee ?? ''));
    for (const [name, creation] of fittedPreprocessors(model, feedsNothing)) {
      if (new RegExp(`\\b${name.replace('.', '\\.')}\\b`).test(saved)) continue;
      // `encoders[col] = le` / `encoders.append(le)`, then `pickle.dump(encoders, f)`: saved inside the container.
      if (containersOf(model.source, name).some((holder) => new RegExp(`\\b${holder.replace('.', '\\.')}\\b`).test(saved))) continue;
      // A part an object keeps on `self` is only missing when its class saves something else (the model, not the scaler).
      const owner = name.startsWith('self.') ? enclosingClass(creation)?.id : undefined;
      if (owner !== undefined && (selfSavers.includes(owner) || !persists.some((c) => enclosingClass(c.node)?.id === owner))) continue;
      context.report({ node: creation, messageId: 'preprocessor', data: { name } });
    }
  },
});

/**
 * `trainer = hydra.utils.instantiate(cfg.trainer)` in a Lightning script (the Lightning-Hydra
 * template's way): the call builds a `Trainer`, and a Trainer checkpoints the model it fits by
 * default (`lightning_logs/.../checkpoints`, or the logger's directory), as `pl.Trainer(...)` does.
 */
function buildsLightningTrainer(model: PythonModel, call: CallInfo): boolean {
  if (!/(^|\.)instantiate$/.test(call.callee ?? '') || !/^hydra\b/.test(call.callee ?? '')) return false;
  if (!model.importsModule('pytorch_lightning') && !model.importsModule('lightning')) return false;
  const first = call.node.childForFieldName('arguments')?.namedChildren[0];
  return first !== null && first !== undefined && /(^|\.)trainer$/i.test(first.text);
}

/** Hugging Face and TRL training arguments: whatever Trainer (or subclass) runs with them checkpoints to `output_dir`. */
const TRAINING_ARGUMENTS = /(^|\.)(Seq2Seq)?TrainingArguments$|(^|\.)(SFT|DPO|GRPO|ORPO|KTO|PPO|Reward)Config$/;

/**
 * `TrainingArguments(output_dir=..., save_steps=100)` handed to a `CustomTrainer(Trainer)` subclass:
 * the Trainer saves checkpoints to `output_dir` on its own (every 500 steps by default), so the
 * model is saved unless the arguments switch saving off (`save_strategy="no"`).
 */
function checkpointsByArguments(call: CallInfo): boolean {
  if (!TRAINING_ARGUMENTS.test(call.callee ?? '')) return false;
  const args = call.node.childForFieldName('arguments')?.text ?? '';
  return !/\bsave_strategy\s*=\s*(["']no["']|\w*Strategy\.NO\b)/.test(args);
}

/**
 * A model fitted on `self` in a step of a Metaflow flow (`class TrainFlow(FlowSpec)`): Metaflow
 * stores every `self.*` attribute of every step as a versioned artifact of the run
 * (`Flow('TrainFlow').latest_run['end'].task.data.model`), so it is saved.
 */
function keptByFlow(model: PythonModel, call: CallInfo): boolean {
  if (!model.importsModule('metaflow')) return false;
  const owner = enclosingClass(call.node);
  const bases = owner?.childForFieldName('superclasses')?.text ?? '';
  if (!/\bFlowSpec\b/.test(bases)) return false;
  if (call.callee?.startsWith('self.')) return true;
  const statement = call.node.parent?.type === 'assignment' ? call.node.parent : undefined;
  return statement?.childForFieldName('left')?.text.startsWith('self.') ?? false;
}

/** The containers a fitted object is put into (`encoders[col] = le`, `scalers.append(sc)`), as written. */
function containersOf(source: string, name: string): string[] {
  const escaped = name.replace('.', '\\.');
  const holders: string[] = [];
  for (const m of source.matchAll(new RegExp(`^[ \\t]*([A-Za-z_][\\w.]*)[ \\t]*\\[[^\\]\\n]*\\][ \\t]*=[ \\t]*${escaped}[ \\t]*$`, 'gm'))) holders.push(m[1]);
  for (const m of source.matchAll(new RegExp(`\\b([A-Za-z_][\\w.]*)\\.(?:append|add)\\(\\s*${escaped}\\s*\\)`, 'g'))) holders.push(m[1]);
  // `artifacts = {"model": model, "scaler": scaler}` (or a list or tuple), then `pickle.dump(artifacts, f)`.
  const mentions = new RegExp(`\\b${escaped}\\b`);
  for (const m of source.matchAll(/^[ \t]*([A-Za-z_][\w.]*)[ \t]*=[ \t]*[{[(]/gm)) {
    const literal = bracketed(source, m.index + m[0].length - 1);
    if (mentions.test(literal)) holders.push(m[1]);
  }
  return holders;
}

/** The text of the bracketed literal opening at `start` (up to its matching bracket, or the end of the source). */
function bracketed(source: string, start: number): string {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if ((ch === '}' || ch === ']' || ch === ')') && --depth === 0) return source.slice(start, i + 1);
  }
  return source.slice(start);
}

/** Writers of a prepared data set, for the step that trains on it. */
const WRITES_DATA = /\.(to_csv|to_parquet|to_feather|to_pickle)$|^numpy\.(save|savez|savez_compressed)$/;

/** A data-preparation script of an ML project: it fits encoders and writes the encoded data a later step trains on. */
function preparesData(model: PythonModel): boolean {
  if (model.role !== 'script' || !model.calls.some((c) => WRITES_DATA.test(c.callee ?? ''))) return false;
  return [...model.imports.values()].some((target) => target.split('.')[0] === 'sklearn' || target.startsWith('category_encoders'));
}

/** Calls that send data out of the process: HTTP clients, message queues, RPC stubs. */
const SENDS = /^(requests|httpx)\.(post|put|patch)$|\.(post|put|patch|send|publish|produce|emit|send_json)$/;

/**
 * The fitted object leaves the function for a caller or another process that may keep it:
 * `return model` / `return X, scaler`, or its learned values sent away (a federated client posts
 * `model.coef_ - global_weights` to the server), directly or through one assignment.
 */
function returnsFromFunction(model: PythonModel, call: CallInfo): boolean {
  const fn = call.inFunction;
  if (!fn) return false;
  if (call.node.parent?.type === 'return_statement') return true;
  const receiver = /^([A-Za-z_]\w*)\./.exec(model.source.slice(call.node.startIndex, call.node.startIndex + 80))?.[1];
  if (receiver === undefined) return false;
  const after = model.source.slice(call.node.startIndex, fn.endIndex);
  if (new RegExp(`^[ \\t]+return\\b[^\\n]*\\b${receiver}\\b`, 'm').test(after)) return true;
  // What was learned (`model.coef_`, `model.get_weights()`, `model.state_dict()`), not what was transformed.
  const learned = new RegExp(`\\b${receiver}\\s*\\.\\s*(?:[a-z]\\w*_\\b(?!\\s*\\()|get_weights|state_dict|get_parameters|parameters|named_parameters)`);
  const names = [receiver];
  for (const m of after.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([^\n]+)$/gm)) if (learned.test(m[2])) names.push(m[1]);
  const uses = new RegExp(`\\b(${names.join('|')})\\b`);
  return model.calls.some(
    (c) =>
      c.node.startIndex > call.node.endIndex && c.node.endIndex <= fn.endIndex && SENDS.test(c.callee ?? '') && uses.test(model.source.slice(c.node.startIndex, c.node.endIndex)),
  );
}

/** Calls that only look at a model (score it, print it) or wrap it in a scikit-learn object: the model does not leave through them. */
const KEEPS_NOTHING =
  /^(print|len|str|repr|type|isinstance|getattr)$|^sklearn\.|(^|\.)(\w*score\w*|evaluate\w*|\w*metrics?\w*|predict\w*|plot\w*|infer_signature|(info|debug|warning)$)/;

/**
 * `def train_fn(): model.fit(X, y); print(f1_score(...))` in a module-level function: after the
 * training call, the model (or a pipeline built around it) is never returned, yielded, stored on
 * an object or in a container, declared global, or passed to a call that could keep it.
 */
function lostInFunction(model: PythonModel, call: CallInfo): boolean {
  const fn = call.inFunction;
  const container = fn?.parent?.type === 'decorated_definition' ? fn.parent.parent : fn?.parent;
  if (!fn || container?.type !== 'module') return false;
  const receiver = call.node.childForFieldName('function')?.childForFieldName('object');
  // `loss.backward()` trains a model held elsewhere; a model passed in is trained in the caller's object.
  if (receiver?.type !== 'identifier' || /\.backward$/.test(call.callee ?? '')) return false;
  const parameters = fn.childForFieldName('parameters')?.text ?? '';
  if (new RegExp(`\\b${receiver.text}\\b`).test(parameters)) return false;
  const names = [receiver.text];
  const rest = model.source.slice(call.node.endIndex, fn.endIndex);
  if (new RegExp(`^[ \\t]*global\\b[^\\n]*\\b${receiver.text}\\b`, 'm').test(model.source.slice(fn.startIndex, fn.endIndex))) return false;
  for (const later of model.callsWithin(call.node.endIndex, fn.endIndex)) {
    const args = later.node.childForFieldName('arguments')?.text ?? '';
    const bare = new RegExp(`\\b(${names.join('|')})\\b(?!\\s*[.(\\[])`);
    if (!bare.test(args)) continue;
    if (!KEEPS_NOTHING.test(later.callee ?? '')) return false;
    // `pipeline = Pipeline([..., ("model", model)])`: the wrapper carries the model on.
    const left = later.node.parent?.type === 'assignment' ? later.node.parent.childForFieldName('left') : undefined;
    if (left?.type === 'identifier') names.push(left.text);
  }
  // Fit-and-forecast (`m.fit(df); forecast = m.predict(future); return forecast`): the function's
  // product is the model's output, not the model.
  const output = new RegExp(
    `^[ \\t]*(?:return\\s+|(\\w+)\\s*=\\s*)(?:${names.join('|')})\\s*\\.\\s*(?:predict\\w*|forecast\\w*|transform|decision_function|score_samples)\\s*\\(`,
    'gm',
  );
  for (const m of rest.matchAll(output)) {
    if (m[1] === undefined || new RegExp(`^[ \\t]*return\\b[^\\n]*\\b${m[1]}\\b`, 'm').test(rest)) return false;
  }
  const kept = new RegExp(`^[ \\t]*(?:(?:return|yield)\\b[^\\n]*\\b(?:${names.join('|')})\\b|[\\w.]*[.\\[][^=\\n]*=[^=][^\\n]*\\b(?:${names.join('|')})\\b(?!\\s*[.(\\[]))`, 'm');
  return !kept.test(rest);
}

/** Preprocessors fitted in this script outside a returning helper: name -> where it was created. */
function fittedPreprocessors(model: PythonModel, feedsNothing = false): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const call of model.calls) {
    if (!call.callee || !/\.(fit|fit_transform)$/.test(call.callee)) continue;
    const name = /^((?:self\.)?[A-Za-z_]\w*)\.fit/.exec(model.source.slice(call.node.startIndex, call.node.startIndex + 80))?.[1];
    const receiver = call.node.childForFieldName('function')?.childForFieldName('object');
    const factory = name && receiver ? boundCallee(model, receiver) : undefined;
    // A label encoder usually encodes the target; refitted column after column in a loop, it encodes features and each mapping is lost.
    const labels = factory !== undefined && /(LabelEncoder|LabelBinarizer)$/.test(factory) && enclosingLoops(call.node).length === 0;
    if (!name || !factory || !PREPROCESSING.test(factory) || labels || found.has(name)) continue;
    if (returnsFromFunction(model, call)) continue;
    const creation = model.calls.find((c) => c.callee === factory && c.node.parent?.type === 'assignment' && c.node.parent.childForFieldName('left')?.text === name);
    if (feedsNothing && usedUpInFunction(model, call, name, creation)) continue;
    found.set(name, creation?.node.parent ?? call.node);
  }
  return found;
}

/**
 * `def top_terms(texts): v = TfidfVectorizer(); m = v.fit_transform(texts); return top(m)`: the
 * transformer is created in the function that fits it, and neither it nor what it transformed is
 * returned, yielded, stored on an object or declared global there: only a summary of this call's
 * input leaves the function.
 */
function usedUpInFunction(model: PythonModel, call: CallInfo, name: string, creation: CallInfo | undefined): boolean {
  const fn = call.inFunction;
  if (!fn || name.startsWith('self.') || creation?.inFunction?.id !== fn.id) return false;
  const assignment = call.node.parent?.type === 'assignment' ? call.node.parent.childForFieldName('left') : undefined;
  const names = [name, ...(assignment?.type === 'identifier' ? [assignment.text] : [])].join('|');
  const body = model.source.slice(fn.startIndex, fn.endIndex);
  const leaves = new RegExp(`^[ \\t]*(?:(?:return|yield|global)\\b[^\\n]*\\b(?:${names})\\b|[\\w.]*[.\\[][^=\\n]*=[^=][^\\n]*\\b(?:${names})\\b)`, 'm');
  return !leaves.test(body);
}
