// Markdown is rendered once, when a post is written, and stored beside its source.
// Bump RENDERER_VERSION whenever the output would change: start-up re-renders older rows.
import MarkdownIt from "markdown-it";

export const RENDERER_VERSION = 1;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// Users' links must not pass reputation to spammers or get window.opener.
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet("rel", "nofollow ugc noopener");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Only web and mail links: markdown-it already refuses javascript:, this also refuses data: images.
md.validateLink = (url: string) => /^(https?:|mailto:|\/|#)/i.test(url.trim()) || !/^[a-z][a-z0-9+.-]*:/i.test(url.trim());

// Code blocks get a tabindex so keyboard users can scroll wide code.
const defaultFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, idx, options, env, self) =>
  defaultFence(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');
const defaultCodeBlock = md.renderer.rules.code_block!;
md.renderer.rules.code_block = (tokens, idx, options, env, self) =>
  defaultCodeBlock(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** The same parse the renderer makes, as tokens: excerpts read the text a reader sees from it. */
export function markdownTokens(source: string) {
  return md.parse(source, {});
}
