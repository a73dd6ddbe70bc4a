// Quiz questions generated from the dataset. Each kind (kinds/, one file each) lists the subjects it can
// ask about and builds one question per subject; this generator mixes kinds by difficulty and topic
// without repeating a subject. A question is only built when the dataset gives exactly one right answer:
// cities whose establishment date is disputed, doubted, inferred or unknown never feed a date question,
// and no question rests on what the data does not say (a city missing from a cooperation field may just
// be unrecorded): those kinds quote one of the city's own sentences with its names blanked out. Every
// reveal line names the city it is about, since it is read apart from the card that would say so, and
// cites exactly the sources of what it says.
import type { Dataset } from '../../data/types.js';
import type { Random } from '../random.js';
import type { BuildContext, KindSpec } from './build.js';
import { KINDS, kindSpec } from './kinds/index.js';
import { type QuizPool, quizPool } from './pool.js';
import type { Difficulty, Question, QuestionKind, QuizSettings } from './types.js';

/** How often each level of kind comes up at each difficulty; absent levels are left out. */
const LEVEL_WEIGHTS: Record<Difficulty, Partial<Record<1 | 2 | 3, number>>> = {
  easy: { 1: 1 },
  normal: { 1: 1, 2: 1 },
  hard: { 1: 1, 2: 2, 3: 2 },
};

function subjectsOf(pool: QuizPool, kind: KindSpec): string[] {
  let subjects = pool.subjects.get(kind.kind);
  if (!subjects) {
    subjects = kind.subjects(pool);
    pool.subjects.set(kind.kind, subjects);
  }
  return subjects;
}

/** Every question subject the dataset offers, kind by kind: what a game can draw from. */
export function allSubjects(data: Dataset): { kind: QuestionKind; subjects: string[] }[] {
  const pool = quizPool(data);
  return KINDS.map((k) => ({ kind: k.kind, subjects: [...subjectsOf(pool, k)] }));
}

/** The question of one kind about one subject; null when the dataset cannot support it. */
export function buildQuestion(
  data: Dataset,
  kind: QuestionKind,
  subject: string,
  random: Random,
  difficulty: Difficulty,
): Question | null {
  return kindSpec(kind).build(subject, { pool: quizPool(data), random, difficulty });
}

/**
 * The questions of one game: `settings.rounds` of them when the dataset allows, different subjects
 * each, kinds mixed (never the same kind twice running when another is left). Deterministic for a
 * given `random`.
 */
export function generateQuestions(
  data: Dataset,
  random: Random,
  settings: Pick<QuizSettings, 'rounds' | 'difficulty' | 'topic'>,
): Question[] {
  const pool = quizPool(data);
  const ctx: BuildContext = { pool, random, difficulty: settings.difficulty };
  const available = new Map(
    KINDS.filter((k) => settings.topic === 'any' || k.topic === settings.topic).map(
      (k) => [k, subjectsOf(pool, k)] as const,
    ),
  );
  const weights = LEVEL_WEIGHTS[settings.difficulty];
  const weightOf = new Map<KindSpec, number>();
  for (const kind of available.keys()) {
    const weight = weights[kind.level];
    if (weight) weightOf.set(kind, weight);
  }
  // A topic with too few questions at this level borrows its harder kinds rather than end early.
  const supply = [...weightOf.keys()].reduce((n, k) => n + available.get(k)!.length, 0);
  if (supply < settings.rounds) {
    for (const kind of available.keys()) if (!weightOf.has(kind)) weightOf.set(kind, 1);
  }

  const remaining = new Map<KindSpec, string[]>([...weightOf.keys()].map((k) => [k, [...available.get(k)!]]));
  const questions: Question[] = [];
  let last: KindSpec | undefined;
  while (questions.length < settings.rounds) {
    const open = [...remaining.entries()].filter(([, subjects]) => subjects.length > 0).map(([k]) => k);
    if (open.length === 0) break;
    const choices = open.length > 1 ? open.filter((k) => k !== last) : open;
    const kind = weightedPick(choices, (k) => weightOf.get(k)!, random);
    const subjects = remaining.get(kind)!;
    const [subject] = subjects.splice(Math.floor(random() * subjects.length), 1) as [string];
    const question = kind.build(subject, ctx);
    if (question) {
      questions.push(question);
      last = kind;
    }
  }
  return questions;
}

function weightedPick<T>(items: readonly T[], weight: (item: T) => number, random: Random): T {
  const total = items.reduce((n, item) => n + weight(item), 0);
  let roll = random() * total;
  for (const item of items) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return items[items.length - 1]!;
}
