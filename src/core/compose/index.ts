// Public face of the composer. Layout, the CLI and the bench import from here.
export { composeParagraph, ensureParagraphs, paragraphsReady, fontNeeds, type ComposeContext } from './paragraph';
export { ComposeCache, composeParagraphs } from './cache';
export { setHeadline, type HeadlineOptions, type HeadlineLine } from './headline';
export { settingsFrom, runStyle, paragraphStyle, cmyk } from './styles';
export { kinsokuRules, isHan } from './classes';
export type { ComposedLine, ComposedParagraph, ComposeSettings, MissingChar, RunStyle, SourceContext } from './types';
