/**
 * The `yaml` package, loaded the first time it is used. A parse thread reads most front matter
 * without it (plain-yaml.ts), and loading it at each thread's start cost ~75 ms of CPU of the
 * thread's ~300 ms of module loading, every cold start and every save's new thread (issue 31).
 * Its Node entry is CommonJS, so `require` loads it synchronously: the module `import` would give.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let loaded: Yaml | undefined;

export function yaml(): Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as Yaml;
  return loaded;
}
