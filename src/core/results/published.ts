// CL-bench's published solve rates (paper, mean of 3 runs, reasoning mode), shown beside ours
// for orientation only: they were obtained by the paper's authors on CL-bench, not by clplay.
export interface PublishedResult {
  model: string;
  overall: number;
  domain?: number;
  rule?: number;
  procedural?: number;
  empirical?: number;
}

export const CLBENCH_PUBLISHED: readonly PublishedResult[] = [
  { model: 'GPT-5.1 (High)', overall: 23.7, domain: 25.3, rule: 23.7, procedural: 23.8, empirical: 18.1 },
  { model: 'Claude Opus 4.5 Thinking', overall: 21.1, domain: 23.7, rule: 19.0, procedural: 22.6, empirical: 15.1 },
  { model: 'o3 (High)', overall: 17.8 },
  { model: 'Kimi K2 Thinking', overall: 17.6 },
  { model: 'Gemini 3 Pro (High)', overall: 15.8 },
  { model: 'DeepSeek V3.2 Thinking', overall: 13.2 },
];
export const CLBENCH_TEN_MODEL_AVERAGE = 17.2;
