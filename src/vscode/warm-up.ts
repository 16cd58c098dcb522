import type { LintEngine } from '../language/engine';
import type { LintResult, SourceLanguage } from '../language/types';

/**
 * A first lint is several times slower than the next one: V8 compiles the grammar's WebAssembly
 * functions when the parser first calls them (and optimises the hot ones later), tree-sitter
 * compiles the rules' queries on first use, and the engine's JavaScript (model, rules, facts)
 * first runs unoptimised. The editor pays those costs on these small samples while it has
 * nothing to check (before the first document of a language opens), so that document is checked
 * by a warm engine. A language some document was already checked in is warm and not sampled.
 *
 * The samples touch the constructs the rules and the model look at most (imports, a web
 * handler, calls, error handling, a Kubernetes workload); their findings are thrown away.
 */
const SAMPLES: Readonly<Record<SourceLanguage, string>> = {
  python: [
    'import logging',
    'import os',
    'import pickle',
    'import requests',
    'from flask import Flask, jsonify, request',
    '',
    'app = Flask(__name__)',
    'log = logging.getLogger(__name__)',
    "MODEL = pickle.load(open(os.environ.get('MODEL_PATH', 'model.pkl'), 'rb'))",
    '',
    '',
    "@app.route('/predict', methods=['POST'])",
    'def predict():',
    '    data = request.json',
    "    features = [float(x) for x in data['features']]",
    "    extra = requests.get('http://feature-store/features').json()",
    '    try:',
    '        result = MODEL.predict([features + extra])',
    '    except Exception as error:',
    "        log.error('prediction failed: %s', error)",
    "        return jsonify({'error': str(error)}), 500",
    "    print('prediction', result)",
    "    return jsonify({'prediction': float(result[0])})",
    '',
    '',
    "if __name__ == '__main__':",
    '    app.run(debug=True)',
    '',
  ].join('\n'),
  yaml: [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: model-api',
    'spec:',
    '  replicas: 1',
    '  selector:',
    '    matchLabels:',
    '      app: model-api',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: model-api',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: model-api:latest',
    '          ports:',
    '            - containerPort: 8080',
    '',
  ].join('\n'),
};

/** Lints the sample of `language` once (the caller drops the result). Never throws. */
export function warmUp(engine: LintEngine, language: SourceLanguage): LintResult | undefined {
  try {
    return engine.lintText(`warm-up.${language === 'python' ? 'py' : 'yaml'}`, SAMPLES[language], { language, facts: true });
  } catch {
    // The engine does not throw for a document; should it, the learner's first check reports it.
    return undefined;
  }
}
