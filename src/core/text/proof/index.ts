// 校对: findings for the proofreading panel and `yeban check`.
export { checkStory, checkStories, storyFields } from './check';
export { PROOF_RULES, PROOF_RULE_NAMES, type Finding, type ProofOptions, type ProofRule, type TextFinding } from './types';
export { findTraditional } from './traditional';
