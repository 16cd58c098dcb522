import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Tree } from 'web-tree-sitter';
import { ParserHost, nodeModulesWasm } from '../../src/language/parser';
import { PythonModel } from '../../src/language/python/model';
import { guardingTry } from '../../src/language/python/errors';
import { perItemLoop } from '../../src/language/python/effects';
import { fileValidatesPayloads, requestReads } from '../../src/language/python/requests';
import { credentialsInUrl, isSecretName, looksLikeSecretValue } from '../../src/language/python/secrets';
import { isTestPath } from '../../src/language/python/test-code';
import { assignmentAt, dottedCallee, importsAt, keywordNameAt, LineIndex, lineAssignedValue, stringKeyAt } from '../../src/language/python/scan';
import { isLlmCall, llmCallCandidates } from '../../src/language/python/llm-calls';
import { ROOT } from '../helpers/engine';
import * as fs from 'node:fs';

let host: Promise<ParserHost> | undefined;
const trees: Tree[] = [];

async function model(source: string, file = 'app.py'): Promise<PythonModel> {
  host ??= ParserHost.create(nodeModulesWasm(ROOT));
  const tree = (await host).parse('python', source);
  trees.push(tree);
  return new PythonModel(tree, path.join('/project', file));
}

const callees = (m: PythonModel) => m.calls.map((c) => c.callee);

