// Page layout: grid, frames, threads, wrap, copyfit → the display list (DESIGN.md §1, §3).
export { LayoutEngine, type LayoutResult } from './engine';
export { ComposeTypesetter } from './compose-typesetter';
export { type Typesetter, type SetLine, type TextOptions, lineChars } from './typesetter';
export type { LayoutReport, MissingPhoto, PageReport, PhotoGap, StoryFit, FrameFit } from './report';
export { pageGrid, gridRect, lineTop, lineBaseline, linesHeight, columnLeft, spanWidth, gridProblem, type PageGrid, type Rect, type GridCoords } from './grid';
export { blockRect } from './block';
export { frameColumns, type FrameColumn } from './columns';
export { lineSegment, type Obstacle, type Segment } from './wrap';
export { headlineLinesFor, centredBaseline } from './headline-lines';
export { pageObstacles, insetOf } from './obstacles';
export { frameSlots, type Slot } from './slots';
export { flowThread, jumpPageName, type ThreadFrame, type ThreadResult, type PlacedLine } from './thread';
export { runningHeadTexts } from './running-head';
export { pictureRect } from './image';
