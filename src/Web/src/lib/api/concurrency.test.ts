import { describe, expect, it, vi } from 'vitest';
import { inOrder, intentKeys, once } from './concurrency';

/** A promise the test settles by hand, to hold a request "on its way". */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

describe('inOrder', () => {
  it('sends a second save of the same document only after the first has settled, even when the first fails', async () => {
    const first = deferred<string>();
    const started: string[] = [];
    const a = inOrder('rfp:1', () => (started.push('a'), first.promise));
    const b = inOrder('rfp:1', async () => (started.push('b'), 'b'));
    await vi.waitFor(() => expect(started).toEqual(['a'])); // the first is on its way, the second waits for it
    first.reject(new Error('503'));
    await expect(a).rejects.toThrow('503');
    await expect(b).resolves.toBe('b');
    expect(started).toEqual(['a', 'b']);
  });

  it('does not hold back a save of another document', async () => {
    const held = deferred<void>();
    void inOrder('rfp:2', () => held.promise);
    await expect(inOrder('rfp:3', async () => 'other')).resolves.toBe('other');
    held.resolve();
  });
});

describe('once', () => {
  it('turns a double click into one request with one answer for both', async () => {
    const answer = deferred<number>();
    let sent = 0;
    const send = () => (sent++, answer.promise);
    const first = once('publish:1', send);
    const second = once('publish:1', send);
    answer.resolve(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(sent).toBe(1);
    await once('publish:1', async () => (sent++, 8));
    expect(sent).toBe(2); // once the first has settled, a new click is a new request
  });
});

describe('intentKeys', () => {
  it('reuses the key for the same content until it succeeds, and changes it for other content', () => {
    const keys = intentKeys();
    const first = keys.keyFor({ title: '給与計算' });
    expect(keys.keyFor({ title: '給与計算' })).toBe(first);
    const other = keys.keyFor({ title: '経理' });
    expect(other).not.toBe(first);
    keys.done();
    expect(keys.keyFor({ title: '経理' })).not.toBe(other);
  });
});
