/** A route as <Routes> reads it from its <Route> children. */
export interface RouteConfig<Element> {
  /** Segments relative to the parent: `literal`, `:param`, or `*` for the rest of the path. */
  path?: string;
  /** Matches when the parent matched the whole path. */
  index?: boolean;
  element: Element;
  children: RouteConfig<Element>[];
}

export interface RouteMatch<Element> {
  /** From the outermost route to the innermost. */
  routes: RouteConfig<Element>[];
  params: Record<string, string>;
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The segments `route` consumes from the front of `rest`, or undefined if it does not fit. */
function consume(route: RouteConfig<unknown>, rest: string[], params: Record<string, string>): number | undefined {
  if (route.index) return rest.length === 0 ? 0 : undefined;
  const pattern = segmentsOf(route.path ?? '');
  for (const [i, part] of pattern.entries()) {
    if (part === '*') {
      params['*'] = rest.slice(i).map(decode).join('/');
      return rest.length;
    }
    const segment = rest[i];
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = decode(segment);
    else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return pattern.length;
}

function matchFrom<Element>(
  routes: RouteConfig<Element>[],
  rest: string[],
  params: Record<string, string>,
): RouteConfig<Element>[] | undefined {
  for (const route of routes) {
    const tried = { ...params };
    const used = consume(route, rest, tried);
    if (used === undefined) continue;
    const remaining = rest.slice(used);
    const below = route.children.length > 0 ? matchFrom(route.children, remaining, tried) : undefined;
    if (below) {
      Object.assign(params, tried);
      return [route, ...below];
    }
    // A route ends the match only where the path ends (or its `*` took the rest).
    if (remaining.length === 0) {
      Object.assign(params, tried);
      return [route];
    }
  }
  return undefined;
}

/**
 * The chain of routes that matches `pathname`, first declared first: a layout with children
 * matches when one of them does (or the path ends at it), `*` takes whatever is left.
 */
export function matchRoutes<Element>(
  routes: RouteConfig<Element>[],
  pathname: string,
): RouteMatch<Element> | undefined {
  const params: Record<string, string> = {};
  const chain = matchFrom(routes, segmentsOf(pathname), params);
  return chain ? { routes: chain, params } : undefined;
}
