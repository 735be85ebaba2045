// opencc-js ships no types. Only the pieces the proofreader loads are declared: the converter factory of
// its environment-free core and the dictionaries, which are plain strings `from to|from to|…`.
declare module 'opencc-js/core' {
  export type DictLike = string | string[][];
  export function ConverterFactory(...dictGroups: DictLike[][]): (text: string) => string;
}
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TSPhrases' {
  const dict: string;
  export default dict;
}
