import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gridColumns, moveFocus, VirtualGrid } from './VirtualGrid';

afterEach(cleanup);

function renderGrid(count: number, onOpen = vi.fn(), onRangeChange = vi.fn()) {
  return render(
    <VirtualGrid
      count={count}
      minCellWidth={180}
      cellHeight={(w) => w * 0.75 + 30}
      label="Photos"
      renderCell={(i, _w, focused) => <span data-focused={focused}>photo {i}</span>}
      onOpen={onOpen}
      onRangeChange={onRangeChange}
      initialSize={{ width: 1000, height: 700 }}
    />,
  );
}

describe('VirtualGrid', () => {
  it('renders only the visible cells, whatever the count', () => {
    const small = renderGrid(1000);
    const cellsSmall = small.container.querySelectorAll('[role=gridcell]').length;
    cleanup();
    const big = renderGrid(100_000);
    const cellsBig = big.container.querySelectorAll('[role=gridcell]').length;
    expect(cellsBig).toBeGreaterThan(0);
    expect(cellsBig).toBe(cellsSmall);
    expect(cellsBig).toBeLessThan(60);
    expect(big.container.querySelectorAll('*').length).toBeLessThan(300);
  });

  it('reports the visible index range for paging', () => {
    const onRange = vi.fn();
    renderGrid(100_000, vi.fn(), onRange);
    const [start, end] = onRange.mock.calls.at(-1)!;
    expect(start).toBe(0);
    expect(end).toBeGreaterThan(5);
    expect(end).toBeLessThan(100);
  });

  it('moves the focus with arrows and opens with Enter', () => {
    const onOpen = vi.fn();
    const { getByRole } = renderGrid(50, onOpen);
    const grid = getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    // 1000 px wide, 16 px padding, 180 px cells, 8 px gap: 5 columns.
    expect(onOpen).toHaveBeenCalledWith(6);
    expect(grid.querySelector('[data-focused=true]')?.textContent).toBe('photo 6');
  });

  it('toggles selection with Ctrl-click and Space when the caller keeps one', () => {
    const onToggle = vi.fn();
    const { getByRole, getByText } = render(
      <VirtualGrid
        count={20}
        minCellWidth={180}
        cellHeight={() => 100}
        label="Crops"
        renderCell={(i) => <span>crop {i}</span>}
        onToggle={onToggle}
        initialSize={{ width: 1000, height: 700 }}
      />,
    );
    fireEvent.click(getByText('crop 3'), { ctrlKey: true });
    expect(onToggle).toHaveBeenCalledWith(3);
    fireEvent.keyDown(getByRole('grid'), { key: ' ' });
    expect(onToggle).toHaveBeenLastCalledWith(3);
    fireEvent.click(getByText('crop 4'));
    expect(onToggle).toHaveBeenCalledTimes(2);
  });
});

describe('grid maths', () => {
  it('fits columns and clamps focus moves', () => {
    expect(gridColumns(968, 180, 8)).toBe(5);
    expect(gridColumns(100, 180, 8)).toBe(1);
    expect(moveFocus(0, 'ArrowLeft', 5, 50, 3)).toBe(0);
    expect(moveFocus(48, 'ArrowDown', 5, 50, 3)).toBe(49);
    expect(moveFocus(2, 'PageDown', 5, 50, 3)).toBe(17);
    expect(moveFocus(20, 'End', 5, 50, 3)).toBe(49);
    expect(moveFocus(20, 'x', 5, 50, 3)).toBeNull();
  });
});
