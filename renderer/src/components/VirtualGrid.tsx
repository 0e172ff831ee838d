// A grid that keeps only the rows on screen (plus a small overscan) in the DOM, whatever the item count; columns
// follow the width. Keyboard: arrows, Page Up/Down, Home/End move the focus, Enter opens.
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface VirtualGridProps {
  count: number;
  minCellWidth: number;
  /** Cell height for a given cell width (thumbnail plus caption). */
  cellHeight: (cellWidth: number) => number;
  gap?: number;
  renderCell: (index: number, cellWidth: number, focused: boolean) => ReactNode;
  onRangeChange?: (start: number, end: number) => void;
  onOpen?: (index: number) => void;
  /** Cards open on a single click; photos select on click and open on double-click or Enter. */
  openOnClick?: boolean;
  /** Ctrl/Cmd-click or Space toggles a cell in the caller's selection (when given). */
  onToggle?: (index: number) => void;
  /** Index to keep focused/visible (e.g. the photo the viewer came back from). */
  initialFocus?: number;
  label: string;
  /** Take the keyboard focus on mount (the main grid of a view, so arrows work at once). */
  autoFocus?: boolean;
  /** Size used before the element is measured (and in tests, where nothing has a layout). */
  initialSize?: { width: number; height: number };
}

export function gridColumns(width: number, minCellWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (minCellWidth + gap)));
}

/** Where a key moves the focus in a grid of `count` items and `columns` columns, `page` rows per screen. */
export function moveFocus(index: number, key: string, columns: number, count: number, pageRows: number): number | null {
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return clamp(index + columns);
    case 'ArrowUp':
      return clamp(index - columns);
    case 'PageDown':
      return clamp(index + columns * pageRows);
    case 'PageUp':
      return clamp(index - columns * pageRows);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function VirtualGrid({
  count,
  minCellWidth,
  cellHeight,
  gap = 8,
  renderCell,
  onRangeChange,
  onOpen,
  openOnClick = false,
  onToggle,
  initialFocus = 0,
  autoFocus = false,
  label,
  initialSize = { width: 1200, height: 800 },
}: VirtualGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initialSize.width);
  const [focus, setFocus] = useState(initialFocus);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => el.clientWidth > 0 && setWidth(el.clientWidth));
    ro.observe(el);
    if (el.clientWidth > 0) setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  const padding = 16;
  const inner = Math.max(minCellWidth, width - padding * 2);
  const columns = gridColumns(inner, minCellWidth, gap);
  const cellWidth = (inner - gap * (columns - 1)) / columns;
  const rowHeight = cellHeight(cellWidth) + gap;
  const rows = Math.ceil(count / columns);

  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 2,
    initialRect: initialSize,
    // An element not laid out yet (or in a DOM without layout) reports 0x0: keep the assumed size instead of
    // rendering nothing.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 && rect.width > 0 ? rect : initialSize)),
    paddingStart: padding,
    paddingEnd: padding,
  });

  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    onRangeChange?.(first * columns, (last + 1) * columns - 1);
  }, [first, last, columns, onRangeChange]);

  useEffect(() => {
    if (autoFocus) scrollRef.current?.focus({ preventScroll: true });
    if (initialFocus > 0) virtualizer.scrollToIndex(Math.floor(initialFocus / columns), { align: 'center' });
    // Only on mount: later focus moves scroll themselves.
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (count === 0) return;
    if (e.key === 'Enter') {
      onOpen?.(focus);
      e.preventDefault();
      return;
    }
    if (e.key === ' ' && onToggle) {
      onToggle(focus);
      e.preventDefault();
      return;
    }
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight || initialSize.height) / rowHeight));
    const next = moveFocus(focus, e.key, columns, count, pageRows);
    if (next === null) return;
    e.preventDefault();
    setFocus(next);
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
  };

  return (
    <div
      ref={scrollRef}
      className="vgrid"
      role="grid"
      aria-label={label}
      aria-rowcount={rows}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="virtual-grid"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((row) => (
          <div
            key={row.key}
            role="row"
            aria-rowindex={row.index + 1}
            className="vgrid-row"
            style={{
              transform: `translateY(${row.start}px)`,
              height: rowHeight - gap,
              gap,
              left: padding,
              right: padding,
            }}
          >
            {Array.from({ length: columns }, (_, c) => {
              const index = row.index * columns + c;
              if (index >= count) return null;
              return (
                <div
                  key={index}
                  role="gridcell"
                  className="vgrid-cell"
                  style={{ width: cellWidth }}
                  onClick={(e) => {
                    setFocus(index);
                    if (onToggle && (e.ctrlKey || e.metaKey)) onToggle(index);
                    else if (openOnClick) onOpen?.(index);
                  }}
                  onDoubleClick={() => onOpen?.(index)}
                >
                  {renderCell(index, cellWidth, index === focus)}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
