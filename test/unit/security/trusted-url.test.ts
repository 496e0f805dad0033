import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl } from '../../../src/main/security/trusted-url';

describe('isAppUrl', () => {
  it.each(['app://pos/', 'app://pos/index.html', 'app://pos/customer.html#x', 'app://pos/assets/a.js?v=1'])(
    'accepts the app page %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://pos.evil/',
    'app://evil/',
    'app://pos:8080/',
    'app://user@pos/',
    'app://user:pw@pos/',
    'https://evil.example/?next=app://pos/',
    'https://evil.example/#app://pos/',
    'http://pos/',
    'file:///etc/passwd',
    'file://pos/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'app://pos\\evil/',
    ' app://pos/',
    'app://pos/\n',
    '',
    'not a url',
    'http://localhost:5173/',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('accepts the dev server origin only when one is given, and only that origin', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/customer.html', `${dev}/`)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
    expect(isAppUrl('http://evil.example/?u=http://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'javascript:alert(1)')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://app.pakasir.com/pay/warung/22000?order_id=KSR1-1',
    'https://pakasir.com/',
    'https://APP.PAKASIR.COM/p',
    'https://app.pakasir.com:443/x',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'https://app.pakasir.com.evil.example/',
    'https://evil.example/?next=https://app.pakasir.com',
    'https://evil.example/app.pakasir.com',
    'https://user@app.pakasir.com@evil.example/',
    'https://app.pakasir.com@evil.example/',
    'https://user@app.pakasir.com/',
    'http://app.pakasir.com/',
    'https://app.pakasir.com:8443/',
    'https://app.pakasir.com./',
    'https://evilpakasir.com/',
    'https://sub.app.pakasir.com/',
    // IDN homographs: Cyrillic 'а' and 'р' become xn-- labels, never equal to the real host.
    'https://аpp.pakasir.com/',
    'https://app.раkasir.com/',
    'https://xn--pp-6kc.pakasir.com/',
    'https://app.pakasir.com\\@evil.example/',
    'https:\\\\app.pakasir.com/',
    'https://app.pakasir.com/\tx',
    'javascript:alert(1)//https://app.pakasir.com',
    'file:///C:/Windows/system32/calc.exe',
    'app://pos/',
    'ms-settings:',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
