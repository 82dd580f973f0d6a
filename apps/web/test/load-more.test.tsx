import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { api, queryString, type Page } from '../src/api/client';
import { LoadMore, useCursorList } from '../src/components/load-more';
import { mockFetch, renderScreen } from './render';

type Item = { id: string };

function List() {
  const { query, items, more } = useCursorList({
    queryKey: ['things'],
    queryFn: ({ pageParam }) => api<Page<Item>>(`/things${queryString({ cursor: pageParam })}`),
  });
  if (query.isPending) return <p>…</p>;
  return (
    <>
      <ul>{items.map((i) => <li key={i.id}>{i.id}</li>)}</ul>
      <LoadMore {...more} />
    </>
  );
}

describe('load more (cursor pages)', () => {
  it('asks for the next page with the cursor the last one gave, shows both, and hides at the end', async () => {
    const calls = mockFetch((url) => {
      if (url === '/api/v1/things') return { status: 200, body: { items: [{ id: 'a' }, { id: 'b' }], nextCursor: 'c2' } };
      if (url === '/api/v1/things?cursor=c2') return { status: 200, body: { items: [{ id: 'c' }], nextCursor: null } };
      return undefined;
    });
    renderScreen(<List />);
    expect(await screen.findByText('b')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Показать ещё' }));
    expect(await screen.findByText('c')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['a', 'b', 'c']);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Показать ещё' })).toBeNull());
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/things', '/api/v1/things?cursor=c2']);
  });

  it('shows no button when the first page is the last', async () => {
    mockFetch(() => ({ status: 200, body: { items: [{ id: 'a' }], nextCursor: null } }));
    renderScreen(<List />);
    expect(await screen.findByText('a')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
