import { describe, expect, it } from 'vitest';
import { defaultOutput, exportPayload, initialForm, joinPath, parsePages } from '../../src/renderer/src/export/export-form';

const SID = '0123456789abcdef';

describe('export dialog choices', () => {
  it('proposes <documents>/导出/ with the issue date as the name', () => {
    expect(defaultOutput('/home/u/Documents/夜班/导出', '2024-03-08', false)).toBe('/home/u/Documents/夜班/导出/20240308.pdf');
    expect(defaultOutput('/home/u/Documents/夜班/导出/', '2024-03-08', true)).toBe('/home/u/Documents/夜班/导出/20240308');
    expect(joinPath('C:\\Users\\u\\导出', '20240308.pdf')).toBe('C:\\Users\\u\\导出\\20240308.pdf');
  });

  it('reads page lists as the flat plan counts them', () => {
    expect(parsePages('1,3-4', 5)).toEqual([0, 2, 3]);
    expect(parsePages('2，1、2～3', 5)).toEqual([0, 1, 2]);
    expect(parsePages('6', 5)).toBe('本期只有 5 个版面，没有第 6 个');
    expect(parsePages('3-1', 5)).toBe('版面范围不对：“3-1”');
    expect(parsePages('a', 5)).toBe('版面写法不对：“a”（例：1,3-4）');
    expect(parsePages(' ', 5)).toBe('请填写要导出的版面，例如 1,3-4');
  });

  it('makes the export:pdf payload from the defaults', () => {
    const form = initialForm('/d/导出', '2024-03-08');
    expect(exportPayload(form, SID, 'j1', 4)).toEqual({
      sessionId: SID, jobId: 'j1', pdfx: '1a', marks: true, bleedMm: 3, split: false, force: false, output: '/d/导出/20240308.pdf',
    });
    expect(exportPayload({ ...form, scope: 'pages', pageList: '2-3', split: true, output: '/d/导出/20240308', bleedMm: '0' }, SID, 'j1', 4)).toMatchObject({
      pages: [1, 2], split: true, bleedMm: 0,
    });
  });

  it('says in Chinese what is wrong with the choices', () => {
    const form = initialForm('/d/导出', '2024-03-08');
    expect(exportPayload({ ...form, output: ' ' }, SID, 'j', 4)).toBe('请填写输出位置');
    expect(exportPayload({ ...form, output: 'out.pdf' }, SID, 'j', 4)).toBe('输出位置须是完整路径：out.pdf');
    expect(exportPayload({ ...form, split: true }, SID, 'j', 4)).toBe('每版一个 PDF 时，输出位置应是文件夹，不是 .pdf 文件');
    expect(exportPayload({ ...form, output: '/d/导出/x' }, SID, 'j', 4)).toBe('整期一个 PDF 时，输出位置应以 .pdf 结尾');
    expect(exportPayload({ ...form, bleedMm: '25' }, SID, 'j', 4)).toBe('出血须是 0–20 之间的毫米数：25');
    expect(exportPayload({ ...form, bleedMm: '' }, SID, 'j', 4)).toBe('出血须是 0–20 之间的毫米数：');
    expect(exportPayload({ ...form, scope: 'pages', pageList: '9' }, SID, 'j', 4)).toBe('本期只有 4 个版面，没有第 9 个');
    expect(exportPayload({ ...form, output: 'C:\\导出\\a.pdf' }, SID, 'j', 4)).toMatchObject({ output: 'C:\\导出\\a.pdf' });
  });
});
