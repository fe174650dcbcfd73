import { describe, expect, it } from 'vitest';
import { ApiError, unwrap } from './problem';

const response = (status: number) => new Response(null, { status });

describe('unwrap', () => {
  it('returns the data of a successful answer', () => {
    expect(unwrap({ data: { id: 1 }, response: response(200) })).toEqual({ id: 1 });
  });

  it('throws the problem of a refused answer, with its field errors joined per field', () => {
    const problem = { title: '入力内容に誤りがあります。', status: 400, errors: { title: ['必須です。', '200 文字までです。'], budget: ['0 以上です。'] } };
    try {
      unwrap({ error: problem, response: response(400) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      const refused = error as ApiError;
      expect(refused.status).toBe(400);
      expect(refused.message).toBe('入力内容に誤りがあります。');
      expect(refused.fieldErrors()).toEqual({ title: '必須です。 200 文字までです。', budget: '0 以上です。' });
    }
  });

  it('treats an answer without a body as a failure, never as empty data', () => {
    expect(() => unwrap({ response: response(502) })).toThrow('HTTP 502');
  });
});