describe('python model', () => {
  after(() => trees.splice(0).forEach((tree) => tree.delete()));

  it('finds every call isLlmCall accepts among llmCallCandidates, in document order, on every Python fixture', async () => {
    const dir = path.join(ROOT, 'test/fixtures/rules');
    let accepted = 0;
    const extra = [
      // Calls whose text starts with no name: judged by their resolved name.
      'from openai import OpenAI\nclient = OpenAI()\n(client).chat.completions.create(model="m", messages=[])\n[llm][0].invoke("x")\n',
      'llm = make()\ndef ask(q):\n    return llm(q), chain.invoke(q), rag_chain.astream(q), "".join(q)\n',
      // A name that does not start in ASCII: judged by its resolved name as if written.
      'def ask(q):\n    return ællm.invoke(q), éllm_chain(q)\n',
    ];
    const files = fs.readdirSync(dir).flatMap((rule) =>
      fs
        .readdirSync(path.join(dir, rule))
        .filter((f) => f.endsWith('.py'))
        .map((f) => path.join(dir, rule, f)),
    );
    for (const source of [...files.map((file) => fs.readFileSync(file, 'utf8')), ...extra]) {
      const m = await model(source);
      const expected = m.calls.filter((call) => isLlmCall(m, call));
      const candidates = llmCallCandidates(m);
      accepted += expected.length;
      assert.deepEqual(
        candidates.filter((call) => isLlmCall(m, call)),
        expected,
      );
      // A superset kept in document order, each call once.
      assert.equal(new Set(candidates).size, candidates.length);
      assert.ok(candidates.every((call, i) => i === 0 || m.calls.indexOf(candidates[i - 1]) < m.calls.indexOf(call)));
    }
    assert.ok(accepted > 20, `${accepted} model calls in the fixtures`);
  });

  it('answers guardingTry and perItemLoop from the text as the walk up the tree does', async () => {
    const m = await model(
      [
        'import requests',
        'def entry(items):',
        '    requests.get("a")',
        '    try:',
        '        requests.get("b")',
        '    except Exception:',
        '        requests.get("c")',
        '    for item in items:',
        '        requests.post("d", item)',
        '    while True:',
        '        try:',
        '            requests.get("e")',
        '            break',
        '        except Exception:',
        '            pass',
        'def retry_country():',
        '    requests.get("f")',
        'requests.get("g")',
        'for x in range(len(y)):',
        '    requests.get("h")',
        '',
      ].join('\n'),
    );
    assert.equal(m.calls.length, 10);
    for (const call of m.calls) {
      const fn = call.inFunction;
      assert.equal(guardingTry(call.node, fn, m.source)?.id, guardingTry(call.node, fn)?.id, call.node.text);
      assert.equal(perItemLoop(call.node, fn, m.source)?.id, perItemLoop(call.node, fn)?.id, call.node.text);
    }
    assert.ok(guardingTry(m.calls[1].node, m.calls[1].inFunction, m.source));
    assert.ok(perItemLoop(m.calls[3].node, m.calls[3].inFunction, m.source));
  });

  describe('imports and resolution', () => {
    it('resolves module aliases: import numpy as np', async () => {
      const m = await model('import numpy as np\nimport os.path\nnp.random.seed(0)\nos.path.join("a")\n');
      assert.equal(m.imports.get('np'), 'numpy');
      assert.deepEqual(callees(m), ['numpy.random.seed', 'os.path.join']);
      assert.ok(m.importsModule('numpy') && m.importsModule('os'));
    });

    it('resolves from-imports with aliases: from flask import request as r', async () => {
      const m = await model('from flask import request as r, jsonify\nfrom pickle import loads as unpickle\nr.get_json()\nunpickle(b"")\njsonify({})\n');
      assert.equal(m.imports.get('r'), 'flask.request');
      assert.deepEqual(callees(m), ['flask.request.get_json', 'pickle.loads', 'flask.jsonify']);
    });

    it('ignores relative imports and keeps unknown names as they are', async () => {
      const m = await model('from .schemas import Item\nItem(a=1)\nprint("x")\n');
      assert.equal(m.imports.has('Item'), false);
      assert.deepEqual(callees(m), ['Item', 'print']);
    });

    it('reads every written form of import, from the text where it is plain and through the tree otherwise', async () => {
      const plain = [
        'import numpy as np, os.path, torch.nn as nn',
        'from flask import Flask, request as req',
        'from sklearn.model_selection import (\n    train_test_split,\n    KFold as KF,\n)',
        'from fastapi.responses import *',
        'from . import sibling',
        'from ..pkg.mod import helper',
        'import json  # a comment; the statement ends before it',
        'import yaml; import pickle as pk',
      ];
      // Forms the text reader leaves to the tree: a continuation line, comments inside the
      // parentheses, a space around a dot.
      const unusual = [
        'from requests import get, \\\n    post as p',
        'from joblib import (  # the loaders\n    load,  # this one\n    dump as save,\n)',
        'import xml . etree as et',
      ];
      const expected: [string, string][] = [
        ['np', 'numpy'],
        ['os', 'os'],
        ['nn', 'torch.nn'],
        ['Flask', 'flask.Flask'],
        ['req', 'flask.request'],
        ['train_test_split', 'sklearn.model_selection.train_test_split'],
        ['KF', 'sklearn.model_selection.KFold'],
        ['*fastapi.responses', 'fastapi.responses'],
        ['json', 'json'],
        ['yaml', 'yaml'],
        ['pk', 'pickle'],
        ['get', 'requests.get'],
        ['p', 'requests.post'],
        ['load', 'joblib.load'],
        ['save', 'joblib.dump'],
        ['et', 'xml . etree'],
      ];
      const m = await model(`${[...plain, ...unusual].join('\n')}\n`);
      assert.deepEqual([...m.imports], expected);
      for (const statement of plain) assert.ok(importsAt(`${statement}\n`, 0), statement);
      for (const statement of unusual) assert.equal(importsAt(`${statement}\n`, 0), undefined, statement);
      // A later import of the same name wins, across both kinds of statement.
      assert.equal((await model('from a import x\nimport x\n')).imports.get('x'), 'x');
    });

    it('tracks module-level instances: app = Flask(__name__); session = requests.Session()', async () => {
      const m = await model(
        'import requests\nfrom flask import Flask\napp = Flask(__name__)\nsession = requests.Session()\nsession.get("u")\napp.run(debug=True)\nFlask(__name__).run()\n',
      );
      assert.equal(m.instances.get('app'), 'flask.Flask');
      assert.equal(m.instances.get('session'), 'requests.Session');
      assert.deepEqual(callees(m).slice(2), ['requests.Session.get', 'flask.Flask.run', 'flask.Flask.run', 'flask.Flask']);
    });

    it('calls an instance without calling its factory again: model(x) after model = torch.load(...)', async () => {
      const m = await model('import torch\nmodel = torch.load("m.pt")\ny = model(x)\nmodel.eval()\n');
      assert.deepEqual(callees(m), ['torch.load', 'torch.load.__call__', 'torch.load.eval']);
    });

    it('binds function-local names to call results for training scripts', async () => {
      const m = await model('from sklearn.preprocessing import StandardScaler\ndef main(X):\n    scaler = StandardScaler()\n    return scaler.fit_transform(X)\n');
      assert.equal(m.boundCalls.get('scaler'), 'sklearn.preprocessing.StandardScaler');
      assert.equal(m.instances.has('scaler'), false, 'a local binding is not a module-level instance');
    });

    it('finds the innermost enclosing function of each call', async () => {
      const m = await model('a()\ndef outer():\n    b()\n    def inner():\n        c()\n    d()\ne()\n');
      const where = m.calls.map((c) => `${c.callee}:${c.inFunction ? /def (\w+)/.exec(c.inFunction.text)?.[1] : '-'}`);
      assert.deepEqual(where, ['a:-', 'b:outer', 'c:inner', 'd:outer', 'e:-']);
    });

    it('keeps text scans aligned after non-ASCII text and a BOM', async () => {
      const m = await model('\ufeff# 한국어 주석 🚀\nimport requests\nx = "모델"; requests.get("u")\n');
      assert.deepEqual(callees(m), ['requests.get']);
      assert.equal(m.source.slice(m.calls[0].node.startIndex, m.calls[0].node.endIndex), 'requests.get("u")');
    });

    it('finds the main guard', async () => {
      const m = await model('import sys\nif __name__ == "__main__":\n    print(sys.argv)\n');
      assert.ok(m.mainGuard);
      assert.ok(m.inMainGuard(m.calls[0].node));
    });
  });

  describe('handlers and frameworks', () => {
    it('Flask routes with methods, via an aliased app and a blueprint', async () => {
      const m = await model(
        'from flask import Flask, Blueprint\napp = Flask(__name__)\nbp = Blueprint("api", __name__)\n\n@app.route("/predict", methods=["POST"])\ndef predict():\n    pass\n\n@bp.get("/items")\ndef items():\n    pass\n\ndef helper():\n    pass\n',
      );
      assert.equal(m.framework, 'flask');
      assert.deepEqual(
        m.handlers.map((h) => [h.name, h.route, h.methods]),
        [
          ['predict', '/predict', ['POST']],
          ['items', '/items', ['GET']],
        ],
      );
    });

    it('FastAPI async handlers and routers', async () => {
      const m = await model('from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.post("/predict")\nasync def predict(x: float):\n    return x\n');
      assert.equal(m.framework, 'fastapi');
      assert.deepEqual(
        m.handlers.map((h) => [h.name, h.route, h.isAsync]),
        [['predict', '/predict', true]],
      );
    });

    it('gRPC servicer methods', async () => {
      const m = await model(
        'import grpc\nimport pb2_grpc\n\nclass Model(pb2_grpc.ModelServicer):\n    def Predict(self, request, context):\n        pass\n    def _private(self):\n        pass\n',
      );
      assert.equal(m.framework, 'grpc');
      assert.deepEqual(
        m.handlers.map((h) => h.name),
        ['Predict'],
      );
    });

    it('BentoML service APIs', async () => {
      const m = await model(
        'import bentoml\n\n@bentoml.service\nclass Svc:\n    @bentoml.api\n    def predict(self, x: str) -> str:\n        return x\n    def helper(self):\n        pass\n',
      );
      assert.equal(m.framework, 'bentoml');
      assert.deepEqual(
        m.handlers.map((h) => h.name),
        ['predict'],
      );
    });

    it('aiohttp routes registered by call and by a route table, Sanic decorators', async () => {
      const aio = await model(
        'from aiohttp import web\nroutes = web.RouteTableDef()\n\n@routes.get("/reload")\ndef reload(request):\n    pass\n\nasync def predict(request):\n    return 1\n\nasync def batch(request):\n    return 1\n\ndef helper(rows):\n    pass\n\napp = web.Application()\napp.router.add_post("/predict", predict)\napp.add_routes([web.route("PUT", "/batch", batch)])\n',
      );
      assert.equal(aio.framework, 'aiohttp');
      assert.deepEqual(
        aio.handlers.map((h) => [h.name, h.route, h.methods, h.isAsync]),
        [
          ['reload', '/reload', ['GET'], false],
          ['predict', '/predict', ['POST'], true],
          ['batch', '/batch', ['PUT'], true],
        ],
      );
      assert.equal(aio.role, 'serving');
      const sanic = await model('from sanic import Sanic\napp = Sanic("s")\n\n@app.route("/x", methods=["POST"])\nasync def x(request):\n    return 1\n');
      assert.equal(sanic.framework, 'sanic');
      assert.deepEqual(
        sanic.handlers.map((h) => [h.name, h.route, h.methods]),
        [['x', '/x', ['POST']]],
      );
    });

    it('Falcon responders and Tornado request handlers, with the route from the route table', async () => {
      const falcon = await model(
        'import falcon\n\nclass Predict:\n    def on_post(self, req, resp):\n        pass\n    def score(self, rows):\n        pass\n\napp = falcon.App()\napp.add_route("/predict", Predict())\n',
      );
      assert.equal(falcon.framework, 'falcon');
      assert.deepEqual(
        falcon.handlers.map((h) => [h.name, h.route, h.methods]),
        [['Predict.on_post', '/predict', ['POST']]],
      );
      const tornado = await model(
        'from tornado.web import Application, RequestHandler\n\nclass Predict(RequestHandler):\n    def post(self):\n        body = self.request.body\n    def helper(self):\n        pass\n\nclass Other:\n    def get(self):\n        pass\n\ndef make_app():\n    return Application([(r"/predict", Predict)])\n',
      );
      assert.equal(tornado.framework, 'tornado');
      assert.equal(tornado.role, 'serving');
      assert.deepEqual(
        tornado.handlers.map((h) => [h.name, h.route, h.methods]),
        [['Predict.post', '/predict', ['POST']]],
      );
      assert.deepEqual(
        requestReads(tornado, tornado.handlers[0]).map((r) => r.source),
        ['self.request.body'],
      );
    });

    it('an aiohttp client in a FastAPI app leaves the framework FastAPI', async () => {
      const m = await model(
        'import aiohttp\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/x")\nasync def x():\n    async with aiohttp.ClientSession() as s:\n        return 1\n',
      );
      assert.equal(m.framework, 'fastapi');
    });

    it('Ray Serve hooks (reconfigure, check_health) are not request handlers', async () => {
      const m = await model(
        'from ray import serve\n\n@serve.deployment\nclass Model:\n    def reconfigure(self, config):\n        pass\n    def check_health(self):\n        pass\n    async def __call__(self, request):\n        return 1\n',
      );
      assert.deepEqual(
        m.handlers.map((h) => h.name),
        ['__call__'],
      );
    });

    it('Ray Serve deployments', async () => {
      const m = await model('from ray import serve\n\n@serve.deployment\nclass Model:\n    async def __call__(self, request):\n        return 1\n');
      assert.equal(m.framework, 'ray-serve');
      assert.deepEqual(
        m.handlers.map((h) => [h.name, h.isAsync]),
        [['__call__', true]],
      );
    });

    it('Django views in views.py', async () => {
      const m = await model('from django.http import JsonResponse\n\ndef predict(request):\n    return JsonResponse({})\n\ndef helper(x):\n    pass\n', 'shop/views.py');
      assert.equal(m.framework, 'django');
      assert.deepEqual(
        m.handlers.map((h) => h.name),
        ['predict'],
      );
    });

    it('flask-restful Resource and Flask MethodView methods, with the route from add_resource / add_url_rule', async () => {
      const m = await model(
        'from flask import Flask\nfrom flask_restful import Resource, Api\nfrom flask.views import MethodView\napp = Flask(__name__)\napi = Api(app)\n\nclass Iris(Resource):\n    def post(self):\n        pass\n    def helper(self):\n        pass\n\nclass Items(MethodView):\n    def delete(self, id):\n        pass\n\napi.add_resource(Iris, "/iris")\napp.add_url_rule("/items/<id>", view_func=Items.as_view("items"))\n',
      );
      assert.deepEqual(
        m.handlers.map((h) => [h.name, h.route, h.methods]),
        [
          ['Iris.post', '/iris', ['POST']],
          ['Items.delete', '/items/<id>', ['DELETE']],
        ],
      );
    });

    it('flask-restx resources in a namespace module that imports only flask_restx', async () => {
      const m = await model(
        'from flask_restx import Namespace, Resource\nns = Namespace("predict")\n\n@ns.route("/score")\nclass Score(Resource):\n    def post(self):\n        return ns.payload\n',
      );
      assert.equal(m.framework, 'flask');
      assert.deepEqual(
        m.handlers.map((h) => [h.name, h.route, h.methods]),
        [['Score.post', '/score', ['POST']]],
      );
    });

    it('Django class-based views, DRF views and viewset actions', async () => {
      const m = await model(
        'from django.views import View\nfrom rest_framework import viewsets\nfrom rest_framework.decorators import action\n\nclass Plain(View):\n    def get(self, request):\n        pass\n\nclass Models(viewsets.ModelViewSet):\n    def list(self, request):\n        pass\n    @action(detail=True, methods=["post"])\n    def retrain(self, request, pk=None):\n        pass\n    def helper(self):\n        pass\n',
        'ml/views.py',
      );
      assert.equal(m.framework, 'django');
      assert.deepEqual(
        m.handlers.map((h) => [h.name, h.methods]),
        [
          ['Plain.get', ['GET']],
          ['Models.list', ['GET']],
          ['Models.retrain', ['POST']],
        ],
      );
    });

    it('gRPC servicers by their base class, without an import of grpc', async () => {
      const m = await model('import model_pb2_grpc\n\nclass Predictor(model_pb2_grpc.PredictorServicer):\n    def Predict(self, request, context):\n        pass\n');
      assert.equal(m.framework, 'grpc');
      assert.deepEqual(
        m.handlers.map((h) => h.name),
        ['Predict'],
      );
    });

    it('enclosingHandler looks through nested functions', async () => {
      const m = await model('from flask import Flask\napp = Flask(__name__)\n@app.get("/x")\ndef x():\n    def inner():\n        return len("a")\n    return inner()\n');
      const call = m.calls.find((c) => c.callee === 'len')!;
      assert.equal(m.enclosingHandler(call.node)?.name, 'x');
    });
  });

  describe('role', () => {
    it('serving: an app or handlers', async () => {
      assert.equal((await model('from fastapi import FastAPI\napp = FastAPI()\n')).role, 'serving');
    });
    it('training: an ML library and a fit/train call', async () => {
      assert.equal((await model('from sklearn.linear_model import LinearRegression\nLinearRegression().fit(X, y)\n')).role, 'training');
      assert.equal((await model('import torch\nloss = model(x)\nloss.backward()\n')).role, 'training');
    });
    it("training: a model from the project's own helpers, fitted and then evaluated or saved", async () => {
      assert.equal(
        (await model('from utils import build_model, save_model\nmodel = build_model(112, 11)\nmodel.fit(train_gen, epochs=4)\nsave_model(model, "./models")\n')).role,
        'training',
      );
      assert.equal((await model('import joblib\nclf = make_classifier()\nclf.fit(X, y)\nprint(clf.score(X_test, y_test))\n')).role, 'training');
      // A fit with nothing evaluated or saved, or a fit on something that is not a model, is not enough.
      assert.equal((await model('from utils import build_model\nmodel = build_model()\nmodel.fit(X)\n')).role, 'script');
      assert.equal((await model('from utils import load_scaler\nscaler = load_scaler()\nscaler.fit(X)\njoblib.dump(scaler, "s.pkl")\n')).role, 'script');
    });
    it('library: definitions only', async () => {
      assert.equal((await model('import numpy as np\n\ndef norm(x):\n    return np.linalg.norm(x)\n')).role, 'library');
    });
    it('script: top-level calls or a main guard, no training', async () => {
      assert.equal((await model('import sys\nif __name__ == "__main__":\n    print(sys.argv)\n')).role, 'script');
    });
  });

  describe('request data', () => {
    it('finds Flask body reads through an alias, not query strings', async () => {
      const m = await model(
        'from flask import Flask, request as r\napp = Flask(__name__)\n@app.post("/p")\ndef p():\n    a = r.json\n    b = r.args.get("q")\n    return r.get_json()\n',
      );
      assert.deepEqual(
        requestReads(m, m.handlers[0]).map((read) => `${read.range.start.line}:${read.source}`),
        ['4:request.json', '6:request.get_json()'],
      );
    });

    it('finds Starlette Request reads by parameter annotation', async () => {
      const m = await model('from fastapi import FastAPI, Request\napp = FastAPI()\n@app.post("/p")\nasync def p(req: Request):\n    return await req.json()\n');
      assert.deepEqual(
        requestReads(m, m.handlers[0]).map((read) => read.source),
        ['request.json()'],
      );
    });

    it('detects validation with pydantic, marshmallow and jsonschema', async () => {
      const cases: [string, boolean][] = [
        ['from pydantic import BaseModel\nclass A(BaseModel):\n    x: int\nA(**data)\n', true],
        ['from pydantic import BaseModel\nA.model_validate(data)\n', true],
        ['from marshmallow import Schema\nschema.load(data)\n', true],
        ['import jsonschema\njsonschema.validate(data, SCHEMA)\n', true],
        ['from pydantic import BaseModel\nimport json\njson.loads(data)\n', false],
        ['import json\njson.loads(data)\n', false],
      ];
      for (const [source, expected] of cases) assert.equal(fileValidatesPayloads(await model(source)), expected, source);
    });
  });
});

