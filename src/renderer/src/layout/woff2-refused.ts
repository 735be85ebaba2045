// Stands in for the `brotli` decoder that fontkit imports for WOFF2 (electron.vite.config.ts aliases it in the
// renderer build). That package decompresses its own 120 KB dictionary the moment it is imported, a sizeable
// part of the app's start-up, for a format the renderer is never sent: the main process serves fonts as SFNT
// (WOFF unwrapped, src/main/fonts/node-font-loader.ts), and a WOFF2 house font cannot be embedded in the PDF
// either (src/core/pdf/sfnt.ts), so it is refused here with the same advice.

export default function decompress(): never {
  throw new Error('是 WOFF2 文件，不能直接使用：请用 .woff、.ttf 或 .otf 文件');
}
