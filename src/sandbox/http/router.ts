import { partnerCenterError } from '../errors';
import type { Route, RouteHandler } from './types';

interface CompiledRoute {
  method: string;
  regex: RegExp;
  names: string[];
  handler: RouteHandler;
  appUserOnly: boolean;
}

interface RouteMatch {
  handler: RouteHandler;
  params: Record<string, string>;
  appUserOnly: boolean;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  // Partner Center paths are case-insensitive (the docs themselves write /V1/Customers/{id}/Carts).
  return { method: route.method, regex: new RegExp(`^${source}/?$`, 'i'), names, handler: route.handler, appUserOnly: route.appUserOnly === true };
}

/** Method + path pattern → handler. Unknown path → 404 code 1000; known path, wrong method → 405. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map(compile);
  }

  match(method: string, path: string): RouteMatch {
    let pathKnown = false;
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
      return { handler: route.handler, params, appUserOnly: route.appUserOnly };
    }
    throw pathKnown
      ? partnerCenterError(405, 0, `The requested resource does not support http method '${method}'.`)
      : partnerCenterError(404, 1000, 'Not found');
  }
}
