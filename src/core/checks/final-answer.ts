// The final answer of a reply (kept as its own module for the screens that show it): see
// answer-part.ts, which also picks labelled lines and strips Markdown.
export { findFinalAnswer, finalAnswer, type FinalAnswer } from './answer-part.js';
