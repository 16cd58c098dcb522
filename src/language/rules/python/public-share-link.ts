import { keywordArgument } from '../../python/model';
import { isNotebookModel } from '../../python/notebooks';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'public-share-link',
  language: 'python',
  local: 'statement',
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-306', 'gap:public-share-link'],
  messages: {
    share: l(
      'launch(share=True)가 이 Gradio 앱에 공개 gradio.live 주소를 엽니다 — 인증이 없어 링크를 얻은 누구나 앱과 그 뒤의 모델(GPU, 유료 API 키)을 씁니다',
      'launch(share=True) opens a public gradio.live address to this Gradio app with no authentication — anyone who gets the link uses the app and the model behind it (the GPU, the paid API key)',
    ),
  },
  docs: {
    summary: l(
      '스크립트(.py)에서 Gradio 앱을 share=True로 띄우면서 auth를 주지 않는 코드를 찾습니다. 노트북에서 내보낸 스크립트는 제외합니다 (Colab에서는 share 링크가 앱을 보는 유일한 방법입니다).',
      'Flags Gradio apps launched from a script (.py) with share=True and no auth. Scripts exported from notebooks are left alone (in Colab the share link is the only way to see the app).',
    ),
    why: l(
      'share=True는 Gradio의 공개 터널 서버를 거쳐 인터넷 어디서나 닿는 주소를 만듭니다. 방화벽, 컨테이너 포트 설정, 리버스 프록시를 모두 건너뛰므로, 서버나 컨테이너에서 실행되는 앱이라면 그 주소가 새는 순간 누구나 모델 호출 비용과 자원을 씁니다.',
      'share=True makes an address reachable from anywhere on the internet through Gradio’s public tunnel servers. It bypasses the firewall, the container’s port settings and any reverse proxy, so for an app running on a server or in a container, once the link leaks anyone spends the model’s compute and API budget.',
    ),
    bad: 'import gradio as gr\n\ndemo = gr.Interface(fn=answer, inputs="text", outputs="text")\ndemo.launch(share=True, server_name="0.0.0.0")\n',
    good: 'import os\n\nimport gradio as gr\n\ndemo = gr.Interface(fn=answer, inputs="text", outputs="text")\n# TODO: 이 앱은 누가 써야 하나요? 공개 링크 대신 어떤 경로로 사용자가 닿게 할까요?\ndemo.launch(server_name="0.0.0.0", auth=(os.environ["APP_USER"], os.environ["APP_PASSWORD"]))\n',
  },
  weeks: ['beginner/5', 'advanced/4'],
  questions: [
    l(
      '이 앱이 서버나 컨테이너에서 돌 때, 공개 공유 링크를 받은 사람은 누구이고 무엇을 할 수 있나요?',
      'When this app runs on a server or in a container, who holds the public share link, and what can they do with it?',
    ),
    l(
      '사용자는 이 앱에 어떤 경로로 닿아야 하나요? (컨테이너 포트, 리버스 프록시, Hugging Face Space) 그 경로에는 인증이 있나요?',
      'Which way should users reach this app (the container port, a reverse proxy, a Hugging Face Space), and is there authentication on that way?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 공개 링크 대신 정해진 경로로 앱 열기\n# 고려사항:\n# - 데모가 아니라 서비스라면 share=True를 빼고 컨테이너 포트나 프록시로 노출하기\n# - 누가 써야 하나요? auth=(사용자, 비밀번호) 또는 프록시의 로그인\n# - 모델 호출 비용과 GPU를 누가 쓸 수 있나요?\n# TODO: launch()의 share와 auth 설정을 정하세요\n',
    en: '# TODO: open the app through a chosen route instead of a public link\n# Consider:\n# - a service, not a one-off demo: drop share=True and expose the container port or a proxy\n# - who should use it? auth=(user, password) or the proxy’s login\n# - who may spend the model calls and the GPU?\n# TODO: decide the share and auth settings of launch()\n',
  },
  check(context) {
    const { model } = context;
    if (!model.importsModule('gradio') || isNotebookModel(model)) return;
    for (const call of model.calls) {
      const target = call.node.childForFieldName('function');
      if (target?.type !== 'attribute' || target.childForFieldName('attribute')?.text !== 'launch') continue;
      const share = keywordArgument(call.node, 'share');
      if (share?.text !== 'True' || keywordArgument(call.node, 'auth')) continue;
      context.report({ node: share.parent ?? call.node, messageId: 'share' });
    }
  },
});
