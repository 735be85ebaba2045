import { useEffect, useState } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { type LayoutReport } from '../../../core/layout';
import { type IssueMeta, type Story } from '../../../core/model';
import { type DeskSession } from '../../../preload/api';
import { ExportDialog } from '../export/ExportDialog';
import { useI18n } from '../i18n/I18nProvider';
import { ImportPanel } from '../importer/ImportPanel';
import { yeban } from '../ipc/api';
import { ProofPanel } from '../proof/ProofPanel';
import { PreflightPanel } from './PreflightPanel';
import { locate, type Spot } from './spot';
import { useFrameHighlight } from './useFrameHighlight';

type Panel = 'preflight' | 'proof' | 'import' | 'export';

export interface DeskPanelsProps {
  sessionId: string;
  readOnly: boolean;
  meta: IssueMeta;
  stories: ReadonlyMap<string, Story>;
  report: LayoutReport | null;
  pages: readonly DisplayPage[];
  /** The desk layout's font registry (null until its first layout): fonts already fetched and parsed. */
  fonts: FontRegistry | null;
  /** Go to a page on the layout desk. */
  onShowPage(pageIndex: number): void;
  /** Open a story on the writing desk. */
  onOpenStory(storyId: string): void;
  onAdded(session: DeskSession, stories: Story[]): void;
}

/**
 * The desk's checks and output: 预检, 校对, 导入稿件 and 导出 PDF, one panel open at a time. A finding's
 * click shows its spot — the page with the frame lit up, or the story opened.
 */
export function DeskPanels(props: DeskPanelsProps) {
  const { t } = useI18n();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [lit, setLit] = useState<string | null>(null);
  useFrameHighlight(lit);

  // The native menu's 导出 (⌘E) opens the dialog.
  useEffect(
    () =>
      yeban().onHostEvent((e) => {
        if (e.type === 'menu-command' && e.command === 'export-pdf') setPanel('export');
      }),
    [],
  );

  const show = (spot: Spot) => {
    if (spot.pageIndex !== null) {
      setLit(spot.frameId);
      props.onShowPage(spot.pageIndex);
    } else if (spot.storyId) {
      props.onOpenStory(spot.storyId);
    }
  };
  // Closing the panel also puts out the frame it lit.
  const close = () => {
    setPanel(null);
    setLit(null);
  };
  const toggle = (p: Panel) => (panel === p ? close() : setPanel(p));
  const button = (p: Panel, key: 'desk.openPreflight' | 'desk.openProof' | 'desk.openImport' | 'desk.openExport') => (
    <button type="button" aria-pressed={panel === p} onClick={() => toggle(p)}>
      {t(key)}
    </button>
  );

  return (
    <>
      <div className="desk-panels" role="toolbar" aria-label={t('desk.panels')}>
        {button('preflight', 'desk.openPreflight')}
        {button('proof', 'desk.openProof')}
        {!props.readOnly && button('import', 'desk.openImport')}
        {button('export', 'desk.openExport')}
      </div>
      {panel === 'preflight' && (
        <PreflightPanel meta={props.meta} stories={props.stories} report={props.report} pages={props.pages} onShow={show} onClose={close} />
      )}
      {panel === 'proof' && <ProofPanel meta={props.meta} stories={props.stories} onOpenStory={props.onOpenStory} onClose={close} />}
      {panel === 'import' && (
        <ImportPanel sessionId={props.sessionId} meta={props.meta} readOnly={props.readOnly} fonts={props.fonts} onAdded={props.onAdded} onClose={close} />
      )}
      {panel === 'export' && (
        <ExportDialog
          sessionId={props.sessionId}
          screenPages={props.pages}
          onShowFinding={(f) => show(locate(props.pages, { pageNumber: f.page, storyId: f.storyId, assetId: f.assetId }))}
          onClose={close}
        />
      )}
    </>
  );
}
