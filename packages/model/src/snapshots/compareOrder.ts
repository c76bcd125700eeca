/** The comparison's one order for every list: by title, then by id (stable across runs). */
export function byTitleThenId(a: { id: string; title: string }, b: { id: string; title: string }): number {
  return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
