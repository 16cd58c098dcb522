import { l, projectRule } from '../../rule';

/**
 * Distributions that install only on Windows: pywin32 publishes Windows wheels and no source, and
 * the others depend on it or on Windows' console API. `pip freeze` on a Windows laptop writes them
 * next to the packages the project uses, and the first Linux install (a Docker build, a CI runner,
 * the server) stops with "No matching distribution found".
 */
const WINDOWS_ONLY = new Set(['pywin32', 'pypiwin32', 'pywinpty', 'windows-curses', 'winkerberos']);

/** A requirements file meant for Windows (`requirements-windows.txt`, `requirements_win.txt`). */
const WINDOWS_FILE = /(^|[\\/_.\-])(win|win32|win64|windows)([_.\-][\w.\-]*)?\.txt$/i;

export default projectRule({
  scope: 'project',
  id: 'windows-only-requirement',
  language: 'dockerfile',
  category: 'delivery',
  severity: 'error',
  anchors: ['pip:environment-markers', 'gap:windows-only-requirement'],
  messages: {
    windowsOnly: l(
      '{name}은 Windows에서만 설치되는 패키지인데 플랫폼 조건(; sys_platform == "win32") 없이 적혀 있습니다 — Linux에서 pip install -r(Docker 이미지 빌드, CI, 서버)이 여기서 멈춥니다',
      '{name} installs only on Windows and is listed with no platform marker (; sys_platform == "win32") — pip install -r stops here on Linux (Docker image builds, CI runners, servers)',
    ),
  },
  docs: {
    summary: l(
      'requirements 파일에서 Windows에서만 설치되는 패키지(pywin32, pypiwin32, pywinpty, windows-curses, winkerberos)를 플랫폼 조건 없이 적은 줄을 찾습니다. Windows 노트북에서 `pip freeze`를 하면 이 패키지들이 함께 적힙니다. 이름에 windows/win이 들어간 requirements 파일과 pyproject·Pipfile 같은 매니페스트는 제외합니다.',
      'Flags requirements lines for packages that install only on Windows (pywin32, pypiwin32, pywinpty, windows-curses, winkerberos) with no platform marker. `pip freeze` on a Windows laptop writes them along with everything else. Requirements files named for Windows and manifests (pyproject, Pipfile) are skipped.',
    ),
    why: l(
      '이 패키지들은 Linux용 배포 파일이 없습니다. 작성자의 컴퓨터에서는 문제가 없다가 Docker 이미지 빌드, CI, 서버에서 처음 설치할 때 "No matching distribution found"로 실패하고, 그 뒤의 패키지는 하나도 설치되지 않습니다. 서비스는 배포되지 않습니다.',
      'These packages ship nothing Linux can install. The list works on the author\'s computer and fails with "No matching distribution found" the first time a Docker build, a CI runner or a server installs it, and nothing after that line gets installed: the service never ships.',
    ),
    bad: '# --- requirements.txt ---\nfastapi==0.115.0\npywin32==306\nscikit-learn==1.5.2\n',
    good: '# --- requirements.txt ---\nfastapi==0.115.0\n# TODO: 이 서비스가 pywin32를 쓰나요? 안 쓴다면 지우고, 쓴다면 Windows에서만 설치되게 하세요\npywin32==306; sys_platform == "win32"\nscikit-learn==1.5.2\n',
  },
  weeks: ['beginner/2', 'beginner/3'],
  questions: [
    l(
      '이 requirements 파일은 어떤 운영체제에서 설치되나요? Docker 이미지의 베이스는 무엇인가요?',
      'Which operating system installs this requirements file, and what is the base of the Docker image?',
    ),
    l(
      '이 목록에서 서비스가 실제로 import하는 패키지는 무엇인가요? 나머지는 어디에서 왔나요?',
      'Which of these packages does the service actually import, and where did the rest come from?',
    ),
  ],
  scaffold: {
    ko: '# TODO: Windows 전용 패키지 정리\n# 고려사항:\n# - 서비스가 쓰지 않는다면 줄을 지우세요 (pip freeze 대신 직접 쓰는 패키지만)\n# - 써야 한다면 플랫폼 조건을 붙이세요: ; sys_platform == "win32"\n# - 깨끗한 Linux 환경에서 pip install -r을 돌려 보는 CI 단계가 있나요?\n',
    en: '# TODO: sort out the Windows-only package\n# Consider:\n# - if the service does not use it, drop the line (list what you import, not a pip freeze)\n# - if it must stay, add a platform marker: ; sys_platform == "win32"\n# - does a CI step run pip install -r in a clean Linux environment?\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'requirements' || facts.manifest || facts.lock || WINDOWS_FILE.test(path)) continue;
      for (const requirement of facts.packages)
        if (WINDOWS_ONLY.has(requirement.name.toLowerCase().replace(/_/g, '-')) && !requirement.marked)
          context.report({ path, range: requirement.range, messageId: 'windowsOnly', data: { name: requirement.name } });
    }
  },
});
