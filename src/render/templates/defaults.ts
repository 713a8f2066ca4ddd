/**
 * The default templates: today's messages, exactly (test/render/templates-corpus.test.ts compares
 * them with the fixed renderers over every note of the corpus). config/templates/ holds the same
 * text as files to copy and change.
 */

/** The Discord message, part by part (the file format of templates.discord: see parts.ts). */
export const DEFAULT_DISCORD_TEMPLATE = `=== title ===
{{ note.title }}
=== description ===
{% for point in summary.points %}• {{ point }}
{% endfor %}
=== field: 🔗 ===
{% for link in summary.links %}{{ link.text | link_to: link.url }}
{% endfor %}
=== field: 🌐 ===
{% for language in family.also_in %}{% unless forloop.first %} · {% endunless %}{{ language.name | link_to: language.url }}{% endfor %}
=== footer ===
{{ summary.footer }}
=== color ===
#5865f2
`;

/** The Telegram message (HTML). */
export const DEFAULT_TELEGRAM_TEMPLATE = `<b>{{ note.title | link_to: note.url }}</b>
{%- if summary.points.size > 0 %}
{% for point in summary.points %}
• {{ point }}
{%- endfor %}
{%- endif %}
{%- if summary.links.size > 0 %}
{% for link in summary.links %}
🔗 {{ link.text | link_to: link.url }}
{%- endfor %}
{%- endif %}
{%- if family.also_in.size > 0 %}

🌐 {% for language in family.also_in %}{% unless forloop.first %} · {% endunless %}{{ language.name | link_to: language.url }}{% endfor %}
{%- endif %}

<i>{{ summary.footer }}</i>
`;
