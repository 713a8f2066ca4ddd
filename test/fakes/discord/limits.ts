/**
 * Discord's message and embed limits, checked the way Discord does (docs: resources/message.mdx,
 * Create Message and Embed Limits), with its 50035 Invalid Form Body error shape (docs:
 * reference.mdx, Error Messages). Autocomplete choices: interactions/application-commands.mdx.
 */
export interface EmbedLike {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  author?: { name: string };
}

export interface FormError {
  path: string;
  code: string;
  message: string;
}

export function validateMessage(body: { content?: string; embeds?: EmbedLike[] }): FormError[] {
  const errors: FormError[] = [];
  const len = (s: string | undefined) => (s ? [...s].length : 0);
  if (!body.content && !(body.embeds && body.embeds.length)) errors.push({ path: 'content', code: 'BASE_TYPE_REQUIRED', message: 'Cannot send an empty message' });
  if (len(body.content) > 2000) errors.push({ path: 'content', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' });
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) errors.push({ path: 'embeds', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  let total = 0;
  embeds.forEach((e, i) => {
    const check = (path: string, v: string | undefined, max: number) => {
      if (len(v) > max) errors.push({ path: `embeds.${i}.${path}`, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
      total += len(v);
    };
    check('title', e.title, 256);
    check('description', e.description, 4096);
    check('footer.text', e.footer?.text, 2048);
    check('author.name', e.author?.name, 256);
    if ((e.fields?.length ?? 0) > 25) errors.push({ path: `embeds.${i}.fields`, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    e.fields?.forEach((f, j) => {
      if (!f.name || !f.value) errors.push({ path: `embeds.${i}.fields.${j}`, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      check(`fields.${j}.name`, f.name, 256);
      check(`fields.${j}.value`, f.value, 1024);
    });
    if (e.url && !/^https?:\/\//.test(e.url)) errors.push({ path: `embeds.${i}.url`, code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' });
  });
  // The 6000 total across all embeds, which discord.js's builders do not check.
  if (total > 6000) errors.push({ path: 'embeds', code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  return errors;
}

export function validateChoices(choices: { name: string; value: string | number }[] | undefined): FormError[] {
  const errors: FormError[] = [];
  if (!Array.isArray(choices)) return [{ path: 'data.choices', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  if (choices.length > 25) errors.push({ path: 'data.choices', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  choices.forEach((c, i) => {
    if (!c.name || [...c.name].length > 100) errors.push({ path: `data.choices.${i}.name`, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    if (typeof c.value === 'string' && [...c.value].length > 100) errors.push({ path: `data.choices.${i}.value`, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  });
  return errors;
}

/** `{code: 50035, message: 'Invalid Form Body', errors: {embeds: {0: {title: {_errors: [...]}}}}}` */
export function formErrorBody(errors: FormError[]): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const e of errors) {
    let node = tree;
    for (const part of e.path.split('.')) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as unknown[]).push({ code: e.code, message: e.message });
  }
  return { code: 50035, message: 'Invalid Form Body', errors: tree };
}
