import { test, expect } from './host/fixtures';

// The import review panel undoes readings of structure, not only text changes: a line read as a 引题 goes
// back to the body (after the 电头 that must open it is undone), a photo credit with no photo goes back to
// the text, a column-break join is split again. The stories are added with the decisions that stand.

const COPY = [
  '聚焦高质量发展',
  '我市一季度经济运行稳中向好',
  '',
  '本报讯(记者 王五)记者从市统计局获悉,今年一季度,全市地区生产总值增长6.2%,规上工业增加值增长8.5%,社会消费品零售总额',
  '',
  '增长7.1%,经济运行稳中向好。',
  '',
  '■通讯员 万众 摄',
  '',
].join('\n');

test('undoes a headline part, a photo credit and a column-break join, and adds the story as reviewed', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '导入稿件', exact: true }).click();
  const panel = page.getByRole('region', { name: '导入稿件' });
  await panel.getByRole('textbox').fill(COPY);
  await panel.getByRole('button', { name: '识别' }).click();
  const story = panel.getByTestId('import-story');
  await expect(story).toHaveCount(1);
  const preview = story.getByTestId('import-preview');
  await expect(preview).toHaveText('标题：聚焦高质量发展 / 我市一季度经济运行稳中向好；正文 1 段；图片 1 张');

  // 引题 was a misreading, but a 电头 opens the body and nothing may stand before it: the panel says so.
  const kicker = story.locator('li[data-rule="headline.kicker"]');
  await expect(kicker).toContainText('聚焦高质量发展');
  await kicker.getByRole('button', { name: '撤销' }).click();
  await expect(panel.getByRole('alert')).toHaveText('正文以电头开头，电头前不能再有段落：请先撤销“识别电头”，再撤销此项');
  await expect(kicker).toHaveCount(1);
  // Undo the 电头 first (it was part of the same misreading), then the 引题 goes to the body's head.
  await story.locator('li[data-rule="dateline.parsed"]').getByRole('button', { name: '撤销' }).click();
  await kicker.getByRole('button', { name: '撤销' }).click();
  await expect(kicker).toHaveCount(0);
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(preview).toHaveText('标题：我市一季度经济运行稳中向好；正文 2 段；图片 1 张');

  // The credit stood for a photo that will not come: it goes back to the text and the waiting frame goes.
  const credit = story.locator('li[data-rule="photo.credit"]');
  await credit.getByRole('button', { name: '撤销' }).click();
  await expect(credit).toHaveCount(0);
  await expect(story.locator('li[data-rule="photo.awaiting"]')).toHaveCount(0);
  await expect(preview).toHaveText('标题：我市一季度经济运行稳中向好；正文 3 段；图片 0 张');

  // The two halves of the sentence were one paragraph across a column break: split them again.
  const join = story.locator('li[data-rule="join.column-break"]');
  await join.getByRole('button', { name: '撤销' }).click();
  await expect(join).toHaveCount(0);
  await expect(preview).toHaveText('标题：我市一季度经济运行稳中向好；正文 4 段；图片 0 张');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await panel.getByRole('button', { name: '将 1 篇稿件加入本期' }).click();
  const slug = page.getByRole('button', { name: '我市一季度经济运行稳中向好', exact: true });
  await expect(slug).toBeVisible();
  await slug.click();
  const editor = page.getByTestId('story-editor-content');
  const paras = editor.locator('p');
  await expect(paras.first()).toHaveText('聚焦高质量发展');
  await expect(paras.nth(1)).toHaveText(/^本报讯\(记者 王五\)记者从市统计局获悉，.*社会消费品零售总额$/);
  await expect(editor).toContainText('增长7.1%，经济运行稳中向好。');
  await expect(editor).toContainText('■通讯员\u3000万众\u3000摄');
  await page.screenshot({ path: test.info().outputPath('import-undone.png') });
});

// Text extracted from a PDF page in column order: two headlines stand above both bodies, and a lone credit
// follows the second. The importer hands the second headline on and attaches the credit to the story before
// it; both readings span two stories and the panel undoes each with the two stories together.
const COLUMNS = [
  '城区道路改造启动',
  '',
  '老旧小区加装电梯',
  '',
  '本报临沂讯(通讯员 周明)3月1日,城区12条道路改造工程启动,计划年内全部完工。',
  '',
  '本报临沂讯(通讯员 吴芳 郑亮)今年,全市计划为200个老旧小区加装电梯,惠及居民1.2万户。',
  '',
  '■通讯员 吴芳 摄',
  '',
  '便民服务进社区',
  '',
  '本报临沂讯(通讯员 孙丽)近日,便民服务活动在某社区举行。',
  '',
].join('\n');

