// subset-font ships no types: the one call Yeban makes (src/main/fonts/derived-slice.ts).
declare module 'subset-font' {
  interface SubsetOptions {
    /** Output format; 'truetype' gives plain SFNT, as every other font the loader hands out. */
    targetFormat?: 'truetype' | 'woff' | 'woff2' | 'sfnt';
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
