import { useLayoutEffect, useState, type RefObject } from 'react';

/** The element's content size in CSS pixels, kept current as the window is resized. */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setSize((s) =>
        s.width === Math.floor(r.width) && s.height === Math.floor(r.height)
          ? s
          : { width: Math.floor(r.width), height: Math.floor(r.height) },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