test('undoes a headline handed on and a credit attached across two stories, and adds the stories as reviewed', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '导入稿件', exact: true }).click();
  const panel = page.getByRole('region', { name: '导入稿件' });
  await panel.getByRole('textbox').fill(COLUMNS);
  await panel.getByRole('button', { name: '识别' }).click();
  const stories = panel.getByTestId('import-story');
  const previews = panel.getByTestId('import-preview');
  await expect(stories).toHaveCount(3);
  await expect(previews.nth(0)).toHaveText('标题：城区道路改造启动；正文 1 段；图片 0 张');
  await expect(previews.nth(1)).toHaveText('标题：老旧小区加装电梯；正文 1 段；图片 1 张');

  // The two lines were one headline (引题 + 主题) over the first story: the second story gives its line back.
  const handed = stories.nth(0).locator('li[data-rule="headline.distributed"]');
  await handed.getByRole('button', { name: '撤销' }).click();
  await expect(handed).toHaveCount(0);
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(previews.nth(0)).toHaveText('标题：城区道路改造启动 / 老旧小区加装电梯；正文 1 段；图片 0 张');
  await expect(previews.nth(1)).toHaveText('标题：（无标题）；正文 1 段；图片 1 张');
  await expect(stories.nth(0).locator('li[data-rule="headline.kicker"]')).toContainText('城区道路改造启动');
  await expect(stories.nth(1).locator('li[data-rule="headline.none"]')).toHaveCount(1);

  // The credit was not of the story before it: it stands as a photo story of its own, awaiting the picture.
  const attached = stories.nth(1).locator('li[data-rule="photo.attached"]');
  await attached.getByRole('button', { name: '撤销' }).click();
  await expect(stories).toHaveCount(4);
  await expect(previews.nth(1)).toHaveText('标题：（无标题）；正文 1 段；图片 0 张');
  await expect(stories.nth(2)).toContainText('图片新闻');
  await expect(previews.nth(2)).toHaveText('标题：（无标题）；正文 0 段；图片 1 张');
  await expect(stories.nth(2).locator('li[data-rule="photo.credit"]')).toContainText('■通讯员□吴芳□摄');

  // The decisions left stay undoable: the 电头 and then the 引题 of the first story.
  await stories.nth(0).locator('li[data-rule="dateline.parsed"]').getByRole('button', { name: '撤销' }).click();
  await stories.nth(0).locator('li[data-rule="headline.kicker"]').getByRole('button', { name: '撤销' }).click();
  await expect(previews.nth(0)).toHaveText('标题：老旧小区加装电梯；正文 2 段；图片 0 张');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await panel.getByRole('button', { name: '将 4 篇稿件加入本期' }).click();
  await expect(stories).toHaveCount(0);
  for (const slug of ['老旧小区加装电梯', '本报临沂讯（通讯员 吴芳 郑亮）', '便民服务进社区']) {
    await expect(page.getByRole('button', { name: slug, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: '图片新闻', exact: true }).last()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('import-across-undone.png') });
});

// Column order again: a second interview's headline and byline came after the end of the first one's text, so
// the importer moved the last paragraphs under it. The editor judges they belong to the first interview.
const INTERVIEWS = [
  '做强特色产业 带动群众增收',
  '',
  '某某县县长 陈立新',
  '',
  '抓产业、强支撑,推动特色种植提质增效。全县聚焦两条主线,推动一二三产业融合发展。',
  '',
  '优服务、解难题,营造一流营商环境。持续深化改革,让企业办事更便捷。',
  '',
  '强基础、惠民生,提升公共服务水平。新建学校两所,改造卫生院三家。',
  '',
  '促就业、增收入,完善联农带农机制。让群众在家门口就业增收。',
  '',
  '守底线、保平安,统筹发展和安全。',
  '',
  '抓落实 促发展',
  '',
  '某某镇党委书记 刘洋',
  '',
].join('\n');

