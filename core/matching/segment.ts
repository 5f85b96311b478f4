import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// @node-rs/jieba is a native (napi) module; building its dictionary takes about half a second, so it is built on
// first use, once per process, and a desk that never matches never pays for it.
let jieba: Jieba | undefined;
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

// Words every patent and every need says: they carry no signal and make an OR query touch the whole pool. The second
// group is how patent titles are built (一种……的制备方法, ……的应用, ……结构): a need asking for 制备方法 alone would
// otherwise rank every such title as a full text match.
const STOP_WORDS = new Set([
  '一种',
  '方法',
  '装置',
  '系统',
  '基于',
  '及其',
  '以及',
  '用于',
  '所述',
  '进行',
  '通过',
  '实现',
  '提供',
  '具有',
  '包括',
  '技术',
  '需求',
  '需要',
  '希望',
  '我们',
  '我司',
  '公司',
  '企业',
  '目前',
  '问题',
  '相关',
  '能够',
  '可以',
  '其中',
  '一个',
  '提高',
  '解决',
  '方面',
  '主要',
  '引进',
  '合作',
  '寻求',
  '存在',
  '现有',
  '本发明',
  '实用新型',
  '制备',
  '制作',
  '制造',
  '应用',
  '工艺',
  '结构',
  '使用',
]);

// Characters that jieba leaves alone but say nothing on their own; other single characters (膜, 钢, 砖) are words.
const FUNCTION_CHARS = new Set([
  ...'的了是在和与及或等对将其有为把被从中上下之以于而并使由可该个种高低大小多少好差快慢后前新老',
]);

/** Words worth matching on: a CJK word or a Latin/number term, without the stop words and function characters. */
function isTerm(word: string): boolean {
  if (!/[\p{Script=Han}A-Za-z0-9]/u.test(word) || STOP_WORDS.has(word)) return false;
  return word.length >= 2 || (/\p{Script=Han}/u.test(word) && !FUNCTION_CHARS.has(word));
}

/** The distinct words of a text, as jieba segments it (precise mode with HMM for words not in the dictionary). */
export function terms(text: string): string[] {
  if (!text.trim()) return [];
  const seen = new Set<string>();
  for (const word of segmenter().cut(text.normalize('NFKC').toLowerCase(), true)) {
    const w = word.trim();
    if (isTerm(w)) seen.add(w);
  }
  return [...seen];
}

/** An FTS5 query matching any of the words; each quoted, so that no word is read as query syntax. */
export function anyOf(words: readonly string[]): string | null {
  return words.length === 0 ? null : words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ');
}
