/** What a check knows besides its own fields. */
export interface CheckContext {
  /** The task's answer labels (task.answerLabels): checks read those lines when an answer has them. */
  labels?: readonly string[];
  /** The rubric item's text, for reasons that say what was expected without showing a pattern. */
  item?: string;
}
