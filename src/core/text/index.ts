// Copy in, errors out: plain-text import into stories (this folder) and proofreading (proof/).
export { importText, type ImportOptions, type ImportResult, type ImportedSection } from './import';
export { normalisePunctuation } from './punctuation';
export { splitParagraphs, type SourcePara } from './lines';
export { parseDateline, parseCredits, type ParsedDateline } from './dateline';
export { parsePhotoCredit, splitTrailingCredit, type ParsedPhotoCredit } from './credit';
export { parseInterviewByline, type InterviewByline } from './byline';
export { IMPORT_RULES, type ImportNote, type LocalNote } from './notes';
export { headlineParts } from './build';
