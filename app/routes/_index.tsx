// The home page is the question list.
export { default, loader, meta, ErrorBoundary } from "./questions._index";
