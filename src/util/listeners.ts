/** Listeners of one kind of event: added by whoever wants to know, told by whoever sees it. */
export interface Listeners<T> {
  add(listener: (event: T) => void): void;
  tell(event: T): void;
}

export function listeners<T>(): Listeners<T> {
  const all: ((event: T) => void)[] = [];
  return {
    add: (listener) => void all.push(listener),
    tell: (event) => all.forEach((l) => l(event)),
  };
}
