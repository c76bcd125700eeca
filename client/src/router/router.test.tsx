import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BrowserRouter,
  Link,
  Navigate,
  NavLink,
  Outlet,
  Route,
  Routes,
  useParams,
  useSearchParams,
} from './router.tsx';

// React's act() needs to know it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Layout() {
  const { partnershipId } = useParams();
  return (
    <div>
      <nav>
        <NavLink to={`/p/${partnershipId}`} end>
          overview
        </NavLink>
        <NavLink to={`/p/${partnershipId}/goals`}>goals</NavLink>
      </nav>
      <h1>partnership {partnershipId}</h1>
      <Outlet />
    </div>
  );
}

function Goals() {
  const [params, setParams] = useSearchParams();
  const { partnershipId } = useParams();
  return (
    <section>
      <p>
        goals of {partnershipId}, showing {params.get('show') ?? 'all'}
      </p>
      <button
        type="button"
        onClick={() =>
          setParams((current) => {
            current.set('show', 'open');
            return current;
          })
        }
      >
        only open
      </button>
      <Link to="/login">to login</Link>
    </section>
  );
}

function TestApp() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="login" element={<p>log in</p>} />
        <Route path="old" element={<Navigate to="/login" replace />} />
        <Route path="p/:partnershipId" element={<Layout />}>
          <Route index element={<p>overview</p>} />
          <Route path="goals" element={<Goals />} />
        </Route>
        <Route path="*" element={<p>not found</p>} />
      </Routes>
    </BrowserRouter>
  );
}

let container: HTMLDivElement;
let root: Root;

async function open(path: string) {
  window.history.replaceState(null, '', path);
  // A new key: a fresh router that reads the address, as on a page load.
  await act(async () => root.render(<TestApp key={path} />));
}

const text = () => container.textContent ?? '';
const link = (name: string) => [...container.querySelectorAll('a')].find((a) => a.textContent === name) as HTMLElement;
/** Clicks `element`; answers whether the page let the browser's own handling go ahead. */
async function click(element: HTMLElement, init: MouseEventInit = {}): Promise<boolean> {
  let browserHandles = true;
  await act(async () => {
    browserHandles = element.dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }),
    );
  });
  return browserHandles;
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('router', () => {
  it('renders the nested route in its layout, with the params of the whole match and the active tab marked', async () => {
    await open('/p/abc/goals');
    expect(text()).toContain('partnership abc');
    expect(text()).toContain('goals of abc, showing all');
    expect(link('goals').getAttribute('aria-current')).toBe('page');
    expect(link('goals').className).toBe('active');
    // `end`: the overview tab is not active on a page below it.
    expect(link('overview').getAttribute('aria-current')).toBeNull();
  });

  it('follows a plain click in the page and leaves a modified click to the browser', async () => {
    await open('/p/abc/goals');
    expect(link('to login').getAttribute('href')).toBe('/login');
    // A new tab is the browser's business: the click is not taken over.
    expect(await click(link('to login'), { ctrlKey: true })).toBe(true);
    await open('/p/abc/goals');
    const length = window.history.length;
    expect(await click(link('to login'))).toBe(false);
    expect(window.location.pathname).toBe('/login');
    expect(window.history.length).toBe(length + 1);
    expect(text()).toBe('log in');
  });

  it('changes the query in place, and follows Back and Forward', async () => {
    await open('/p/abc/goals');
    await click(container.querySelector('button') as HTMLElement);
    expect(window.location.search).toBe('?show=open');
    expect(text()).toContain('showing open');
    await act(async () => {
      window.history.replaceState(null, '', '/p/abc');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(text()).toContain('overview');
    expect(link('overview').getAttribute('aria-current')).toBe('page');
  });

  it('redirects with <Navigate> and shows the catch-all for an unknown path', async () => {
    await open('/old');
    expect(window.location.pathname).toBe('/login');
    expect(text()).toBe('log in');
    await open('/p/abc/nothing');
    expect(text()).toBe('not found');
  });
});
