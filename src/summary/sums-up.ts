/**
 * The writer's own summing-up: a section whose heading says it sums the note up ("Summary",
 * "Final thoughts", "まとめ", "الخلاصة"); what it says is told by walk.ts sumsNoteUp. Pure.
 */

/**
 * Headings of a section that sums a note up, in the nine languages of the blog and a few more: the
 * words a writer heads a closing section with (a summary, a conclusion, the final or closing
 * thoughts, the takeaways, a recap, a wrap-up).
 */
export const SUMS_UP = new RegExp(
  String.raw`(?:^|\s)(?:summary|in short|in summary|conclusions?|tl;?dr|(?:key )?takeaways?|bottom line|(?:final|closing|concluding) (?:thoughts|words|remarks)|recap|wrap(?:ping)?[- ]up|` +
    String.raw`zusammenfassung|fazit|schlussfolgerung(?:en)?|schlusswort|abschließende gedanken|` +
    String.raw`resumen|conclusión|conclusiones|en resumen|reflexiones finales|` +
    String.raw`résumé|en bref|en résumé|conclusion|pour conclure|` +
    String.raw`sumário|resumo|riepilogo|conclusione|` +
    String.raw`सारांश|निष्कर्ष|الخلاصة|ملخص|خلاصة|الخاتمة|خاتمة|الاستنتاج)(?=$|[\s:：.,])` +
    String.raw`|总结|總結|小结|小結|结论|結論|结语|結語|まとめ|要約|おわりに`,
  'iu',
);
