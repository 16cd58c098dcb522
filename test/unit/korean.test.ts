import * as assert from 'node:assert/strict';
import { finalSound, fixParticleAfter, particleFor, withParticle } from '../../src/shared/korean';
import { engine } from '../helpers/engine';

describe('Korean particles after code and English words', () => {
  it('reads the final sound as a Korean reader pronounces the word', () => {
    const cases: [string, string, string][] = [
      ['request.json', '를', 'request.json을'], // 제이슨
      ['model.pkl', '를', 'model.pkl을'], // 피케이엘
      ['Flask', '은', 'Flask는'], // 플라스크
      ['API', '을', 'API를'], // 에이피아이
      ['app.py', '을', 'app.py를'], // 파이
      ['pickle', '가', 'pickle이'], // 피클
      ['actions/checkout@v4', '을', 'actions/checkout@v4를'], // 사
      ['5432', '를', '5432를'], // 이
      ['`debug-mode-enabled`', '은', '`debug-mode-enabled`는'],
      ['모델', '를', '모델을'],
      ['서버', '을', '서버를'],
      ['Docker', '으로', 'Docker로'],
      ['파일', '으로', '파일로'], // ㄹ takes 로
      ['commit', '을', 'commit을'], // 커밋
      ['test', '이', 'test가'], // 테스트
    ];
    for (const [word, particle, expected] of cases) assert.equal(withParticle(word, particle), expected, word);
    assert.equal(finalSound('yaml'), 'rieul');
    assert.equal(particleFor('x', '과'), '와');
  });

  it('corrects the particle a template puts after a value, through a closing quote, and leaves other syllables alone', () => {
    assert.equal(fixParticleAfter('request.json', '를 검증 없이'), '을 검증 없이');
    assert.equal(fixParticleAfter('predict', "'가 사용합니다"), "'가 사용합니다");
    assert.equal(fixParticleAfter('load', "'가 사용합니다"), "'가 사용합니다");
    assert.equal(fixParticleAfter('api', "'이 사용합니다"), "'가 사용합니다");
    assert.equal(fixParticleAfter('db', '이다'), '이다', 'a one-syllable particle followed by Hangul is not a particle');
    assert.equal(fixParticleAfter('x', '으로'), '로');
  });

  it('is applied to rule messages the engine renders in Korean', async () => {
    const text = "from flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/p', methods=['POST'])\ndef p():\n    return request.json['x']\n";
    const result = (await engine()).lintText('app.py', text, { lang: 'ko' });
    const message = result.findings.find((f) => f.ruleId === 'unvalidated-request-payload')?.message ?? '';
    assert.match(message, /request\.json을 검증 없이/);
  });
});
