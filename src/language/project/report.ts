import { l } from '../rule';
import type { Localized, Range } from '../types';
import type { AppView } from './apps';
import type { Deployment, ProbeView } from './deploy';
import type { ProjectView } from './index';

/** Small helpers the project rules share to word their findings and point at the files that cause them. */

export interface Related {
  readonly path: string;
  readonly range: Range;
  readonly message: Localized;
}

/** The range of the line `index` falls on inside a text (a run command, a script) that starts at `range`. */
export function lineAt(range: Range, raw: string, index: number): Range {
  const line = range.start.line + (raw.slice(0, index).match(/\n/g)?.length ?? 0);
  return line === range.start.line ? range : { start: { line, column: 0 }, end: { line, column: 0 } };
}

/** The app's routes for a message, health routes first: `/health, /predict`. */
export function routeList(app: AppView, max = 5): string {
  const paths = [
    ...new Set(
      app.routes
        .filter((r) => !r.implicit)
        .sort((a, b) => Number(b.health) - Number(a.health))
        .map((r) => r.path),
    ),
  ];
  const shown = paths.slice(0, max).join(', ');
  if (!shown) return app.prefixes.length ? app.prefixes.map((p) => `${p.prefix}/...`).join(', ') : '-';
  return paths.length > max ? `${shown}, ...` : shown;
}

/** The app's GET health routes, a documented `GET /` last. */
export function healthRoutes(app: AppView): string[] {
  const paths = app.routes.filter((r) => r.health && (!r.methods || r.methods.includes('GET'))).map((r) => r.path);
  return [...new Set(paths)].sort((a, b) => Number(a === '/') - Number(b === '/'));
}

/** Where the app is created, and its health route if it has one. */
export function appRelated(view: ProjectView, app: AppView): Related[] {
  const related: Related[] = [];
  if (app.object) {
    related.push({
      path: app.path,
      range: app.object.range,
      message: l(`${view.display(app.path)}의 앱이 제공하는 경로: ${routeList(app)}`, `The app in ${view.display(app.path)} serves: ${routeList(app)}`),
    });
  }
  const health = app.routes.find((r) => r.health);
  if (health)
    related.push({
      path: health.file,
      range: health.range,
      message: l(`헬스 체크 경로 ${health.path}는 여기에 선언되어 있습니다`, `The health route ${health.path} is declared here`),
    });
  return related;
}

/** The ports a probe may legitimately target: the app server's, and those the app opens itself. */
export function knownPorts(deployment: Deployment): number[] | undefined {
  return deployment.listenPorts ? [...deployment.listenPorts, ...deployment.extraPorts] : undefined;
}

/** Is the probe aimed at the app server (so its path is the app's business)? */
export function probesAppServer(deployment: Deployment, probe: ProbeView): boolean {
  if (typeof probe.port !== 'number' || !deployment.listenPorts) return true;
  return deployment.listenPorts.includes(probe.port);
}

export function portsText(ports: readonly number[]): string {
  return [...new Set(ports)].join(', ');
}

/** Deployments worth checking against the app: linked to one, and not development setups. */
export function linkedDeployments(view: ProjectView): Deployment[] {
  return view.deployments.filter((d) => d.apps.length > 0 && d.production);
}
