// What a live tester found in the reader's sample: a count in words, then one item per finding. Shared by the rule
// editor and the lexicon editor, so that both testers read and announce the same way.
import type { ComponentChildren } from 'preact';

export function SampleResults({
  summary,
  items,
  className,
}: {
  summary: string;
  items: Array<{ key: string | number; content: ComponentChildren }>;
  className?: string;
}) {
  return (
    <div class={className ? `sample-results ${className}` : 'sample-results'} role="status">
      <p>{summary}</p>
      <ul>
        {items.map((item) => (
          <li key={item.key}>{item.content}</li>
        ))}
      </ul>
    </div>
  );
}
