// An endpoint that answers with a web page (a login portal, a proxy's error page, a base URL that
// points at a web UI instead of its /v1 API) is named as such. Without this, a streamed request
// read an HTML body as an SSE stream with no events and reported "the reply stream ended before
// the model finished", and an error page was quoted as raw markup.
export const HTML_REPLY = 'the endpoint returned an HTML page, not an OpenAI-compatible response';

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body|title|meta)\b/i.test(text);
}

export function isHtmlContentType(contentType: string | null | undefined): boolean {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  return media === 'text/html' || media === 'application/xhtml+xml';
}
