import type { Node } from 'web-tree-sitter';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/**
 * Calls that open, read or write a file or folder by the path they are given (a tracking store's URI and an import path
 * included; LangChain and LlamaIndex document loaders and readers, a saved FAISS index, a persisted Chroma store).
 */
const FILE_CALL =
  /^open$|^(joblib|pickle|dill|torch|numpy|tensorflow\.keras\.models|keras\.models)\.(load|dump|save|load_model)$|^pandas\.read_\w+$|\.(to_csv|to_parquet|to_excel|to_pickle|to_feather)$|(^|\.)(load_model|load_weights|save_model|save_weights|load_learner|imread|imwrite)$|^PIL\.Image\.open$|^pathlib\.Path$|^os\.path\.(join|exists|isfile|isdir)$|^os\.(listdir|makedirs|mkdir|chdir)$|^sys\.path\.(append|insert)$|^shutil\.(copy\w*|move|rmtree)$|^mlflow\.(set_tracking_uri|set_registry_uri|create_experiment|log_artifacts?)$|(^|\.)(ImageFolder|image_dataset_from_directory|flow_from_directory|load_dataset|from_pretrained)$|^(langchain\w*|llama_index)(\.\w+)*\.(\w+Loader|\w+Reader|load_local|Chroma|from_documents|from_texts)$|^chromadb\.PersistentClient$/;
/**
 * A path that exists only on the author's computer: a Windows drive, a macOS home, a Linux home's
 * desktop or project folder, a Colab drive mount. `/app`, `/models`, `/data` are container paths.
 */
const PERSONAL =
  /^([A-Za-z]:[\\/]|\/Users\/[^/]+\/|\/home\/[^/]+\/(Desktop|Documents|Downloads|OneDrive|Dropbox|PycharmProjects|IdeaProjects|Projects|projects|repos|git|github|workspace|Code|code|dev)\/|\/content\/drive\/)/;
