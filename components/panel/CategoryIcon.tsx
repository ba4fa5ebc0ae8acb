// The shape that stands for a category next to its colour (legend, chart, findings).
import type { Category } from '../../analyser/taxonomy';
import { CATEGORY_STYLES, type Shape } from './palette';

const SHAPES: Record<Shape, string> = {
  circle: 'M6 1a5 5 0 1 1 0 10A5 5 0 0 1 6 1z',
  square: 'M1.5 1.5h9v9h-9z',
  triangle: 'M6 1l5 9.5H1z',
  diamond: 'M6 0.5l5.5 5.5L6 11.5 0.5 6z',
  ring: 'M6 1a5 5 0 1 1 0 10A5 5 0 0 1 6 1zm0 2.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  'triangle-down': 'M1 1.5h10L6 11z',
  star: 'M6 0.5l1.6 3.6 3.9.4-2.9 2.6.8 3.9L6 9 2.6 11l.8-3.9L.5 4.5l3.9-.4z',
  cross: 'M3 1l3 3 3-3 2 2-3 3 3 3-2 2-3-3-3 3-2-2 3-3-3-3z',
  hexagon: 'M3.25 1.2h5.5L11.5 6l-2.75 4.8h-5.5L.5 6z',
};

/** Decorative: the category's name is always written next to it. */
export function CategoryIcon({ category }: { category: Category }) {
  return (
    <svg class={`cat-icon cat-${category}`} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d={SHAPES[CATEGORY_STYLES[category].shape]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
}

/** A small flag drawn before "Red flag" tags. */
export function FlagIcon() {
  return (
    <svg class="flag-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 0.5h1.4v11H2zM3.4 1h7l-2 3 2 3h-7z" fill="currentColor" />
    </svg>
  );
}
