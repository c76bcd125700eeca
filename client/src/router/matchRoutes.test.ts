import { describe, expect, it } from 'vitest';
import { matchRoutes, type RouteConfig } from './matchRoutes.ts';

const route = (name: string, path: string | undefined, children: RouteConfig<string>[] = []): RouteConfig<string> => ({
  path,
  element: name,
  children,
});
const index = (name: string): RouteConfig<string> => ({ index: true, element: name, children: [] });

// The shape of App.tsx: a pathless shell, a partnership layout with nested pages, a catch-all.
const routes = [
  route('shell', undefined, [
    index('home'),
    route('login', 'login'),
    route('invite', 'invite/:token'),
    route('partnerships', 'p'),
    route('layout', 'p/:partnershipId', [
      index('overview'),
      route('goals', 'goals'),
      route('snapshot', 'snapshots/:snapshotId'),
      route('compare', 'snapshots/:snapshotId/compare'),
      route('canvas', 'canvas/:docId'),
    ]),
    route('notFound', '*'),
  ]),
];

const names = (pathname: string) => matchRoutes(routes, pathname)?.routes.map((r) => r.element);

describe('matchRoutes', () => {
  it('matches nested routes through the pathless shell, index routes where the path ends', () => {
    expect(names('/')).toEqual(['shell', 'home']);
    expect(names('/login')).toEqual(['shell', 'login']);
    expect(names('/p')).toEqual(['shell', 'partnerships']);
    expect(names('/p/abc')).toEqual(['shell', 'layout', 'overview']);
    expect(names('/p/abc/')).toEqual(['shell', 'layout', 'overview']);
    expect(names('/p/abc/goals')).toEqual(['shell', 'layout', 'goals']);
  });

  it('needs the whole path matched: a longer path goes on to the next route, the catch-all last', () => {
    expect(names('/p/abc/snapshots/s1')).toEqual(['shell', 'layout', 'snapshot']);
    expect(names('/p/abc/snapshots/s1/compare')).toEqual(['shell', 'layout', 'compare']);
    expect(names('/p/abc/nothing-here')).toEqual(['shell', 'notFound']);
    expect(names('/login/extra')).toEqual(['shell', 'notFound']);
    expect(matchRoutes(routes, '/a/b/c')?.params).toEqual({ '*': 'a/b/c' });
  });

  it('gives every level the params of the whole match, decoded, with none left from routes tried before', () => {
    expect(matchRoutes(routes, '/p/abc/canvas/d%20e')?.params).toEqual({ partnershipId: 'abc', docId: 'd e' });
    expect(matchRoutes(routes, '/invite/t0k3n')?.params).toEqual({ token: 't0k3n' });
    // `snapshots/:snapshotId` was tried and failed before `compare` matched: one snapshotId, no leftovers.
    expect(matchRoutes(routes, '/p/x/snapshots/s2/compare')?.params).toEqual({ partnershipId: 'x', snapshotId: 's2' });
    expect(matchRoutes(routes, '/p/x/nope')?.params).toEqual({ '*': 'p/x/nope' });
  });

  it('compares literal segments without regard to case, as links typed by people may differ', () => {
    expect(names('/LOGIN')).toEqual(['shell', 'login']);
  });
});
