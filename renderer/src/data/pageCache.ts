// Paging for virtualized lists: which pages a visible range needs, and a bounded cache of pages so scrolling through
// 100,000 photos keeps only the pages around the viewport in memory.

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

/** Least recently used pages are dropped beyond `capacity`. */
export class PageCache<T> {
  private readonly pages = new Map<number, T[]>();

  constructor(
    readonly pageSize: number,
    private readonly capacity: number,
  ) {}

  has(page: number): boolean {
    return this.pages.has(page);
  }

  put(page: number, items: T[]): void {
    this.pages.delete(page);
    this.pages.set(page, items);
    while (this.pages.size > this.capacity) this.pages.delete(this.pages.keys().next().value!);
  }

  get(index: number): T | undefined {
    const page = Math.floor(index / this.pageSize);
    const items = this.pages.get(page);
    if (!items) return undefined;
    // Touch: reading a page keeps it.
    this.pages.delete(page);
    this.pages.set(page, items);
    return items[index - page * this.pageSize];
  }

  get size(): number {
    return this.pages.size;
  }

  clear(): void {
    this.pages.clear();
  }
}
