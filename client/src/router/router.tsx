import {
  type AnchorHTMLAttributes,
  Children,
  createContext,
  isValidElement,
  type MouseEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { matchRoutes, type RouteConfig } from './matchRoutes.ts';

/*
 * The few parts of a browser router the app uses: routes declared as JSX, `:param` and `*`
 * segments, nested layouts with <Outlet>, links, and the location and navigation hooks. It
 * replaces react-router, which was 15 KB gzip of the sign-in page (docs/benchmarks.md, "First
 * page"): its links carry prefetching and form code for framework mode that a bundler cannot drop.
 */

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  /** What the navigation that made this entry passed as `state`. */
  state: unknown;
  /** Tells history entries apart (a new one on every navigation). */
  key: string;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

/** Goes to a path (absolute, or relative to the current address), or `delta` steps through history. */
export type NavigateFunction = (to: string | number, options?: NavigateOptions) => void;

interface HistoryEntry {
  state: unknown;
  key: string;
}

const LocationContext = createContext<Location | null>(null);
const NavigateContext = createContext<NavigateFunction | null>(null);
const RouteContext = createContext<{ params: Readonly<Record<string, string>>; outlet: ReactNode }>({
  params: {},
  outlet: null,
});

function readLocation(): Location {
  const { pathname, search, hash } = window.location;
  const entry = window.history.state as Partial<HistoryEntry> | null;
  return { pathname, search, hash, state: entry?.state ?? null, key: entry?.key ?? 'default' };
}

const pathOf = (url: URL | Location) => `${url.pathname}${url.search}${url.hash}`;

/** Keeps the location in state: pushState for the app's own navigations, popstate for back and forward. */
export function BrowserRouter({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const onPopState = () => setLocation(readLocation());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const navigate = useCallback<NavigateFunction>((to, options = {}) => {
    if (typeof to === 'number') {
      window.history.go(to);
      return;
    }
    const url = new URL(to, window.location.href);
    const entry: HistoryEntry = { state: options.state ?? null, key: Math.random().toString(36).slice(2, 10) };
    // The same address again replaces its entry, so Back does not stay on the page.
    const replace = options.replace ?? pathOf(url) === pathOf(window.location as unknown as URL);
    if (replace) window.history.replaceState(entry, '', pathOf(url));
    else window.history.pushState(entry, '', pathOf(url));
    setLocation(readLocation());
  }, []);
  return (
    <NavigateContext.Provider value={navigate}>
      <LocationContext.Provider value={location}>{children}</LocationContext.Provider>
    </NavigateContext.Provider>
  );
}

export function useLocation(): Location {
  const location = useContext(LocationContext);
  if (!location) throw new Error('useLocation outside BrowserRouter');
  return location;
}

export function useNavigate(): NavigateFunction {
  const navigate = useContext(NavigateContext);
  if (!navigate) throw new Error('useNavigate outside BrowserRouter');
  return navigate;
}

/** The `:name` segments of the matched routes, all levels merged. */
export function useParams(): Readonly<Record<string, string | undefined>> {
  return useContext(RouteContext).params;
}

type SearchParamsUpdate = Record<string, string> | URLSearchParams | ((current: URLSearchParams) => URLSearchParams);

/** The query string, and a setter that navigates to the same path with a new one. */
export function useSearchParams(): [URLSearchParams, (next: SearchParamsUpdate, options?: NavigateOptions) => void] {
  const { search } = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: SearchParamsUpdate, options?: NavigateOptions) => {
      const current = new URLSearchParams(window.location.search);
      const updated = typeof next === 'function' ? next(current) : new URLSearchParams(next);
      const query = updated.toString();
      navigate(`${window.location.pathname}${query ? `?${query}` : ''}`, options);
    },
    [navigate],
  );
  return [params, setParams];
}

export interface RouteProps {
  path?: string;
  index?: boolean;
  element?: ReactNode;
  children?: ReactNode;
}

/** Declares a route inside <Routes>; <Routes> reads its props and renders the match. */
export function Route(_props: RouteProps): ReactNode {
  return null;
}

function configOf(children: ReactNode): RouteConfig<ReactNode>[] {
  return Children.toArray(children)
    .filter(isValidElement<RouteProps>)
    .map(({ props }) => ({
      path: props.path,
      index: props.index,
      element: props.element ?? <Outlet />,
      children: configOf(props.children),
    }));
}

/** Renders the routes that match the location: each level's element, with the next in its <Outlet>. */
export function Routes({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const routes = useMemo(() => configOf(children), [children]);
  const match = matchRoutes(routes, pathname);
  if (!match) return null;
  let outlet: ReactNode = null;
  for (const route of [...match.routes].reverse()) {
    outlet = <RouteContext.Provider value={{ params: match.params, outlet }}>{route.element}</RouteContext.Provider>;
  }
  return outlet;
}

/** Where a layout route shows the route matched below it. */
export function Outlet(): ReactNode {
  return useContext(RouteContext).outlet;
}

/** Navigates once rendered (a redirect). */
export function Navigate({ to, replace, state }: { to: string } & NavigateOptions) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace, state }), [navigate, to, replace, state]);
  return null;
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  state?: unknown;
  ref?: Ref<HTMLAnchorElement>;
}

/** An <a> that navigates in the page on a plain click; other clicks (new tab, download) are the browser's. */
export function Link({ to, replace, state, onClick, target, ...rest }: LinkProps) {
  const navigate = useNavigate();
  const followInPage = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;
    if (event.defaultPrevented || event.button !== 0 || modified || (target && target !== '_self')) return;
    event.preventDefault();
    navigate(to, { replace, state });
  };
  return <a {...rest} href={to} target={target} onClick={followInPage} />;
}

/** A link marked `active` (and aria-current="page") while the location is at or, unless `end`, below it. */
export function NavLink({ to, end = false, className, ...rest }: LinkProps & { end?: boolean }) {
  const { pathname } = useLocation();
  const strip = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path).toLowerCase();
  const here = strip(pathname);
  const target = strip(new URL(to, window.location.origin).pathname);
  const active = here === target || (!end && here.startsWith(target === '/' ? '/' : `${target}/`));
  return (
    <Link
      {...rest}
      to={to}
      className={[className, active && 'active'].filter(Boolean).join(' ') || undefined}
      aria-current={active ? 'page' : undefined}
    />
  );
}
