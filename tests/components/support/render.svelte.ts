/**
 * Mounts a component into the page with reactive props: a test changes `props.snapshot` (main
 * pushed a new view) and the component updates as it does in the window.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';

export interface Rendered<Props> {
  /** Assign to a prop to push a new value, then the component is updated (flushed) at once. */
  readonly props: Props;
  update(change: (props: Props) => void): void;
}

const mounted: (() => void)[] = [];

export function render<Props extends Record<string, unknown>>(
  component: Component<Props>,
  initial: Props,
): Rendered<Props> {
  const props = $state(initial);
  const target = document.body.appendChild(document.createElement('div'));
  const instance = mount(component, { target, props });
  flushSync();
  mounted.push(() => {
    void unmount(instance);
    target.remove();
  });
  return {
    props,
    update(change) {
      change(props);
      flushSync();
    },
  };
}

/** Removes every component a test mounted. */
export function cleanup(): void {
  for (const dispose of mounted.splice(0)) dispose();
}
