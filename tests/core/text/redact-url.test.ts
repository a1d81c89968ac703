// Credentials in a base URL never reach a message, a run file or `config list`.
import { describe, expect, it } from 'vitest';
import { redactCredentials, redactUrl } from '../../../src/core/text/redact-url.js';

describe('redactUrl', () => {
  it('masks user info and secret query values, keeps the rest', () => {
    expect(redactUrl('https://ada:hunter2@proxy.example/v1')).toBe('https://***@proxy.example/v1');
    expect(redactUrl('https://gw.example/openai/v1?api-version=2024-06-01&api-key=abc123')).toBe('https://gw.example/openai/v1?api-version=2024-06-01&api-key=***');
    expect(redactUrl('https://gw.example/v1?key=abc&token=t0k&x-api-key=z')).toBe('https://gw.example/v1?key=***&token=***&x-api-key=***');
    expect(redactUrl('http://localhost:11434/v1')).toBe('http://localhost:11434/v1');
  });

  it('redacts URLs inside text, such as an error quoting the request URL', () => {
    const msg = 'Request cannot be constructed from a URL that includes credentials: https://ada:hunter2@proxy.example/v1/chat/completions?api_key=s3cret';
    const out = redactCredentials(msg);
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('s3cret');
    expect(out).toContain('https://***@proxy.example/v1/chat/completions?api_key=***');
  });
});