describe('python text scans', () => {
  it('reads dotted callees and assignment targets from the source', () => {
    assert.equal(dottedCallee('x = np . random.seed(0)', 4), 'np.random.seed');
    assert.equal(dottedCallee('"a".encode()', 0), undefined);
    assert.deepEqual(assignmentAt('app.config["DEBUG"] = True', 0), { target: 'app.config["DEBUG"]', valueIndex: 22 });
    assert.equal(assignmentAt('a, b = f()', 0), undefined);
    assert.equal(keywordNameAt('f(timeout = 5)', 2), 'timeout');
    assert.equal(stringKeyAt('{"api_key": "x"}', 1), 'api_key');
  });

  it('finds the first line assigning a name as a multiline regular expression does', () => {
    const pieces = ['PATH', 'PATH2', 'MY_PATH', '모델', ' ', '\t', '\n', '\r\n', '\u2028', '=', '==', ': str ', '"m.pkl"', '# c', 'x.PATH', ';', 'f(PATH)'];
    let seed = 7;
    const pick = () => pieces[(seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + (i % 14) }, pick).join('');
      for (const name of ['PATH', '모델']) {
        const expected = new RegExp(`^[ \\t]*${name}[ \\t]*(?::[^=\\n]*)?=[ \\t]*([^\\n#]+)`, 'm').exec(text)?.[1];
        assert.equal(lineAssignedValue(text, name), expected, JSON.stringify(text));
      }
    }
  });

  it('maps indices to lines and UTF-16 columns', () => {
    const index = new LineIndex('가나\nabc\n');
    assert.deepEqual(index.position(4), { line: 1, column: 1 });
  });

  it('tells secret names, values and placeholders apart', () => {
    for (const name of ['API_KEY', 'db_password', 'hfToken', 'client_secret', 'aws_secret_access_key']) assert.ok(isSecretName(name), name);
    for (const name of ['max_tokens', 'tokenizer', 'TOKEN_URL', 'password_field', 'secret_name']) assert.ok(!isSecretName(name), name);
    for (const value of ['', 'changeme', '<your-key>', '${TOKEN}', 'HF_TOKEN', 'Enter your password', '********']) assert.ok(!looksLikeSecretValue(value), value);
    assert.ok(looksLikeSecretValue('sk-live-4f9a8b7c6d'));
    assert.ok(credentialsInUrl('postgresql://admin:hunter22@db/x'));
    assert.ok(!credentialsInUrl('postgresql://app:${DB_PASSWORD}@db/x'));
    assert.ok(isTestPath('/p/tests/test_api.py') && isTestPath('/p/app_test.py') && !isTestPath('/p/test/fixtures/app.py'));
  });
});
