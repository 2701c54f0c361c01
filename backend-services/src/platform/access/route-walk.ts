import type { Express } from 'express';
import type { RouteAccess } from './permissions.ts';

/**
 * One route as registered on the app, with the access its guards declare (null: none declared) and its
 * own middlewares (where `validate` and `responds` leave what the OpenAPI document reads).
 */
export type RegisteredRoute = { method: string; path: string; access: RouteAccess | null; handlers: object[] };

type Layer = {
  rawPath?: string | string[];
  handle: ((...args: unknown[]) => unknown) & { routeAccess?: RouteAccess; stack?: Layer[] };
  route?: { path: string; methods: Record<string, boolean>; stack: Layer[] };
};

const joinPath = (a: string, b: string) => (a + (b === '/' ? '' : b)).replace(/\/+/g, '/') || '/';

/**
 * Every route of the app, read from Express's router stack. A route's access is the innermost
 * declaration: its own guard, else a guard `use`d before it in its router (for its mount path or for
 * all), else the one its parent mount carries.
 */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const root = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const out: RegisteredRoute[] = [];
  const walk = (stack: Layer[], prefix: string, inherited: RouteAccess | null) => {
    const declaredFor = new Map<string, RouteAccess>();
    for (const layer of stack) {
      const raw = typeof layer.rawPath === 'string' ? layer.rawPath : '/';
      const around = declaredFor.get(raw) ?? declaredFor.get('/') ?? inherited;
      if (layer.route) {
        const own = layer.route.stack.map((l) => l.handle.routeAccess).find((a) => a !== undefined);
        for (const method of Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]))
          out.push({
            method: method.toUpperCase(),
            path: joinPath(prefix, layer.route.path),
            access: own ?? around,
            handlers: layer.route.stack.map((l) => l.handle),
          });
      } else if (layer.handle.routeAccess !== undefined) {
        declaredFor.set(raw, layer.handle.routeAccess);
      } else if (Array.isArray(layer.handle.stack)) {
        walk(layer.handle.stack, joinPath(prefix, raw), around);
      }
    }
  };
  walk(root, '', null);
  return out;
}
