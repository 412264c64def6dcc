/**
 * "The same question" (003 §99: повторні — «з тих питань, які вже були викладені у попередніх
 * зверненнях»): a shared classifier code and summaries that say the same thing. Summaries are
 * compared as sets of word stems: the first five letters of each folded word, which absorbs
 * Ukrainian case endings («ремонт покрівлі будинку» ~ «ремонту покрівлі в будинку»).
 */
import { foldText, normaliseText } from './text';

const STEM_LENGTH = 5;

const STOP_WORDS = new Set(
  [
    'щодо', 'про', 'стосовно', 'прошу', 'просимо', 'просить', 'питання', 'звернення', 'заява', 'скарга', 'пропозиція',
    'з', 'зі', 'із', 'в', 'у', 'на', 'та', 'і', 'й', 'а', 'до', 'за', 'по', 'не', 'що', 'як', 'від', 'для', 'через',
    'мене', 'мій', 'моя', 'моє', 'мого', 'моєї', 'мої', 'наш', 'наша', 'наше', 'нашого', 'нашої', 'наші', 'це', 'цей', 'ця',
    'його', 'її', 'їх', 'вул', 'буд', 'кв', 'м', 'с', 'будь', 'ласка', 'вже', 'ще', 'також', 'якщо', 'або', 'чи',
  ].map((w) => foldText(normaliseText(w))),
);

/** Sorted distinct stems of a summary. */
export function summaryStems(summary: string): string[] {
  const stems = new Set<string>();
  for (const w of foldText(normaliseText(summary)).split(/[\s\-/]+/)) {
    if (!w || STOP_WORDS.has(w)) continue;
    if (/^\d/.test(w)) stems.add(w);
    else if (w.length >= 3) stems.add(w.slice(0, STEM_LENGTH));
  }
  return [...stems].sort();
}

export interface QuestionLike {
  topics: readonly string[];
  stems: readonly string[];
}

export interface QuestionSimilarity {
  same: boolean;
  /** 0..1: the larger of Jaccard similarity and containment of the stems. */
  score: number;
  sharedTopics: string[];
  sharedStems: string[];
}

export const SAME_QUESTION_SCORE = 0.5;

const topicRoot = (code: string) => code.slice(0, 3);

/** Same question: at least one classifier topic in common and summaries that mostly agree. */
export function compareQuestions(a: QuestionLike, b: QuestionLike): QuestionSimilarity {
  const bRoots = new Set(b.topics.map(topicRoot));
  const sharedTopics = [...new Set(a.topics.map(topicRoot))].filter((t) => bRoots.has(t)).sort();
  const sharedStems: string[] = [];
  // Both are sorted: a merge walk.
  let i = 0;
  let j = 0;
  while (i < a.stems.length && j < b.stems.length) {
    const x = a.stems[i]!;
    const y = b.stems[j]!;
    if (x === y) {
      sharedStems.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.stems.length + b.stems.length - sharedStems.length;
  const jaccard = union ? sharedStems.length / union : 0;
  const smaller = Math.min(a.stems.length, b.stems.length);
  const containment = smaller >= 2 ? sharedStems.length / smaller : 0;
  const score = Math.round(Math.max(jaccard, containment * 0.9) * 1000) / 1000;
  return { same: sharedTopics.length > 0 && score >= SAME_QUESTION_SCORE, score, sharedTopics, sharedStems };
}
