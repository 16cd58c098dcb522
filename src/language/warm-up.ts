import type { SourceLanguage } from './types';

/**
 * Small texts that reach most of each grammar's parser and of the rules' queries (see
 * `LintEngine.warmUp`): decorators, async code, comprehensions, f-strings, `try`, classes and
 * type hints; block and flow YAML, anchors, block scalars and several documents.
 */
export const WARM_UP_SAMPLES: Readonly<Record<SourceLanguage, string>> = {
  python: `"""Module."""
from __future__ import annotations
import os, json as j
from typing import Any

app = App(__name__)
LIMIT: int = int(os.getenv("LIMIT", "10")) * 2 ** 3


@app.post("/items/{item_id}", status_code=201)
async def handler(item_id: int, body: dict[str, Any] | None = None, *args, **kwargs) -> dict:
    """Docstring."""
    global LIMIT
    if (n := len(args)) > 0 and not body or item_id in {1, 2}:
        return {"n": n, **kwargs}
    elif body is None:
        raise ValueError(f"bad {item_id!r:>10} {body['k']}") from None
    try:
        with open(path := "x.txt", "rb") as handle, lock:
            data = [x async for x in stream(handle) if x]
            pairs = {k: v for k, v in zip(data[1:], data[::-1])}
            await asyncio.gather(*(call(p) for p in pairs), return_exceptions=True)
    except (KeyError, IndexError) as error:
        logger.exception("failed %s", error)
    except* OSError:
        pass
    finally:
        del data
    while True:
        break
    for i, (a, b) in enumerate(pairs.items()):
        continue
    else:
        assert LIMIT, "limit"
    return lambda q=1, /, *, r=2: q @ r if q else ~r


class Model(Base, metaclass=Meta):
    name: str = 'model'

    @property
    def size(self) -> float:
        yield from self.parts[0].run(x=1.5e3, y=0x1F, z=b"bytes", w=r"\\d+", s="""long""")

    match command:
        case {"k": [1, *rest]} | Point(x=0) if rest:
            print(*rest, sep="")
        case _:
            pass


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, debug=False)
`,
  yaml: `# comment
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, labels: {app: web}}
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: "registry/app:1.0"
          args: ['--port', "8000", 3, 4.5, true, null, ~]
          env: &env
            - {name: A, value: 'b'}
          command:
            - sh
            - -c
            - |
              echo "start"
              exec app
          livenessProbe:
            httpGet: {path: /health, port: 8000}
---
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: >-
          pip install -r requirements.txt
        env: *env
...
`,
};
