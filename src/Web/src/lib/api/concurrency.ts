/**
 * Keeping one person's clicks and saves from racing each other, and from quietly overwriting someone else's change
 * (decision 0019). The Api refuses a change to an RFP draft or a proposal whose If-Match names an older revision
 * (412), and runs a create sent with an Idempotency-Key once.
 */

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `change` after every earlier change to the same document has settled, so that each one is sent with the
 * revision the previous answer gave: a save made while another is on its way waits for it instead of racing it.
 */
export function inOrder<T>(document: string, change: () => Promise<T>): Promise<T> {
  const next = (queues.get(document) ?? Promise.resolve()).catch(() => undefined).then(change);
  queues.set(document, next);
  void next
    .finally(() => {
      if (queues.get(document) === next) queues.delete(document);
    })
    .catch(() => undefined);
  return next;
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * The same action on the same thing while one is still on its way (a double click) is that one: one request, one
 * answer for both clicks.
 */
export function once<T>(action: string, send: () => Promise<T>): Promise<T> {
  const running = inFlight.get(action) as Promise<T> | undefined;
  if (running) return running;
  const started = send().finally(() => inFlight.delete(action));
  inFlight.set(action, started);
  return started;
}

/** The If-Match header for a document read at `revision` (none when it is not known yet). */
export const ifMatch = (revision: string | null | undefined): Record<string, string> => (revision ? { 'If-Match': `"${revision}"` } : {});

/** A fresh key for one intent to create something; reuse it for retries of that same intent. */
export const newIdempotencyKey = () => crypto.randomUUID().replaceAll('-', '');

/** The Idempotency-Key header for one intent. */
export const idempotent = (key: string): Record<string, string> => ({ 'Idempotency-Key': key });

/**
 * One Idempotency-Key per intent to create: the same request again (a double click, a retry after a lost answer)
 * reuses it, so the Api creates once; a request with other content, or after a success, gets a new one.
 */
export function intentKeys() {
  let last: { body: string; key: string } | null = null;
  return {
    keyFor(variables: unknown) {
      const body = JSON.stringify(variables ?? null);
      if (last?.body !== body) last = { body, key: newIdempotencyKey() };
      return last.key;
    },
    done() {
      last = null;
    },
  };
}

/**
 * Sends a create once per intent: one Idempotency-Key for the same `variables` until it succeeds, and one request
 * for a double click.
 */
export async function createOnce<T>(
  keys: ReturnType<typeof intentKeys>,
  variables: unknown,
  send: (headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  const key = keys.keyFor(variables);
  const created = await once(`create:${key}`, () => send(idempotent(key)));
  keys.done();
  return created;
}
