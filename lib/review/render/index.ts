// The render stage: the report as markdown (with mermaid diagrams) or JSON. Formatting only.
export { renderJson } from './json';
export { renderMarkdown } from './markdown';
export { DIAGRAM_LIMIT } from './mermaid';
