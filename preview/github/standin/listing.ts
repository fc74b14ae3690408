// Lists as GitHub returns them: issues in the requested order, then one page of `per_page` with a `Link` header.
import type { IssueRecord } from '../state.ts';
import type { Context } from './operation.ts';
import type { StandInStore } from './store.ts';

export function paginate<T>(store: StandInStore, items: T[], ctx: Context, apiPath: string): { page: T[]; link: string | null } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page ?? 30) || 30));
  const pageNo = Math.max(1, Number(ctx.query.page ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const rels: string[] = [];
  const href = (p: number): string => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(ctx.query)) if (k !== 'page' && v !== undefined) q.set(k, String(v));
    q.set('page', String(p));
    return `<${store.config.urls.api}${apiPath}?${q.toString()}>`;
  };
  if (pageNo > 1) rels.push(`${href(pageNo - 1)}; rel="prev"`);
  if (pageNo < last) rels.push(`${href(pageNo + 1)}; rel="next"`, `${href(last)}; rel="last"`);
  if (pageNo > 1) rels.push(`${href(1)}; rel="first"`);
  return { page, link: rels.length ? rels.join(', ') : null };
}

export function linkHeader(link: string | null): Record<string, string> {
  return link ? { link } : {};
}

export function sortIssues(items: IssueRecord[], sort: string, direction: string): IssueRecord[] {
  const key = (i: IssueRecord): string | number => (sort === 'updated' ? i.updatedAt : sort === 'comments' ? i.comments.length : i.createdAt);
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -sign : sign;
    return (a.id - b.id) * sign; // same second: creation order
  });
}
