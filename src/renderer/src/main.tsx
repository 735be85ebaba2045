// Module order is evaluation order: the early requests first, then the app (app-root.tsx).
import './boot/start';
import './styles.css';
import './app-root';
