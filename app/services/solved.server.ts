// What "solved" means, in SQL, for lists and search: a question is solved when it has an accepted
// answer or a live answer staff verified; an answer is a solving answer when it is the accepted
// one or staff verified it. One definition, used by every query that shows or filters "solved".
import { sql, type SQL } from "drizzle-orm";

/** `alias` is a posts alias holding questions (a constant in our code, never user input). */
export function questionSolvedSql(alias: string): SQL {
  return sql.raw(
    `(${alias}.accepted_answer_id is not null or exists (select 1 from posts sv where sv.question_id = ${alias}.id and sv.type = 'answer' and sv.staff_verified_at is not null and sv.deleted_at is null))`,
  );
}

/** `answer` a posts alias of answers, `question` the alias of their question. */
export function answerSolvesSql(answer: string, question: string): SQL {
  return sql.raw(`(${question}.accepted_answer_id is not distinct from ${answer}.id or ${answer}.staff_verified_at is not null)`);
}
