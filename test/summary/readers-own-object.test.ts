/**
 * "Your" as the object of a note's statement is no reply to the asker's own things: where the language puts
 * the subject and its verb before the object, "your" is not the sentence's first word ("रीबेस आपकी ब्रांच का
 * इतिहास… लिखता है", "变基把你的提交…"), and a sentence so written is the note's substance. "Your" after a
 * connective or a reply word ("तो आपके…", "从你的输出看…") still opens a reply, and no point (issue 23, tester
 * 21-2 F14). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const NOTES: Array<[lang: string, statement: string, rest: string, reply: string]> = [
  [
    'hi',
    'चेरी-पिक आपके चुने हुए कमिट को दूसरी ब्रांच पर दोबारा लागू करता है।',
    'एक ही कमिट के लिए `git cherry-pick <hash>` चलाएँ। टकराव हो तो उसे सुलझाकर `git cherry-pick --continue` चलाएँ।',
    'तो आपके उदाहरण में कमिट पहले से मौजूद है।',
  ],
  [
    'zh',
    '拣选把你的某个提交复制到另一条分支上。',
    '单个提交用 `git cherry-pick <hash>`。遇到冲突时解决后运行 `git cherry-pick --continue`。',
    '从你的输出看，提交已经存在了。',
  ],
];

describe('"your" as the object after a subject and its verb', () => {
  for (const [lang, statement, rest] of NOTES) {
    it(`keeps the note's defining first sentence (${lang})`, () => {
      expect(pointsOfNote(lang, `${statement}\n\n${rest}`)).toContain(statement);
    });
  }
});

describe('"your" after a connective or a preposition', () => {
  for (const [lang, statement, rest, reply] of NOTES) {
    it(`is still a reply to the asker, no point (${lang})`, () => {
      const points = pointsOfNote(lang, `${statement}\n\n${rest}\n\n${reply}`);
      expect(points).toContain(statement);
      expect(points).not.toContain(reply);
    });
  }
});
