// Paging for virtualized lists: what a page of the API holds, and which pages a visible range needs.

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}

export function pagesForRange(start: number, end: number, pageSize: number, total: number | null): number[] {
  if (end < start) return [];
  const last = total === null ? end : Math.min(end, total - 1);
  if (last < start) return total === null || start === 0 ? [0] : [];
  const pages: number[] = [];
  for (let p = Math.floor(Math.max(0, start) / pageSize); p <= Math.floor(last / pageSize); p++) pages.push(p);
  return pages;
}
