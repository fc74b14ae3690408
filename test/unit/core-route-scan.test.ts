// The one-pass scanner under the router: tokens, phrases, case-preserving offsets and noise lines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PhraseIndex, phraseTokens, tokenizedPhrase } from '../../src/core/text-scan.ts';

function matchesOf(phrases: string[], text: string, extraWhole: string[] = []): string[] {
  const index = new PhraseIndex(phrases.map((phrase) => ({ phrase, payload: phrase })), extraWhole);
  return index.scan(text, () => true).matches.map((m) => `${m.payloads.join('|')}=${text.slice(m.start, m.end)}`);
}

describe('phraseTokens', () => {
  it('splits like the text: joined words stay whole, suffixes of C++/C# are kept', () => {
    expect(phraseTokens('Go to Definition')).toEqual(['go', 'to', 'definition']);
    expect(phraseTokens('src-cli')).toEqual(['src-cli']);
    expect(phraseTokens('docker-compose.yaml')).toEqual(['docker-compose.yaml']);
    expect(phraseTokens('C++ and C#')).toEqual(['c++', 'and', 'c#']);
    expect(phraseTokens('99th_percentile_search_request_duration')).toEqual(['99th_percentile_search_request_duration']);
  });

  it('takes a shortcut for plain phrases (ASCII words, single spaces) that gives exactly what the tokenizer gives', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const phrase = words.join(' ');
        expect(phraseTokens(phrase)).toEqual(tokenizedPhrase(phrase));
      }),
      { numRuns: 500 },
    );
    // Anything else goes through the tokenizer itself.
    for (const phrase of ["can't work", 'as  soon', ' go', 'k8s.io', 'Ärger']) expect(phraseTokens(phrase)).toEqual(tokenizedPhrase(phrase));
  });
});

describe('PhraseIndex.scan', () => {
  it('prefers the longest phrase and consumes its words', () => {
    expect(matchesOf(['code', 'code host', 'code host connection'], 'Our code host connection and code')).toEqual([
      'code host connection=code host connection',
      'code=code',
    ]);
  });

  it('matches whole tokens only, with original case in the offsets', () => {
    expect(matchesOf(['java'], 'JavaScript and Java, javac')).toEqual(['java=Java']);
  });

  it('reads unknown joined words as their parts, known ones whole', () => {
    expect(matchesOf(['gitlab', 'ci'], 'our gitlab-ci pipeline')).toEqual(['gitlab=gitlab', 'ci=ci']);
    expect(matchesOf(['src-cli', 'src', 'cli'], 'we use src-cli')).toEqual(['src-cli=src-cli']);
    expect(matchesOf(['kubernetes', 'cluster', 'kubernetes cluster'], 'the kubernetes-cluster is fine')).toEqual(['kubernetes cluster=kubernetes-cluster']);
  });

  it('joins phrase words across spaces, hyphens, an apostrophe, not across sentences or lines', () => {
    expect(matchesOf(["we're evaluating"], "We're evaluating it")).toEqual(["we're evaluating=We're evaluating"]);
    expect(matchesOf(['large scale code changes'], 'large-scale code changes')).toEqual(['large scale code changes=large-scale code changes']);
    expect(matchesOf(['code host'], 'we edit code. Host names')).toEqual([]);
    expect(matchesOf(['code host'], 'code\nhost')).toEqual([]);
  });

  it('lets accept() reject a payload in context', () => {
    const index = new PhraseIndex([{ phrase: 'go', payload: 'lang' }]);
    const r = index.scan('Go to settings. Go is great.', (_p, view, first) => view.lower(first + 1) !== 'to');
    expect(r.matches.map((m) => m.start)).toEqual([16]);
  });

  it('hands identifiers with underscores to onIdentifier', () => {
    const seen: string[] = [];
    new PhraseIndex([{ phrase: 'frontend', payload: 1 }]).scan('frontend: 99th_percentile_x and plain words', () => true, (view, i) => seen.push(view.lower(i)));
    expect(seen).toEqual(['99th_percentile_x']);
  });

  it('flags log lines, stack traces, command-output tables and code fences as noise', () => {
    const text = [
      'The customer writes prose here.',
      't=2021-07-01T10:00:00+0000 lvl=eror msg="boom"',
      '2021/07/06 10:01:55 serving http on :3434',
      'NAME        READY   STATUS    RESTARTS   AGE',
      '    at com.acme.Service.run(Service.java:88)',
      '```',
      'inside a fence',
      '```',
      'Back to prose, with a msg="x" key in it? no.',
      'sourcegraph-frontend-0  | lvl=info msg="ok"',
    ].join('\n');
    const { noisyLines } = new PhraseIndex<string>([]).scan(text, () => true);
    expect(noisyLines).toEqual([false, true, true, true, true, true, true, true, false, true]);
  });
});
