// The text fonts an annotator can choose, each with CJK fallbacks so Chinese renders in every choice.

/** CJK faces common on macOS, Windows and Linux, appended to every stack. */
const CJK = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"';

/** Font stacks by the name shown in the settings. */
export const FONT_STACKS: Record<string, string> = {
  Sans: `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, ${CJK}, sans-serif`,
  Serif: `Georgia, "Times New Roman", "Songti SC", SimSun, "Noto Serif CJK SC", ${CJK}, serif`,
  Mono: `ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", ${CJK}, monospace`,
};

/** The font used until the annotator picks one. */
export const DEFAULT_FONT = 'Sans';