/** A quoted text that starts like a personal path or holds a backslash between two name characters. */
const CANDIDATE =
  /["'](file:\/\/\/?)?([A-Za-z]:[\\/]|\/Users\/|\/home\/|\/content\/drive\/|\\{1,2}\w)|\\{1,2}[\w-][\w.-]*\.(pkl|pickle|joblib|h5|keras|pt|pth|onnx|csv|parquet|json|txt|xlsx?|npy|npz|sav|model|bin)\b/;
/** Names that hold a file location. */
const PATH_NAME = /^[\w.]*(path|dir|directory|file|folder|filename|location)$/i;
/** Backslash separators between path segments (`model\spine.pkl`, `"\\backend\\ml\\rf.joblib"`): the file is found only on Windows. */
const BACKSLASHED = /[\w.-]\\{1,2}[\w-][\w.-]*\.(pkl|pickle|joblib|h5|keras|pt|pth|onnx|csv|parquet|json|txt|xlsx?|npy|npz|sav|model|bin)$|^\\{1,2}[\w-]+\\{1,2}/;

export default pythonRule({
  id: 'machine-specific-path',
  language: 'python',
  local: 'statement',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:machine-specific-path'],
  messages: {
    personal: l(
      "'{path}'는 작성자 컴퓨터에만 있는 경로입니다 — 컨테이너나 다른 사람의 기계에서는 파일을 찾지 못해 시작부터 실패합니다",
      "'{path}' exists only on the author's computer — in a container or on anyone else's machine the file is not found and the code fails at once",
    ),
    backslash: l(
      "'{path}'는 역슬래시로 경로를 나눕니다 — Windows에서만 찾을 수 있어 Linux 컨테이너에서는 파일을 찾지 못합니다",
      "'{path}' separates its folders with backslashes — it resolves only on Windows, so a Linux container does not find the file",
    ),
  },
  docs: {
    summary: l(
      '파일을 여는 호출(실험 추적 저장소 URI, sys.path, 데이터셋·모델 폴더, LangChain·LlamaIndex 문서 로더와 벡터 저장소 폴더 포함)에 넘긴 작성자 컴퓨터 전용 경로(Windows 드라이브, /Users/..., /home/.../Desktop, Colab 드라이브)와 역슬래시로 나눈 경로를 찾습니다.',
      "Flags paths given to file calls (a tracking store's URI, sys.path, data set and model folders, LangChain and LlamaIndex document loaders and vector store folders included) that exist only on the author's computer (a Windows drive, /Users/..., /home/.../Desktop, a Colab drive) and paths separated with backslashes.",
    ),
    why: l(
      '서비스와 작업은 컨테이너, CI, 동료의 노트북에서 돕니다. 작성자의 바탕화면이나 Windows 드라이브를 가리키는 경로는 그곳에 없어서, 배포하자마자 FileNotFoundError로 멈춥니다. 역슬래시 경로는 Linux에서 파일 이름의 일부가 됩니다.',
      "Services and jobs run in containers, in CI and on a colleague's laptop. A path into the author's desktop or Windows drive is not there, so the first deploy stops with FileNotFoundError. On Linux a backslash is part of the file name, not a separator.",
    ),
    bad: "import joblib\n\nmodel = joblib.load('C:\\\\Users\\\\me\\\\Desktop\\\\churn\\\\model.pkl')\n",
    good: "import os\nfrom pathlib import Path\n\nimport joblib\n\n# TODO: 모델 위치는 어디서 정할까요? (환경 변수, 이 파일 기준 상대 경로)\nMODEL_PATH = Path(os.getenv('MODEL_PATH', Path(__file__).parent / 'model.pkl'))\nmodel = joblib.load(MODEL_PATH)\n",
  },
  weeks: ['beginner/3', 'beginner/5'],
  questions: [
    l("이 코드를 컨테이너에서 실행하면 '{path}'는 어디를 가리킬까요? 그곳에 파일이 있을까요?", "When this code runs in a container, where does '{path}' point? Is the file there?"),
    l(
      '파일 위치를 코드에 박아 두는 대신 어디서 받아 올 수 있을까요? (환경 변수, 설정, 이 파일 기준 상대 경로)',
      'Instead of writing the location into the code, where could it come from? (an environment variable, settings, a path relative to this file)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 파일 위치를 기계에 묶지 않기\n# 고려사항:\n# - 배포 환경에서 모델/데이터는 어디에 있나요? (이미지 안, 볼륨, 객체 저장소)\n# - 환경 변수나 설정으로 받고, 기본값은 이 파일 기준 상대 경로로\n# - 경로는 pathlib로 조립하기 (구분자를 직접 쓰지 않기)\n# TODO: 경로를 설정에서 읽기\n',
    en: '# TODO: do not tie file locations to one machine\n# Consider:\n# - where do the model and data live where this runs? (in the image, a volume, object storage)\n# - read them from an environment variable or settings, defaulting to a path relative to this file\n# - build paths with pathlib (never write the separator yourself)\n# TODO: read the path from configuration\n',
  },
  callees: [FILE_CALL],
  // A path kept in a name is found by its own assignment, so it is reported whether or not the
  // file opens anything the callees know (the query also lets the rule run in such a file).
  // Only a right side `pathLiterals` reads: a string, a concatenation or a parenthesised one.
  query: '(assignment left: (_) @left right: [(string) (binary_operator) (parenthesized_expression)]) @assignment',
  check(context) {
    // Most files hold no such literal at all: one scan of the text settles them before any node is read.
    if (isTestPath(context.path) || !CANDIDATE.test(context.model.source)) return;
    const seen = new Set<number>();
    // `MODEL_PATH = "C:\\..."`, `path = "/home/me/Desktop/..."`: a path kept in a name before it is opened.
    const named = context.matches.filter(({ captures }) => PATH_NAME.test(captures.left!.text)).map(({ captures }) => [captures.assignment!.childForFieldName('right')]);
    const sources = [...context.calls.map((call) => call.node.childForFieldName('arguments')?.namedChildren ?? []), ...named];
    for (const values of sources) {
      for (const literal of pathLiterals(values)) {
        if (seen.has(literal.id)) continue;
        seen.add(literal.id);
        const value = literalText(literal);
        // A file URI (`mlflow.set_tracking_uri("file:///C:/Users/me/mlruns")`) names the same place.
        const bare = value.replace(/^file:\/\/(?=\/)/, '').replace(/^\/(?=[A-Za-z]:[\\/])/, '');
        const messageId = PERSONAL.test(bare) ? 'personal' : BACKSLASHED.test(bare) ? 'backslash' : undefined;
        if (messageId) context.report({ node: literal, messageId, data: { path: value } });
      }
    }
  },
});

/** The string literals that make up the path arguments: direct, concatenated (`os.getcwd() + "\\ml\\rf.pkl"`) or joined. */
function pathLiterals(values: readonly (Node | null)[]): Node[] {
  const found: Node[] = [];
  const visit = (node: Node | null, depth: number) => {
    if (!node || depth > 3) return;
    if (node.type === 'string') found.push(node);
    else if (node.type === 'binary_operator' || node.type === 'parenthesized_expression') node.namedChildren.forEach((c) => visit(c, depth + 1));
    else if (node.type === 'keyword_argument') visit(node.childForFieldName('value'), depth + 1);
  };
  for (const value of values) visit(value, 0);
  return found;
}

/** The literal's content between its quotes, as written (escapes kept: `\\` shows as two characters). */
function literalText(node: Node): string {
  return node.text.replace(/^[rRbBuUfF]*("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '');
}
