import path from 'node:path';
import { digestPage } from '../../../core/display/digest';
import { exportPdf, ExportError } from '../../services/export-pdf';
import { exportFacts, layOutIssueFolder } from '../../services/layout-issue';
import { type ExportView } from '../channels';
import { type HandlerContext, type HandlerTable } from '../dispatch';
import { storeHandlers, openSession } from './store';

// Export from the desk: the open session's drafts are saved first, then the issue is read back from its
// folder and laid out here, in the main process, so the PDF is made of exactly what is on disk — the same
// pipeline as `yeban export`. Progress goes to the window as host events.

/** `<documents>/导出/`: beside the issues, not inside one (an export is not part of the issue's history). */
export const exportDirOf = (ctx: HandlerContext): string => path.join(ctx.documentsDir, '导出');

class ExportRefused extends Error {
  readonly code = 'export-refused';
}

export const exportHandlers: HandlerTable = {
  'export:defaults': async (p, ctx) => {
    const desk = await storeHandlers['issue:get']!(p, ctx);
    return { dir: exportDirOf(ctx), issueDate: desk.issue.date, pageCount: desk.issue.pages.length };
  },
  'export:pdf': async (p, ctx) => {
    const emit = (done: number, total: number, page: string, phase: 'saving' | 'layout' | 'writing' | 'done') =>
      ctx.emit?.({ type: 'export-progress', jobId: p.jobId, done, total, page, phase });
    const toFile = /\.pdf$/i.test(p.output);
    if (p.split && toFile) throw new ExportRefused(`每版一个 PDF 时，输出须是文件夹，而不是 ${p.output}`);
    if (!p.split && !toFile) throw new ExportRefused(`整期导出为一个 PDF 时，输出须以 .pdf 结尾：${p.output}`);
    if (!path.isAbsolute(p.output)) throw new ExportRefused(`输出路径须是完整路径：${p.output}`);

    const desk = await storeHandlers['issue:get']!({ sessionId: p.sessionId }, ctx);
    const session = await openSession(desk.dir);
    emit(0, 1, '', 'saving');
    const saved: string[] = [];
    const conflicts: string[] = [];
    for (const [id, outcome] of Object.entries(await session.saveAll())) {
      if (outcome.status === 'conflict') conflicts.push(id);
      else if (outcome.status === 'saved') saved.push(id);
    }

    emit(0, 1, '', 'layout');
    const laid = await layOutIssueFolder(session.dir);
    const display = laid.result.display;
    const chosen = p.pages ?? display.pages.map((_, i) => i);
    let outcome;
    try {
      outcome = await exportPdf(
        exportFacts(laid),
        {
          output: p.output, split: p.split, pages: p.pages, pdfx: p.pdfx, bleedMm: p.bleedMm, marks: p.marks, force: p.force,
          onProgress: (done, total, page) => emit(done, total, page, 'writing'),
        },
      );
    } catch (e) {
      if (e instanceof ExportError) throw new ExportRefused(e.message);
      throw e;
    }
    emit(chosen.length, chosen.length, '', 'done');
    const view: ExportView = {
      files: outcome.files.map((f) => ({ path: p.split ? path.join(p.output, f.file) : p.output, pages: [...f.pages], bytes: f.bytes, sha256: f.sha256 })),
      held: [...outcome.held],
      findings: outcome.findings.map((f) => ({ severity: f.severity, code: f.code, page: f.page, message: f.message, storyId: f.storyId, assetId: f.assetId })),
      manifestPath: outcome.manifestPath,
      errors: outcome.errors,
      saved,
      conflicts,
      pages: chosen.map((i) => digestPage(display.pages[i]!)),
    };
    return view;
  },
};