test('undoes a body moved under the headline after it: the paragraphs go back to the first story', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '导入稿件', exact: true }).click();
  const panel = page.getByRole('region', { name: '导入稿件' });
  await panel.getByRole('textbox').fill(INTERVIEWS);
  await panel.getByRole('button', { name: '识别' }).click();
  const stories = panel.getByTestId('import-story');
  const previews = panel.getByTestId('import-preview');
  await expect(stories).toHaveCount(2);
  await expect(previews.nth(0)).toHaveText('标题：做强特色产业\u3000带动群众增收；正文 3 段；图片 0 张');
  await expect(previews.nth(1)).toHaveText('标题：抓落实\u3000促发展；正文 2 段；图片 0 张');

  const moved = stories.nth(1).locator('li[data-rule="segment.body-before-headline"]');
  await moved.getByRole('button', { name: '撤销' }).click();
  await expect(moved).toHaveCount(0);
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(previews.nth(0)).toHaveText('标题：做强特色产业\u3000带动群众增收；正文 5 段；图片 0 张');
  await expect(previews.nth(1)).toHaveText('标题：抓落实\u3000促发展；正文 0 段；图片 0 张');
  // The run-in heads came along with their paragraphs and can still be undone where they now stand.
  const runIns = stories.nth(0).locator('li[data-rule="runin"]');
  await expect(runIns).toHaveCount(5);
  await runIns.last().getByRole('button', { name: '撤销' }).click();
  await expect(runIns).toHaveCount(4);
  await expect(stories.nth(1).locator('li[data-rule="runin"]')).toHaveCount(0);
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await panel.getByRole('button', { name: '将 2 篇稿件加入本期' }).click();
  await expect(stories).toHaveCount(0);
  await expect(page.getByRole('button', { name: '做强特色产业 带动群众增收', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '抓落实 促发展', exact: true })).toBeVisible();
});

test('imports the sample page onto an empty page as a first draft (自动排版), saved like any frame edit', async ({ launch }) => {
  const { readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const { createIssue, openIssue } = await import('../src/main/store');
  const documentsDir = test.info().outputPath('documents');
  const dir = path.join(documentsDir, '2024-03-08-太白湖新区.yeban');
  await createIssue(dir, { paper: '济宁日报', date: '2024-03-08', pages: 2, size: 'broadsheet' });
  const copy = await readFile(path.resolve(process.cwd(), '../shared/samples/taibaihu-page.txt'), 'utf8');
  const { page } = await launch({ args: [dir], documentsDir });
  await expect(page.getByText('本期还没有稿件')).toBeVisible();

  await page.getByRole('button', { name: '导入稿件', exact: true }).click();
  const panel = page.getByRole('region', { name: '导入稿件' });
  await panel.getByRole('textbox').fill(copy);
  await panel.getByRole('button', { name: '识别' }).click();
  await expect(panel.getByTestId('import-story')).toHaveCount(13);
  const target = panel.getByTestId('import-target');
  await expect(target.locator('option')).toHaveText(['只加入稿件库', '排上第 01 版（空白版）', '排上第 02 版（空白版）']);
  await target.selectOption('1');
  await panel.getByRole('button', { name: '将 13 篇稿件加入本期' }).click();
  await expect(panel.getByTestId('import-story')).toHaveCount(0, { timeout: 60_000 });

  // Page 02 now carries the draft on disk: a frame for every story, the lead under the 头条主题 style.
  const saved = await openIssue(dir, { readOnly: true });
  const frames = saved.meta.pages[1]!.frames;
  const placed = new Set(frames.flatMap((f) => ('storyId' in f && f.storyId ? [f.storyId] : [])));
  expect(placed.size).toBe(13);
  expect(frames.some((f) => f.kind === 'headline' && f.style === 'leadHeadline')).toBe(true);
  expect(saved.meta.pages[0]!.frames.every((f) => f.kind === 'runningHead')).toBe(true);
  // On the layout desk the page shows the draft; preflight finds nothing overset, only the photos still to come.
  await page.getByRole('tab', { name: '版面' }).click();
  await page.getByRole('navigation', { name: '全部版面' }).locator('[data-page="02"]').click();
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '02');
  await page.getByRole('button', { name: '预检', exact: true }).click();
  const preflight = page.getByRole('region', { name: '预检' });
  await expect(preflight).toContainText('第 02 版「传承雷锋精神　践行初心使命」的图片框');
  await expect(preflight).toContainText('还没有图片');
  await expect(preflight).not.toContainText('超版');
});
