// A ref that always holds the latest value of a render, for listeners registered once.

import { useLayoutEffect, useRef, type RefObject } from 'react';

/** The value of the latest committed render, readable from a listener that was registered once. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
