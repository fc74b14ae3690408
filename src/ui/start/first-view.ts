// The one dynamic entry of the `first-view` chunk (vite.config.ts): the decision code and the request-for-help
// panel, loaded together (preloaded by iframe.html, run at boot). One entry, not two: with two dynamic imports into
// one manual chunk, the bundler emitted a facade for the second whose re-export was broken at run time.
export * as brain from './decide.ts';
export { default as RfhPanel } from '../panel/RfhPanel.tsx';
