// What layout tells the desk about each story and page: the copyfit numbers every view shows
// (DESIGN.md §3) and anything that did not fit.

export interface FrameFit {
  readonly frameId: string;
  readonly pageId: string;
  readonly pageNumber: string;
  /** Grid lines text could use in this frame (all columns, after wrap and jump lines). */
  readonly capacity: number;
  /** Lines this story's text (and its jump lines) filled. */
  readonly used: number;
  /** Every usable line is filled. */
  readonly full: boolean;
}

/** Why a picture frame is drawn empty. */
export type PhotoGap =
  /** The frame asks for a photo the story does not have (removed, or the frame points past the last one). */
  | { readonly reason: 'no-photo' }
  /** The photo is still awaited: an import made it from a caption or credit. */
  | { readonly reason: 'no-asset' }
  /** The photo names a file that is not among the assets. */
  | { readonly reason: 'asset-not-in-issue'; readonly assetId: string };

/** A picture frame drawn empty; the desk highlights it by its frame id. */
export type MissingPhoto = PhotoGap & {
  readonly frameId: string;
  readonly photoIndex: number;
  readonly pageId: string;
  readonly pageNumber: string;
};

export interface StoryFit {
  readonly storyId: string;
  readonly slug: string;
  readonly frames: readonly FrameFit[];
  /** Body lines set in the frames, jump lines included. */
  readonly linesUsed: number;
  /** Source characters not placed (a Latin or digit run counts as its width in em, rounded up). */
  readonly oversetChars: number;
  /** Lines the unplaced text needs at the last frame's measure. */
  readonly oversetLines: number;
  /** Empty grid lines left in the story's frames. */
  readonly undersetLines: number;
  /** Empty character cells in those lines and on the last line. */
  readonly undersetChars: number;
  /** Characters no font could draw (set as 〓), each once. */
  readonly missing: readonly string[];
  /** Headline lines wider than their frame even at the narrowest 长体, or a headline block taller than its frame. */
  readonly problems: readonly string[];
  /** Picture frames of the story drawn empty because their photo is not in the issue. */
  readonly photosMissing: readonly MissingPhoto[];
}

export interface PageReport {
  readonly pageId: string;
  readonly number: string;
  readonly name: string;
  /** Stories with at least one frame on this page, in frame order. */
  readonly storyIds: readonly string[];
  /** Frames that do not fit the grid or reference missing stories/photos. */
  readonly problems: readonly string[];
}

export interface LayoutReport {
  readonly pages: readonly PageReport[];
  readonly stories: readonly StoryFit[];
  /** Stories in the budget with no frame on any page. */
  readonly unplaced: readonly string[];
}
