// The story editor's screen faces (DESIGN.md §1: the editor may use the fontsource web fonts; the page
// view never does). Served from the app's own origin, one unicode-range slice at a time.
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import '@fontsource/noto-sans-sc/700.css';
import '@fontsource/lxgw-wenkai/index.css';
