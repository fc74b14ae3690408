// The ZAF mapping helpers: client.request options → stand-in request, and the stand-in's answer → what
// client.request resolves or rejects with (jQuery semantics), with the proxy's secure-placeholder substitution.
import { beforeAll, describe, expect, it } from 'vitest';
import { createGitHubStandIn } from '../../preview/github/standin.ts';
import { standInRequester, standInToZafResult, zafRequestToStandIn } from '../../preview/github/zaf-adapter.ts';
import type { ZafCompleteResponse, ZafRequestError } from '../../src/zaf/client.ts';
import { loadSpec } from '../../preview/github/spec.ts';

// Compiling GitHub's schemas is the slow part of a first request: do it once, outside any test's time limit.
beforeAll(() => loadSpec().compileAll(), 120_000);

const TOKEN = 'ghp_zaf';

describe('zafRequestToStandIn', () => {
  it('strips the API root (also a GitHub Enterprise path root) and keeps the raw path and query', () => {
    const req = zafRequestToStandIn(
      { url: 'https://ghe.example.com/api/v3/repos/o/r/labels/ce%2Fp1?x=1', type: 'GET', headers: { Accept: 'application/vnd.github+json' } },
      'https://ghe.example.com/api/v3/',
    );
    expect(req).toMatchObject({ method: 'GET', path: '/repos/o/r/labels/ce%2Fp1', headers: { accept: 'application/vnd.github+json' } });
    expect(req.query.get('x')).toBe('1');
  });

  it('passes the body as raw text and moves GET data into the query', () => {
    expect(zafRequestToStandIn({ url: 'https://api.github.com/repos/o/r/issues', type: 'POST', data: '{"title":"t"}' }, 'https://api.github.com').body).toBe(
      '{"title":"t"}',
    );
    const get = zafRequestToStandIn({ url: 'https://api.github.com/search/issues', data: 'q=a+b' }, 'https://api.github.com');
    expect(get.method).toBe('GET');
    expect(get.query.get('q')).toBe('a b');
    expect(get.body).toBeUndefined();
  });

  it('refuses a URL outside the API root', () => {
    expect(() => zafRequestToStandIn({ url: 'https://evil.example/repos/o/r' }, 'https://api.github.com')).toThrow(/not under/);
  });
});

describe('standInToZafResult', () => {
  it('resolves 2xx with the complete response when asked, else with the body', () => {
    const res = { status: 201, headers: { location: 'u' }, body: { number: 1 } };
    expect(standInToZafResult(res, { httpCompleteResponse: true })).toEqual({
      ok: true,
      value: { status: 201, headers: { location: 'u' }, responseText: '{"number":1}', responseJSON: { number: 1 } },
    });
    expect(standInToZafResult(res, {})).toEqual({ ok: true, value: { number: 1 } });
  });

  it('rejects 4xx/5xx with status, statusText, responseText, responseJSON and headers', () => {
    const result = standInToZafResult({ status: 422, headers: { a: 'b' }, body: { message: 'Validation Failed' } }, { httpCompleteResponse: true });
    expect(result).toEqual({
      ok: false,
      error: { status: 422, statusText: 'Unprocessable Entity', responseText: '{"message":"Validation Failed"}', responseJSON: { message: 'Validation Failed' }, headers: { a: 'b' } },
    });
  });
});

describe('standInRequester', () => {
  const standIn = createGitHubStandIn({ acceptedTokens: [TOKEN], htmlBaseUrl: 'http://localhost:4567/github' });
  const request = standInRequester(standIn, 'https://api.github.com', { github_token: TOKEN });

  it('substitutes {{setting.github_token}} only with secure: true', async () => {
    const ok = await request<ZafCompleteResponse>({
      url: 'https://api.github.com/user',
      headers: { Authorization: 'Bearer {{setting.github_token}}' },
      secure: true,
      httpCompleteResponse: true,
    });
    expect(ok.status).toBe(200);
    const refused = await request({ url: 'https://api.github.com/user', headers: { Authorization: 'Bearer {{setting.github_token}}' }, httpCompleteResponse: true }).catch(
      (e: unknown) => e as ZafRequestError,
    );
    expect((refused as ZafRequestError).status).toBe(401);
  });

  it('files through it, and a dropped connection rejects with status 0', async () => {
    const created = await request<ZafCompleteResponse>({
      url: 'https://api.github.com/repos/sourcegraph/customer/issues',
      type: 'POST',
      data: JSON.stringify({ title: 'via ZAF' }),
      contentType: 'application/json',
      headers: { Authorization: 'Bearer {{setting.github_token}}' },
      secure: true,
      httpCompleteResponse: true,
    });
    expect(created.status).toBe(201);
    expect(standIn.listIssues()).toHaveLength(1);
    standIn.addFault({ network: true });
    const dropped = await request({ url: 'https://api.github.com/user', headers: { Authorization: 'Bearer {{setting.github_token}}' }, secure: true }).catch(
      (e: unknown) => e as ZafRequestError,
    );
    expect((dropped as ZafRequestError).status).toBe(0);
  });
});
