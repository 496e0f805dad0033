import type { Page } from 'playwright-core';

export interface LayoutProblem {
  what: string;
  el: string;
}

export interface LayoutFacts {
  problems: LayoutProblem[];
  /** The largest font size of any visible text, and which element has it. */
  largestFont: { px: number; testId: string | null; text: string };
  totalFont: number | null;
}

/**
 * Looks at every visible element as a person would: each must lie inside the viewport, and
 * no box may have content wider or taller than itself (text ellipsized, clipped or pushed
 * out of its box). Also reports which text is the largest.
 */
export function checkLayout(page: Page): Promise<LayoutFacts> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const problems: { what: string; el: string }[] = [];
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}.${(el.getAttribute('class') ?? '').split(' ')[0]} "${text}"`;
    };
    let largest = { px: 0, testId: null as string | null, text: '' };
    let totalFont: number | null = null;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || el.closest('[hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {
        problems.push({
          what: `outside the ${vw}x${vh} viewport: ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`,
          el: name(el),
        });
      }
      if (cs.display !== 'inline' && el.clientWidth > 0) {
        if (el.scrollWidth > el.clientWidth + 1)
          problems.push({ what: `content wider than its box: ${el.scrollWidth} > ${el.clientWidth}`, el: name(el) });
        if (el.scrollHeight > el.clientHeight + 1 && el.tagName !== 'BODY' && el.tagName !== 'HTML')
          problems.push({ what: `content taller than its box: ${el.scrollHeight} > ${el.clientHeight}`, el: name(el) });
      }
      if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth)
        problems.push({ what: 'text ellipsized', el: name(el) });
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (ownText) {
        const px = parseFloat(cs.fontSize);
        if (el.getAttribute('data-testid') === 'customer-total') totalFont = px;
        if (px > largest.px)
          largest = { px, testId: el.getAttribute('data-testid'), text: (el.textContent ?? '').trim() };
      }
    }
    return { problems, largestFont: largest, totalFont };
  });
}

/**
 * Resizes the customer display and waits until its views are laid out for the new size and
 * drawn. They size themselves from the window (a ResizeObserver, then a render), so the
 * window's new size alone says nothing about what is on screen: `data-size` on the main
 * element names the size the views were computed for, and must match the element's own.
 */
export async function resizeCustomer(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForFunction(
    ([w, h]) => {
      const main = document.querySelector('[data-testid="customer-state"]');
      if (!main || window.innerWidth !== w || window.innerHeight !== h) return false;
      const r = main.getBoundingClientRect();
      return main.getAttribute('data-size') === `${Math.floor(r.width)}x${Math.floor(r.height)}`;
    },
    [size.width, size.height] as const,
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
