// The editor bench's Python file (bench-editor.mjs), also linted by profile-first-check.mjs.

/** A deterministic 1,000-line Flask service with the usual findings spread through it. */
export function benchPython(lines = 1000) {
  const out = ['import os', 'import pickle', 'import subprocess', 'import requests', 'from flask import Flask, request, jsonify', '', 'app = Flask(__name__)', ''];
  for (let i = 0; out.length < lines - 3; i++) {
    out.push(
      `@app.route('/predict/${i}', methods=['POST'])`,
      `def predict_${i}():`,
      '    data = request.json',
      `    model = pickle.load(open('model_${i}.pkl', 'rb'))`,
      "    features = [float(x) for x in data['features']]",
      `    response = requests.get('http://feature-store/${i}')`,
      '    try:',
      '        result = model.predict([features])',
      '    except Exception:',
      '        pass',
      `    print('prediction ${i}', features)`,
      "    return jsonify({'prediction': float(result[0]), 'extra': response.json()})",
      '',
    );
  }
  out.length = Math.min(out.length, lines - 3);
  out.push("if __name__ == '__main__':", '    app.run(debug=True)', '');
  return out.join('\n');
}
