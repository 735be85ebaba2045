// sharp writes resolution only through withMetadata(), which also turns the image back into sRGB; a CMYK
// JPEG from sharp therefore carries no pixels-per-inch. We add a JFIF APP0 segment with the density right
// after SOI (libjpeg and libvips read it, and the Adobe APP14 marker still declares the CMYK transform).

export function withJfifDensity(jpeg: Uint8Array, ppi: number): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)');
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0) throw new Error('JPEG already has an APP0 segment');
  if (!Number.isInteger(ppi) || ppi < 1 || ppi > 0xffff) throw new Error(`density out of range: ${ppi}`);
  const app0 = Uint8Array.from([
    0xff, 0xe0, 0x00, 0x10, // APP0, length 16
    0x4a, 0x46, 0x49, 0x46, 0x00, // "JFIF\0"
    0x01, 0x01, // version 1.01
    0x01, // units: dots per inch
    ppi >> 8, ppi & 0xff, ppi >> 8, ppi & 0xff, // X and Y density
    0x00, 0x00, // no thumbnail
  ]);
  const out = new Uint8Array(jpeg.length + app0.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(app0, 2);
  out.set(jpeg.subarray(2), 2 + app0.length);
  return out;
}
