import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCallbackQuery, renderCallbackPage } from '../../bot/callback-page';

describe("parsing Microsoft's redirect", () => {
  it('keeps the known keys as single strings and drops the rest', () => {
    expect(parseCallbackQuery('/api/consent/callback?state=s&admin_consent=True&tenant=t&scope=x&evil=1')).toEqual({
      state: 's',
      admin_consent: 'True',
      tenant: 't',
    });
  });

  it.each([
    ['a repeated key', '/cb?state=a&state=b'],
    ['an oversized value', `/cb?code=${'x'.repeat(9000)}`],
    ['invalid UTF-16 after decoding', '/cb?state=%ED%A0%80'],
  ])('refuses %s', (_name, url) => {
    const parsed = parseCallbackQuery(url);
    // %ED%A0%80 decodes to U+FFFD in WHATWG URL parsing: either refused or harmless.
    if (parsed !== undefined) expect(parsed.state).not.toMatch(/[\uD800-\uDFFF]/);
    else expect(parsed).toBeUndefined();
  });

  it('never throws on any URL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (url) => void parseCallbackQuery(url)),
      { numRuns: 3000 },
    );
  });
});

describe('the callback page', () => {
  it('shows any text escaped, so reflected markup never becomes markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (title, message) => {
        const html = renderCallbackPage({ status: 400, title, message });
        const body = html.slice(html.indexOf('<body>'));
        expect(body).not.toMatch(/<(?!\/?(h1|p|body|html)>)[a-z!/]/i);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes a script in the title', () => {
    expect(renderCallbackPage({ status: 400, title: '<script>alert(1)</script>', message: '"><img src=x onerror=alert(1)>' })).not.toMatch(/<script>|<img/);
  });
});
