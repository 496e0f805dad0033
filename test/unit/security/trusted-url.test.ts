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

describe('isAllowedExternalUrl: WhatsApp chat links', () => {
  it.each([
    'https://wa.me/6281234567890?text=Tagihan%20Rp%2025.000%3A%20https%3A%2F%2Fapp.pakasir.com%2Fpay-v2%2FT1',
    'https://wa.me/6281234567890',
    'https://api.whatsapp.com/send?phone=6281234567890&text=halo',
    'https://WA.ME/6281234567890?text=x',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://wa.me/6281234567890?text=x',
    'https://wa.me.evil.example/6281234567890',
    'https://evil.example/wa.me/6281234567890',
    'https://evil.example/?next=https://wa.me/6281234567890',
    'https://wa.me@evil.example/6281234567890',
    'https://user@wa.me/6281234567890',
    'https://wa.me:8443/6281234567890',
    'https://wa.me/',
    'https://wa.me/message/ABC',
    'https://wa.me/6281234567890/extra',
    'https://wa.me/0812345678?text=x',
    'https://wa.me/6281234567890?text=x&redirect=https://evil.example',
    'https://wa.me/6281234567890?text=x#https://evil.example',
    'https://wa.me/6281234567890?text=a&text=b',
    'https://xn--w-7ba.me/6281234567890',
    'https://wа.me/6281234567890',
    'https://sub.wa.me/6281234567890',
    'https://whatsapp.com/send?phone=6281234567890',
    'https://api.whatsapp.com/send?phone=6281234567890&phone=6289999999999',
    'https://api.whatsapp.com/send?text=x',
    'https://api.whatsapp.com/evil?phone=6281234567890',
    'https://api.whatsapp.com.evil.example/send?phone=6281234567890',
    'https://wa.me\\@evil.example/6281234567890',
    'whatsapp://send?phone=6281234567890',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
