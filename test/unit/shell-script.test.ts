import * as assert from 'node:assert/strict';
import { shellProblems } from '../../src/language/yaml/shell-script';

/** The shell reader behind broken-workflow-step: what it reports, and the constructs it must read through. */
describe('shell-script: run scripts that cannot run as written', () => {
  const kinds = (script: string) => shellProblems(script).map((p) => `${p.line}:${p.kind}:${p.text}`);

  it('reports a redirect with no target, an unclosed quote, a lost continuation, a prompt and a build with no context', () => {
    assert.deepEqual(kinds('echo "A=1" >> .env\necho "B=2" >'), ['1:redirect:echo "B=2" >']);
    assert.deepEqual(kinds('gcloud auth activate-service-account --key-file=k.json\nexport CREDS="k.json'), ['1:quote:"']);
    assert.deepEqual(kinds("echo 'it is\ndone"), ["0:quote:'"]);
    assert.deepEqual(kinds('gcloud run deploy api \\\n  --platform managed\n  --allow-unauthenticated'), ['1:flagLine:--allow-unauthenticated']);
    assert.deepEqual(kinds('sudo apt-get update\nsudo apt-get install gdal-bin\nsudo apt-get install libgdal-dev'), ['1:prompt:apt-get']);
    assert.deepEqual(kinds('sudo add-apt-repository ppa:ubuntugis/ppa'), ['0:prompt:add-apt-repository']);
    assert.deepEqual(kinds('docker build -t api:latest'), ['0:buildContext:docker build']);
  });

  it('reads through quotes, substitutions, heredocs, comments and answered prompts', () => {
    const fine = [
      'VERSION="$(git describe --tags "$(git rev-list --tags --max-count=1)")"',
      `echo "It's $VERSION" >> "$GITHUB_OUTPUT"`,
      'cat <<\'EOF\' > config.json\n{"unbalanced": "\nEOF',
      'python -c "\nimport sys\nprint(1 if len(sys.argv) > 1 else 2)\n"',
      "printf $'it\\'s\\n'",
      'echo "${GITHUB_REF#refs/heads/}" # a comment that ends with >',
      'echo "${{ github.event_name == \'push\' }}"',
      'docker run --rm \\\n  --env A=1 \\\n  image:1.0',
      'case "$1" in\n  --help) echo usage ;;\nesac',
      'sudo apt-get update && sudo apt-get install -y curl\nsudo apt-get -qq install graphviz\nyes | sudo apt-get install swig',
      'docker build -t api:1.0 --build-arg V=1 ./app\ndocker build --some-new-option x -t api',
      'cat file.txt |\n  grep x',
    ];
    for (const script of fine) assert.deepEqual(kinds(script), [], script);
  });
});
