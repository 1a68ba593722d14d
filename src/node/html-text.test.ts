import { describe, expect, it } from 'vitest';
import { declaredCharset, htmlToText } from './html-text';

describe('htmlToText', () => {
  it('turns block elements into paragraphs, <br> into line breaks, and decodes entities', () => {
    const page = `<!doctype html><html><head><title> Port  volume &amp; trade </title>
      <style>p { color: red }</style><script>alert("x")</script></head>
      <body><h1>Port&nbsp;volume rose</h1>
      <p>Shanghai port handled   <b>49.2 million</b> TEU,
      up 3.9%.</p><div>Line one<br>Line two<br/>Line three</div>
      <p>Caf&eacute; &lt;tag&gt; &#x4E0A;&#28023;</p></body></html>`;
    expect(htmlToText(page)).toEqual({
      title: 'Port volume & trade',
      text: 'Port\u00a0volume rose\n\nShanghai port handled 49.2 million TEU, up 3.9%.\n\nLine one\nLine two\nLine three\n\nCafé <tag> 上海',
    });
  });

  it('drops scripts, styles, templates, noscript and iframes, and runs nothing', () => {
    const page = `<p onclick="steal()">Visible</p><script>document.write('injected')</script>
      <template><p>template text</p></template><noscript>enable JS</noscript>
      <iframe src="https://evil.example"></iframe><img src=x onerror="steal()"><p>After</p>`;
    expect(htmlToText(page).text).toBe('Visible\n\nAfter');
  });

  it('keeps lists and table rows on their own lines, cells apart, and <pre> as written', () => {
    const page = `<ul><li>first</li><li>second</li></ul><table><tr><td>a</td><td>1.5%</td></tr><tr><th>b</th><td>2</td></tr></table><pre>  x =  1
  y =  2</pre>`;
    expect(htmlToText(page).text).toBe('first\nsecond\n\na\t1.5%\nb\t2\n\n  x =  1\n  y =  2');
  });

  it('reads a page without a title or body, and finds a declared charset', () => {
    expect(htmlToText('plain <i>text</i> only')).toEqual({ text: 'plain text only', title: null });
    expect(declaredCharset(Buffer.from('<html><head><meta charset="gb2312"></head>'))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=big5">'))).toBe('big5');
    expect(declaredCharset(Buffer.from('<p>no declaration</p>'))).toBeNull();
  });
});
